package org.ruxue.lottery.cli;

/** The usage text, in English and in Chinese, since the tool is for every family. */
final class Help {

	static final String TEXT = """
			ruxue-lottery: draw, verify and check school lotteries by LOTTERY.md version 1.

			Usage: java -jar ruxue-lottery.jar COMMAND OPTIONS
			  draw     --snapshot FILE (--entropy TEXT | --entropy-file FILE) [--out FILE]
			           Draws the lottery; writes the result to FILE, or to standard output.
			  verify   --snapshot FILE (--entropy TEXT | --entropy-file FILE) --result FILE
			           Re-draws and compares the published result byte for byte.
			  check    --snapshot FILE --result FILE
			           Tests the result's properties (seats, choices, numbers, stability)
			           without re-drawing.
			  simulate --snapshot FILE --runs N [--threads T] [--seed S] [--out FILE]
			           Estimates chances over N runs with fresh random numbers;
			           CSV id,school,share (school '-' is the share left unplaced).
			  explain  --snapshot FILE (--entropy TEXT | --entropy-file FILE) --student ID
			           Explains one student's placement, choice by choice.
			  generate [--city beijing|chile] [--students N] [--schools N] [--max-choices N]
			           [--batches N] [--mechanism M] [--tie-breaking T] [--seed S] [--out FILE]
			           Writes a made-up snapshot for trials and benchmarks.
			The entropy is used byte for byte as UTF-8 (no trimming); --entropy-file takes the
			file's first line without its LF.
			Exit status: 0 all is well; 1 verification or check failed (the first offending
			line is printed as 'line N: REASON'); 2 bad input (with the reason).

			ruxue-lottery：按 LOTTERY.md 第 1 版进行电脑派位、复核与检查。

			用法：java -jar ruxue-lottery.jar 命令 选项
			  draw     --snapshot 文件 (--entropy 文本 | --entropy-file 文件) [--out 文件]
			           进行派位；结果写入文件，未指定时输出到标准输出。
			  verify   --snapshot 文件 (--entropy 文本 | --entropy-file 文件) --result 文件
			           重新派位，并与公布的结果逐字节比对。
			  check    --snapshot 文件 --result 文件
			           不重新派位，独立检查结果的性质（学位数、志愿、随机号、稳定性）。
			  simulate --snapshot 文件 --runs 次数 [--threads 线程数] [--seed 种子] [--out 文件]
			           用新的随机数模拟多次，估计录取概率；输出 CSV：id,school,share
			           （school 为 '-' 表示未被录取的比例）。
			  explain  --snapshot 文件 (--entropy 文本 | --entropy-file 文件) --student 编号
			           逐个志愿说明某位学生的录取结果。
			  generate 生成用于试验和性能测试的虚构快照（选项同上）。
			随机源（entropy）按 UTF-8 逐字节使用，不去除空格；--entropy-file 取文件第一行（不含换行）。
			退出码：0 正常；1 复核或检查未通过（打印第一处问题 'line N: 原因'）；2 输入有误（附原因）。
			""";

	private Help() {
	}

}

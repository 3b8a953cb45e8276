package org.ruxue.app.population;

import java.util.List;
import java.util.Random;

/**
 * Plausible Chinese names: common surnames, the commoner ones drawn more often, and given
 * names of one or two characters popular for the person's sex and generation. They are
 * combinations, not names of real people.
 */
final class SyntheticNames {

	/** Roughly in order of frequency; {@link #surname} favours the front. */
	private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
			"马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
			"田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
			"钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
			"薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔",
			"汤", "欧阳");

	private static final List<String> BOYS = chars("子浩宇轩睿博泽俊昊明杰航晨逸凯铭皓天一嘉文辰然阳磊豪诚源鑫奕钧霖哲楷烨彬翔");

	private static final List<String> GIRLS = chars("欣怡梦雨涵诗佳萱彤悦琪婷雅静思若可馨妍钰语梓子一茜璐瑶晴琳雯菲嘉乐心蕾月");

	private static final List<String> MEN = chars("伟强磊军勇杰涛斌超明刚鹏辉华亮建国峰东海波宁林飞文志永春宏新");

	private static final List<String> WOMEN = chars("丽静芳娟敏燕艳玲霞红洁婷娜丹慧莉萍雪颖琳秀英梅晶倩蕾春华玉楠");

	private SyntheticNames() {
	}

	static String surname(Random random) {
		double u = random.nextDouble();
		return SURNAMES.get((int) (u * u * SURNAMES.size()));
	}

	static String childGivenName(Random random, Sex sex) {
		return givenName(random, (sex == Sex.MALE) ? BOYS : GIRLS, 0.8);
	}

	static String adultGivenName(Random random, Sex sex) {
		return givenName(random, (sex == Sex.MALE) ? MEN : WOMEN, 0.5);
	}

	private static String givenName(Random random, List<String> characters, double twoCharacters) {
		String first = characters.get(random.nextInt(characters.size()));
		if (random.nextDouble() >= twoCharacters) {
			return first;
		}
		String second = characters.get(random.nextInt(characters.size()));
		return second.equals(first) ? first + first : first + second;
	}

	private static List<String> chars(String characters) {
		return characters.codePoints().mapToObj(Character::toString).toList();
	}

}

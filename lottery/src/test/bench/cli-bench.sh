#!/usr/bin/env bash
# Times the command line as a whole process (JVM start, parse, draw, write) at Beijing and
# Chile scale, and measures peak heap. Usage, from the repository root, after
#   ./mvnw -q -pl lottery verify dependency:build-classpath \
#       -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# run: bash lottery/src/test/bench/cli-bench.sh [REPEATS]
set -euo pipefail
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=lottery/target/ruxue-lottery.jar
CP="lottery/target/test-classes:lottery/target/classes"
REPEATS="${1:-5}"
OUT="${BENCH_OUT:-benchmarks-out}"
mkdir -p "$OUT"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for city in beijing chile; do
  for mechanism in deferred-acceptance immediate-acceptance; do
    for tie in single multiple; do
      name="$city-$mechanism-$tie"
      snap="$OUT/$name.snapshot"
      [ -f "$snap" ] || "$JAVA" -jar "$JAR" generate --city "$city" --mechanism "$mechanism" --tie-breaking "$tie" --out "$snap"
      : > "$OUT/$name.times"
      for _ in $(seq "$REPEATS"); do
        /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$JAVA" -Xmx512m -jar "$JAR" draw --snapshot "$snap" \
          --entropy "bench 01 02 03" --out "$OUT/$name.result" 2>/dev/null
        cat "$OUT/time.txt" >> "$OUT/$name.times"
      done
      wall=$(cut -d' ' -f1 "$OUT/$name.times" | median)
      rss=$(cut -d' ' -f2 "$OUT/$name.times" | median)
      heap=$("$JAVA" -Xmx512m -cp "$CP" org.ruxue.lottery.bench.PeakHeap "$snap" "bench 01 02 03" | sed 's/.*peak heap //')
      smallest="none of 64m..512m"
      for cap in 64m 96m 128m 192m 256m 384m 512m; do
        if "$JAVA" -Xmx$cap -jar "$JAR" draw --snapshot "$snap" --entropy "bench 01 02 03" --out /dev/null 2>/dev/null; then
          smallest=$cap
          break
        fi
      done
      echo "$name: CLI draw median ${wall}s, max RSS median $((rss / 1024)) MiB, peak heap (pool peaks) $heap, smallest -Xmx that works: $smallest"
    done
  done
done
for tie in single multiple; do
  for mechanism in deferred-acceptance immediate-acceptance; do
    "$JAVA" -Xmx512m -jar "$JAR" simulate --snapshot "$OUT/beijing-$mechanism-$tie.snapshot" --runs 200 --threads 2 \
      --seed 1 --out /dev/null 2>&1 | sed "s/^/beijing-$mechanism-$tie: /"
  done
done

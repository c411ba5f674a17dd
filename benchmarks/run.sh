#!/usr/bin/env bash
# Runs the Ratchet benchmarks (W1-W5) against virtual threads and CompletableFuture and writes
# benchmarks/RESULTS.md. Takes a few minutes on 2 cores.
#
#   benchmarks/run.sh                 # build with -Pbench, run everything, write RESULTS.md
#   BENCH_JDK=/path/to/jdk21+ benchmarks/run.sh
#   JMH_OPTS="-f 1 -wi 3 -i 5 -r 2s" JMH_ROUNDS=5 benchmarks/run.sh   # longer, steadier runs
#
# Needs JDK 21+ (virtual threads) for both the build and the run: BENCH_JDK, default Temurin 25.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jdk=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$jdk/bin/java"
jmh_opts=${JMH_OPTS:-"-f 1 -wi 2 -w 1s -i 3 -r 1s"}
jmh_rounds=${JMH_ROUNDS:-3}
results="$here/target/results"
jar="$here/target/ratchet-benchmarks.jar"

major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -z "$major" ] || [ "$major" -lt 21 ]; then
    echo "run.sh: $java is not a JDK 21+ (java.specification.version=$major); set BENCH_JDK" >&2
    exit 1
fi

echo "== build (JDK $major, mvn -Pbench)"
(cd "$root" && JAVA_HOME="$jdk" mvn -B -q -Pbench -pl benchmarks -am -Dmaven.test.skip=true package)
rm -rf "$results" && mkdir -p "$results"
# Other load on the machine skews every figure: record it next to them.
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
loadavg > "$results/loadavg.txt"

# Each round runs every W1-W3 benchmark once, so each contender is measured at several moments
# of the run: load that comes and goes on a shared machine hits them all alike. The report takes
# the median over rounds.
for round in $(seq 1 "$jmh_rounds"); do
    echo "== W1-W3 round $round of $jmh_rounds (JMH $jmh_opts)"
    # shellcheck disable=SC2086 # jmh_opts is a list of options
    # -prof gc adds bytes allocated per operation, a figure the machine's load hardly disturbs.
    "$java" -jar "$jar" $jmh_opts -prof gc -rf csv -rff "$results/jmh-$round.csv" 'dev\.ratchet\.bench\..*'
done

echo "== W1-W3 cross-check: contenders alternated, one operation at a time"
"$java" -cp "$jar" dev.ratchet.bench.Alternated "$results/alternated.properties"

for contender in ratchet vthreads cf; do
    echo "== W4 footprint: $contender"
    # Serial GC: System.gc() is a full compacting collection, so "used after GC" is exact.
    "$java" -XX:+UseSerialGC -Xms3g -Xmx3g -cp "$jar" dev.ratchet.bench.Probes w4 "$contender" \
        "$results/w4-$contender.properties"
    echo "== W5 timers: $contender"
    "$java" -Xmx2g -cp "$jar" dev.ratchet.bench.Probes w5 "$contender" "$results/w5-$contender.properties"
done

loadavg >> "$results/loadavg.txt"
echo "== RESULTS.md"
"$java" -cp "$jar" dev.ratchet.bench.ResultsReport "$results" "$here/RESULTS.md" "$jmh_opts, $jmh_rounds rounds"

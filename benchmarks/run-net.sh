#!/usr/bin/env bash
# Network benchmarks: Ratchet servers against their virtual-thread peers (and mini-redis against
# the real redis-server), on loopback, in one run. Writes benchmarks/NET-RESULTS.md. Takes about
# two minutes on 2 cores (plus the build).
#
#   benchmarks/run-net.sh                       # build, run 5 rounds, write NET-RESULTS.md
#   ROUNDS=9 benchmarks/run-net.sh              # more rounds (the median is reported)
#   NO_BUILD=1 benchmarks/run-net.sh            # reuse the classes already built
#   BENCH_JDK=/path/to/jdk21+ benchmarks/run-net.sh
#
# Workloads
#   echo   EchoClient (benchmarks module): ECHO_CONNECTIONS blocking loopback connections, one
#          platform thread each, each sending ECHO_MESSAGES messages of ECHO_SIZE bytes one at a
#          time and reading each echo back (checked) before the next. The same client for both
#          servers: dev.ratchet.miniredis.echo.EchoServer (TcpListener, a task per connection,
#          Executor.multiThreaded()) and dev.ratchet.bench.net.VirtualThreadEchoServer
#          (ServerSocket, a virtual thread per connection).
#   redis  redis-benchmark -p PORT -t set,get -c 50 -n 200000 -P 16 -q against redis-server
#          (--save '' --appendonly no), mini-redis on Ratchet (dev.ratchet.miniredis.Main) and
#          mini-redis on virtual threads (dev.ratchet.bench.net.VirtualThreadMiniRedis, the same
#          parser, commands and keyspace through RequestHandler).
# Every server is started once on a free port and serves every round; each gets an untimed
# warm-up of its workload first (JIT: three echo runs, five redis-benchmark runs), redis-server
# too. Rounds interleave the servers so that a burst of load from other processes does not hit
# one server only. Reported: the median of the rounds, and every round's figure; besides
# throughput, the CPU time each server process used per request (utime + stime from
# /proc/PID/stat around the run): on a machine shared with other work it is steadier than
# throughput, which also measures how much CPU the server managed to get.
#
# Needs JDK 21+ (virtual threads) for build and run, redis-server, redis-benchmark and redis-cli
# (Debian: redis-server, redis-tools), python3 (to pick a free port for redis-server). Every
# server started here is stopped on exit, also on failure or Ctrl-C (trap).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jdk=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$jdk/bin/java"
rounds=${ROUNDS:-5}
echo_connections=${ECHO_CONNECTIONS:-50}
echo_messages=${ECHO_MESSAGES:-4000}
echo_size=${ECHO_SIZE:-512}
redis_args=(-t set,get -c 50 -n 200000 -P 16 -q)
out="$here/NET-RESULTS.md"
work=$(mktemp -d /tmp/ratchet-net.XXXXXX)
cp="$here/target/classes:$root/samples/mini-redis/target/classes:$root/runtime/target/classes"

pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE

for tool in redis-server redis-benchmark redis-cli python3; do
    command -v "$tool" >/dev/null || { echo "run-net.sh: $tool not found (apt-get install redis-server redis-tools python3)" >&2; exit 1; }
done
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -z "$major" ] || [ "$major" -lt 21 ]; then
    echo "run-net.sh: $java is not a JDK 21+ (java.specification.version=$major); set BENCH_JDK" >&2
    exit 1
fi

if [ -z "${NO_BUILD:-}" ]; then
    echo "== build (JDK $major, mvn -Pbench)"
    (cd "$root" && JAVA_HOME="$jdk" mvn -B -q -Pbench -pl benchmarks -am -Dmaven.test.skip=true package)
fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
clk_tck=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# io_ticks PID: CPU ticks of the process's I/O readiness thread (Ratchet's reactor "<prefix>-io",
# the JDK's virtual-thread poller "...Poller"; 0 for redis-server, which has none).
io_ticks() {
    local t=0 d name
    for d in /proc/"$1"/task/*; do
        name=$(cat "$d/comm" 2>/dev/null) || continue
        case "$name" in *-io | *Poller) t=$((t + $(awk '{ print $14 + $15 }' "$d/stat"))) ;; esac
    done
    echo "$t"
}
# us_per TICKS REQUESTS: microseconds per request.
us_per() { awk -v t="$1" -v hz="$clk_tck" -v n="$2" 'BEGIN { printf "%.2f", t * 1e6 / hz / n }'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start NAME COMMAND...: starts a server that prints "ready on ADDRESS port N" (sets $port to
# N) or, for redis-server, "Ready to accept connections" (then $port must be set already).
start() {
    local name=$1; shift
    : >"$work/$name.log" # exists before the first poll below
    "$@" >>"$work/$name.log" 2>&1 &
    pids+=($!)
    local pid=$! i found
    for i in $(seq 200); do
        found=$(sed -n 's/.*ready on .* port \([0-9]*\)$/\1/p' "$work/$name.log" | head -1)
        [ -z "$found" ] && grep -q 'Ready to accept connections' "$work/$name.log" && found=$port
        [ -n "$found" ] && { port=$found; server_pid=$pid; echo "   $name: pid $pid, port $port"; return; }
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "run-net.sh: $name did not start:" >&2
    cat "$work/$name.log" >&2
    exit 1
}

# redis_bench PORT: "SET GET" requests per second.
redis_bench() {
    local text set get
    text=$(redis-benchmark -p "$1" "${redis_args[@]}" 2>&1 | tr '\r' '\n')
    set=$(grep -oE '^ ?SET: [0-9.]+ requests per second' <<<"$text" | grep -oE '[0-9.]+' | head -1)
    get=$(grep -oE '^ ?GET: [0-9.]+ requests per second' <<<"$text" | grep -oE '[0-9.]+' | head -1)
    if [ -z "$set" ] || [ -z "$get" ]; then
        echo "run-net.sh: no figures from redis-benchmark on port $1:" >&2
        echo "$text" | tail -5 >&2
        exit 1
    fi
    echo "$set $get"
}

# echo_bench PORT MESSAGES: "msgs_per_s mb_per_s".
echo_bench() {
    local line
    line=$("$java" -cp "$cp" dev.ratchet.bench.net.EchoClient "$1" "$echo_connections" "$2" "$echo_size")
    echo "$(sed -n 's/.*msgs_per_s=\([0-9.]*\).*/\1/p' <<<"$line") $(sed -n 's/.*mb_per_s=\([0-9.]*\).*/\1/p' <<<"$line")"
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
fmt() { awk -v a="$1" 'BEGIN { printf "%.0f", a }'; }

load_before=$(loadavg)
started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
echo "== servers (load $load_before)"
redis_port=$(free_port)
port=$redis_port
start redis-server redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
redis_pid=$server_pid
start mini-redis-ratchet "$java" -cp "$cp" dev.ratchet.miniredis.Main --port 0
mini_ratchet_port=$port; mini_ratchet_pid=$server_pid
start mini-redis-vthreads "$java" -cp "$cp" dev.ratchet.bench.net.VirtualThreadMiniRedis --port 0
mini_vt_port=$port; mini_vt_pid=$server_pid
start echo-ratchet "$java" -cp "$cp" dev.ratchet.miniredis.echo.EchoServer --port 0
echo_ratchet_port=$port; echo_ratchet_pid=$server_pid
start echo-vthreads "$java" -cp "$cp" dev.ratchet.bench.net.VirtualThreadEchoServer --port 0
echo_vt_port=$port; echo_vt_pid=$server_pid

# A wrong server must not produce figures: every redis-protocol server answers a SET and GET.
for p in "$redis_port" "$mini_ratchet_port" "$mini_vt_port"; do
    redis-cli -p "$p" set run-net:check "value $p" >/dev/null
    got=$(redis-cli -p "$p" get run-net:check)
    [ "$got" = "value $p" ] || { echo "run-net.sh: server on port $p answered GET with '$got'" >&2; exit 1; }
done

echo "== warm-up (untimed)"
for p in "$echo_ratchet_port" "$echo_vt_port"; do for i in 1 2 3; do echo_bench "$p" "$echo_messages" >/dev/null; done; done
for p in "$redis_port" "$mini_ratchet_port" "$mini_vt_port"; do for i in 1 2 3 4 5; do redis_bench "$p" >/dev/null; done; done

declare -A all # "<server>.<metric>" -> space-separated figures of every round
record() { all[$1]="${all[$1]:-} $2"; }
echo_total=$((echo_connections * echo_messages))
redis_total=$((2 * 200000)) # SET and GET, -n each
for r in $(seq "$rounds"); do
    echo "== round $r/$rounds (load $(loadavg))"
    for s in ratchet:$echo_ratchet_port:$echo_ratchet_pid vt:$echo_vt_port:$echo_vt_pid; do
        IFS=: read -r name p pid <<<"$s"
        t0=$(cpu_ticks "$pid"); i0=$(io_ticks "$pid")
        res=$(echo_bench "$p" "$echo_messages"); read -r m mb <<<"$res"
        cpu=$(us_per $(( $(cpu_ticks "$pid") - t0 )) "$echo_total"); io=$(us_per $(( $(io_ticks "$pid") - i0 )) "$echo_total")
        record "echo-$name.msgs" "$m"; record "echo-$name.mb" "$mb"; record "echo-$name.cpu" "$cpu"; record "echo-$name.io" "$io"
        echo "   echo $name: $m msg/s, $mb MB/s, $cpu us CPU/msg (I/O thread $io)"
    done
    for s in redis:$redis_port:$redis_pid ratchet:$mini_ratchet_port:$mini_ratchet_pid vt:$mini_vt_port:$mini_vt_pid; do
        IFS=: read -r name p pid <<<"$s"
        t0=$(cpu_ticks "$pid"); i0=$(io_ticks "$pid")
        res=$(redis_bench "$p"); read -r set get <<<"$res"
        cpu=$(us_per $(( $(cpu_ticks "$pid") - t0 )) "$redis_total"); io=$(us_per $(( $(io_ticks "$pid") - i0 )) "$redis_total")
        record "$name.set" "$set"; record "$name.get" "$get"; record "$name.cpu" "$cpu"; record "$name.io" "$io"
        echo "   redis-benchmark $name: SET $set, GET $get, $cpu us CPU/request (I/O thread $io)"
    done
done
load_after=$(loadavg)

declare -A med
for k in "${!all[@]}"; do med[$k]=$(median <<<"${all[$k]}"); done
# list KEY: every round's figure, in round order (counts rounded to integers).
list() { tr ' ' '\n' <<<"${all[$1]}" | grep . | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), ($1 >= 1000 ? sprintf("%.0f", $1) : $1) }'; }

jdk_version=$("$java" -version 2>&1 | head -1)
{
    echo "# Network benchmarks: Ratchet vs virtual threads vs redis-server"
    echo
    echo "Written by \`benchmarks/run-net.sh\` (see its header for the method). Loopback, every server"
    echo "and client on the same machine, so the client competes with the server for the cores."
    echo
    echo "- date: $started"
    echo "- JDK: $jdk_version ($java), default GC and heap, no flags"
    echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(uname -sr)"
    echo "- load average (1/5/15 min, shared machine): $load_before before, $load_after after"
    echo "- redis-server: $(redis-server --version | head -1)"
    echo "- rounds: $rounds, each server warmed up by untimed passes (see run-net.sh); figures are medians (all rounds in brackets)"
    echo
    echo "## Echo: $echo_connections connections x $echo_messages messages of $echo_size bytes"
    echo
    echo "Command: \`java -cp ... dev.ratchet.bench.net.EchoClient PORT $echo_connections $echo_messages $echo_size\`"
    echo "(one platform thread per connection, one message in flight per connection, each echo checked)."
    echo "MB/s is echoed payload (one direction, 10^6 bytes). Server CPU is utime + stime of the server"
    echo "process over the run, per message; \"I/O thread\" is the part used by Ratchet's reactor thread"
    echo "(\`ratchet-1-io\`) or the JDK's virtual-thread poller (\`MasterPoller\`)."
    echo
    echo "| server | messages/s | MB/s | server CPU us/message | of which the I/O thread |"
    echo "| --- | --- | --- | --- | --- |"
    echo "| Ratchet (TcpListener, task per connection, multiThreaded) | $(fmt "${med[echo-ratchet.msgs]}") [$(list echo-ratchet.msgs)] | ${med[echo-ratchet.mb]} [$(list echo-ratchet.mb)] | ${med[echo-ratchet.cpu]} [$(list echo-ratchet.cpu)] | ${med[echo-ratchet.io]} |"
    echo "| virtual threads (ServerSocket, thread per connection) | $(fmt "${med[echo-vt.msgs]}") [$(list echo-vt.msgs)] | ${med[echo-vt.mb]} [$(list echo-vt.mb)] | ${med[echo-vt.cpu]} [$(list echo-vt.cpu)] | ${med[echo-vt.io]} |"
    echo
    echo "Ratchet / virtual threads: **$(ratio "${med[echo-ratchet.msgs]}" "${med[echo-vt.msgs]}")** (messages/s and MB/s),"
    echo "CPU per message $(ratio "${med[echo-ratchet.cpu]}" "${med[echo-vt.cpu]}") (below 1: Ratchet uses less)."
    echo
    echo "## mini-redis: \`redis-benchmark -p PORT ${redis_args[*]}\`"
    echo
    echo "| server | SET req/s | GET req/s | server CPU us/request | of which the I/O thread |"
    echo "| --- | --- | --- | --- | --- |"
    for s in "redis:redis-server \`--save '' --appendonly no\`" "ratchet:mini-redis on Ratchet (\`dev.ratchet.miniredis.Main\`)" \
            "vt:mini-redis on virtual threads (\`VirtualThreadMiniRedis\`)"; do
        k=${s%%:*}
        echo "| ${s#*:} | $(fmt "${med[$k.set]}") [$(list "$k.set")] | $(fmt "${med[$k.get]}") [$(list "$k.get")] | ${med[$k.cpu]} [$(list "$k.cpu")] | $([ "$k" = redis ] && echo "none (one thread)" || echo "${med[$k.io]}") |"
    done
    echo
    echo "| ratio (medians) | SET req/s | GET req/s | CPU/request (below 1: Ratchet uses less) |"
    echo "| --- | --- | --- | --- |"
    echo "| Ratchet / redis-server | $(ratio "${med[ratchet.set]}" "${med[redis.set]}") | $(ratio "${med[ratchet.get]}" "${med[redis.get]}") | $(ratio "${med[ratchet.cpu]}" "${med[redis.cpu]}") |"
    echo "| Ratchet / virtual threads | $(ratio "${med[ratchet.set]}" "${med[vt.set]}") | $(ratio "${med[ratchet.get]}" "${med[vt.get]}") | $(ratio "${med[ratchet.cpu]}" "${med[vt.cpu]}") |"
    echo
    echo "## Commands"
    echo
    echo "\`\`\`sh"
    echo "redis-server --port P --bind 127.0.0.1 --save '' --appendonly no"
    echo "java -cp $cp dev.ratchet.miniredis.Main --port 0"
    echo "java -cp $cp dev.ratchet.bench.net.VirtualThreadMiniRedis --port 0"
    echo "java -cp $cp dev.ratchet.miniredis.echo.EchoServer --port 0"
    echo "java -cp $cp dev.ratchet.bench.net.VirtualThreadEchoServer --port 0"
    echo "redis-benchmark -p P ${redis_args[*]}"
    echo "java -cp $cp dev.ratchet.bench.net.EchoClient P $echo_connections $echo_messages $echo_size"
    echo "\`\`\`"
} | sed "s#$root/##g" >"$out"
echo "== wrote $out"
cat "$out"

#!/usr/bin/env bash
# The web platform under load, in three deployments: `sqlite` (one server on an SQLite file),
# `postgres` (one server on PostgreSQL) and `nginx` (two servers on one PostgreSQL schema behind
# nginx, Scripts/nginx-two-instances.conf). For each: builds `civic` in release mode, starts the
# demo platform on loopback ports with a fresh database, and measures with wrk
#   1. reads of each read route,
#   2. nomination writes through the API, as fast as they are answered, checking by SQL that
#      every acknowledged write is stored,
#   3. reads of each read route while Scripts/paced-writes.py sends nomination writes at a fixed
#      rate (WRITE_RATE, 500/s), checking those too,
# then stops everything and removes the database (an SQLite file, or a PostgreSQL schema).
#
#   Scripts/load-benchmark.sh                       # all three, the figures in BENCHMARKS.md
#   Scripts/load-benchmark.sh postgres nginx        # some of them
#   DURATION=30s CONNECTIONS=64 Scripts/load-benchmark.sh sqlite
#
# Settings (environment): PORT (8099; the nginx deployment also uses the next two), DURATION
# (15s), THREADS (1), CONNECTIONS (32), WRITE_RATE (500), SCRATCH (.build-release, the release
# build's scratch path), LOG_LEVEL (the servers', info by default as `civic demo` runs; their logs
# go to files), POSTGRES (postgres://civic:civic@127.0.0.1:5432/civic_test, where a schema of the
# run's own is created and dropped), NGINX_WORKERS (auto). Every request goes to 127.0.0.1 and
# every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8099}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
WRITE_RATE=${WRITE_RATE:-500}
SCRATCH=${SCRATCH:-.build-release}
LOG_LEVEL=${LOG_LEVEL:-info}
POSTGRES=${POSTGRES:-postgres://civic:civic@127.0.0.1:5432/civic_test}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
# The first index's ranking page and API (the old /rankings addresses only redirect to them).
READ_ROUTES=(/indices/asem /api/v1/indices/asem/rankings)
DEPLOYMENTS=("$@")
[ ${#DEPLOYMENTS[@]} -gt 0 ] || DEPLOYMENTS=(sqlite postgres nginx)
seconds=${DURATION%s}

for deployment in "${DEPLOYMENTS[@]}"; do
    case $deployment in
        sqlite | postgres | nginx) ;;
        *) echo "unknown deployment '$deployment': sqlite, postgres or nginx" >&2; exit 2 ;;
    esac
done
[[ $seconds =~ ^[0-9]+$ ]] || { echo "DURATION must be whole seconds, such as 15s" >&2; exit 2; }
if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
    else
        echo "wrk is missing: apt-get install wrk" >&2
        exit 1
    fi
fi
for port in "$PORT" $((PORT + 1)) $((PORT + 2)); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "something already listens on port $port: choose another with PORT=…" >&2
        exit 1
    fi
done

echo "== building civic (release, scratch path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product civic
binary="$SCRATCH/release/civic"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); wrk, the pacer, nginx and PostgreSQL share them with the servers"

# ---- What runs, and how it is stopped -------------------------------------------------------
# The processes, files and schemas of the deployment being measured; `teardown` removes them,
# after each deployment and on any exit. Logs are kept only when the run failed.
pids=()
logs=()
database=""
schema=""
nginx_prefix=""
teardown() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
    if [ -n "$schema" ]; then psql "$POSTGRES" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" 2>/dev/null || true; fi
    if [[ $database != postgres* ]] && [ -n "$database" ]; then rm -f "$database" "$database-wal" "$database-shm"; fi
    [ -n "$nginx_prefix" ] && rm -rf "$nginx_prefix"
    if [ "$status" = 0 ]; then rm -f "${logs[@]}"; elif [ ${#logs[@]} -gt 0 ]; then echo "logs: ${logs[*]}" >&2; fi
    logs=()
    database="" schema="" nginx_prefix=""
    return "$status"
}
trap teardown EXIT

# Starts a program in the background with its output in a log of its own.
start() {
    local name=$1
    shift
    local log
    log=$(mktemp "/tmp/civic-bench-$name.XXXXXX.log")
    logs+=("$log")
    "$@" >"$log" 2>&1 &
    pids+=($!)
}

# Waits (at most 120 s) for /health at a port, or for the last program started to stop.
wait_for_health() {
    local port=$1
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/health" && return 0
        kill -0 "${pids[-1]}" 2>/dev/null || { echo "the process for port $port stopped:" >&2; cat "${logs[-1]}" >&2; exit 1; }
        sleep 0.5
    done
    echo "nothing answered /health on port $port within 120 s" >&2
    exit 1
}

# Starts the demo platform (`civic demo` fills the new database, then serves) on PORT, and for
# `nginx` a second server on the same schema and nginx in front of both; sets `base`.
deploy() {
    case $1 in
        sqlite) database=/tmp/civic-bench-$$.sqlite ;;
        *)
            schema=bench_$$_$(date +%s)
            database="$POSTGRES?schema=$schema"
            ;;
    esac
    start server-1 "$binary" demo --port "$PORT" --database "$database" --log-level "$LOG_LEVEL"
    wait_for_health "$PORT"
    base="http://127.0.0.1:$PORT"
    if [ "$1" = nginx ]; then
        start server-2 "$binary" serve --port $((PORT + 1)) --database "$database" --log-level "$LOG_LEVEL"
        wait_for_health $((PORT + 1))
        nginx_prefix=$(mktemp -d /tmp/civic-bench-nginx.XXXXXX)
        # nginx's workers run unprivileged when it is started as root: they must enter it.
        chmod 755 "$nginx_prefix"
        sed -e "s|@PREFIX@|$nginx_prefix|g" -e "s|@WORKERS@|$NGINX_WORKERS|g" -e "s|@LISTEN@|$((PORT + 2))|g" \
            -e "s|@PORT_A@|$PORT|g" -e "s|@PORT_B@|$((PORT + 1))|g" Scripts/nginx-two-instances.conf >"$nginx_prefix/nginx.conf"
        start nginx nginx -p "$nginx_prefix" -c "$nginx_prefix/nginx.conf" -e stderr
        wait_for_health $((PORT + 2))
        base="http://127.0.0.1:$((PORT + 2))"
    fi
}

# The nominations of the 2027 cycle whose ids start with $1, counted in the database itself.
stored() {
    if [ -n "$schema" ]; then
        psql "$POSTGRES" -tAc "SELECT count(*) FROM $schema.nomination WHERE cycle = 2027 AND id LIKE '$1%'"
    else
        python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM nomination WHERE cycle = 2027 AND id LIKE ?\", (sys.argv[2] + '%',)).fetchone()[0])" "$database" "$1"
    fi
}

# ---- Measurements ---------------------------------------------------------------------------
summary=()

# One summary line from wrk's output: requests/s, p50, p99 and any errors.
summarise() {
    local label=$1 output=$2 extra=${3:-}
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$output" | tr -s ' ' | paste -sd ';' - || true)
    summary+=("$(printf '%-9s %-34s %10s req/s   p50 %8s   p99 %8s   %s %s' "$current" "$label" "$rps" "$p50" "$p99" "${errors:-no errors}" "$extra")")
}

# One read route: a 3 s warm-up, then the measured run. A route that does not answer 200 with
# a body (a redirect, an error) is refused: its figures would not be those of the page.
measure_reads() {
    local route=$1 label=${2:-GET $1}
    local answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$base$route")
    if [ "${answer% *}" != 200 ] || [ "${answer#* }" -lt 1000 ]; then
        echo "$base$route answers '$answer' (status, bytes), not a page of 200: nothing to measure" >&2
        exit 1
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$base$route" >/dev/null
    echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $base$route"
    local output
    output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$base$route")
    echo "$output"
    summarise "$label" "$output"
}

# Checks that the writes of one prefix add up: every acknowledged one stored, and at most
# `slack` more (requests still in flight when the client stopped counting).
check_writes() {
    local prefix=$1 accepted=$2 slack=$3 count
    count=$(stored "$prefix")
    if [ "$count" -lt "$accepted" ] || [ "$count" -gt $((accepted + slack)) ]; then
        echo "writes do not add up: $accepted acknowledged, $count stored" >&2
        exit 1
    fi
    echo "$count"
}

# Nomination writes as fast as they are answered (Scripts/nomination-writes.lua), as the demo
# organiser with an API token.
measure_writes() {
    echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s Scripts/nomination-writes.lua POST $base/api/v1/cycles/2027/nominations"
    local output answered failed count
    output=$(TOKEN=$token wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s Scripts/nomination-writes.lua "$base")
    echo "$output"
    answered=$(awk '/^answered/ {print $2}' <<<"$output" | tr -d ,)
    failed=$(awk '/^answered/ {print $4}' <<<"$output" | tr -d ,)
    count=$(check_writes W $((answered - failed)) "$CONNECTIONS")
    summarise "POST nominations" "$output" "| answered $answered, non-2xx $failed, stored $count"
}

# Each read route while Scripts/paced-writes.py sends WRITE_RATE writes/s for the whole time.
measure_reads_under_writes() {
    local writer_log
    writer_log=$(mktemp /tmp/civic-bench-paced.XXXXXX.log)
    logs+=("$writer_log")
    local writing=$(((3 + seconds) * ${#READ_ROUTES[@]} + 2))
    echo "== python3 Scripts/paced-writes.py 127.0.0.1 ${base##*:} TOKEN --rate $WRITE_RATE --seconds $writing --prefix P"
    python3 Scripts/paced-writes.py 127.0.0.1 "${base##*:}" "$token" --rate "$WRITE_RATE" --seconds "$writing" --prefix P >"$writer_log" 2>&1 &
    local writer=$!
    sleep 1
    for route in "${READ_ROUTES[@]}"; do
        measure_reads "$route" "GET $route + $WRITE_RATE writes/s"
    done
    wait "$writer" || { echo "the paced writer failed:" >&2; cat "$writer_log" >&2; exit 1; }
    local result answered failed errors count
    result=$(cat "$writer_log")
    echo "$result"
    answered=$(awk '{print $2}' <<<"$result" | tr -d ,)
    failed=$(awk '{print $4}' <<<"$result" | tr -d ,)
    errors=$(awk '{print $6}' <<<"$result" | tr -d ,)
    count=$(check_writes P $((answered - failed)) "$errors")
    summary+=("$(printf '%-9s %-34s %s' "$current" "paced POST nominations" "$result, stored $count")")
}

for current in "${DEPLOYMENTS[@]}"; do
    echo
    echo "==== $current"
    deploy "$current"
    token=$("$binary" account token admin --label "load benchmark" --scope submit --database "$database" --actor admin)
    for route in "${READ_ROUTES[@]}"; do
        measure_reads "$route"
    done
    measure_writes
    measure_reads_under_writes
    teardown
done

echo
echo "== summary ($DURATION per measurement, $CONNECTIONS connections, $THREADS wrk thread)"
printf '%s\n' "${summary[@]}"

#!/usr/bin/env bash
# The web platform under load: builds `civic` in release mode, starts the demo platform on a
# loopback port, measures each read route and the nomination writes with wrk, checks that no
# accepted write is lost, and stops the server. Every request goes to
# 127.0.0.1 and each run is bounded in time.
#
#   Scripts/load-benchmark.sh                      # the figures in BENCHMARKS.md
#   DURATION=30s CONNECTIONS=64 Scripts/load-benchmark.sh
#
# Settings (environment): PORT (8099), DATABASE (/tmp/bench.sqlite), DURATION (15s),
# THREADS (1), CONNECTIONS (32), SCRATCH (.build-release, the release build's scratch path),
# LOG_LEVEL (the server's, info by default as `civic demo` runs; its log goes to a file).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8099}
DATABASE=${DATABASE:-/tmp/bench.sqlite}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
SCRATCH=${SCRATCH:-.build-release}
LOG_LEVEL=${LOG_LEVEL:-info}
READ_ROUTES=(/rankings /api/v1/rankings)
BASE="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
    else
        echo "wrk is missing: apt-get install wrk" >&2
        exit 1
    fi
fi
if curl -s -o /dev/null "$BASE/health"; then
    echo "something already listens on port $PORT: choose another with PORT=…" >&2
    exit 1
fi

echo "== building civic (release, scratch path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product civic
binary="$SCRATCH/release/civic"

server_log=$(mktemp /tmp/civic-bench-server.XXXXXX.log)
"$binary" demo --port "$PORT" --database "$DATABASE" --log-level "$LOG_LEVEL" >"$server_log" 2>&1 &
server=$!
# Stops the server and removes its database; its log (one line a request at the info level) is
# kept only when the run failed.
stop_server() {
    local status=$?
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -f "$DATABASE" "$DATABASE-wal" "$DATABASE-shm"
    if [ "$status" = 0 ]; then rm -f "$server_log"; else echo "server log: $server_log" >&2; fi
}
trap stop_server EXIT

echo "== starting the demo platform on $BASE"
for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$BASE/health" && break
    kill -0 "$server" 2>/dev/null || { echo "the server stopped:" >&2; cat "$server_log" >&2; exit 1; }
    sleep 0.5
done
curl -sf -o /dev/null "$BASE/health" || { echo "the server did not answer /health within 120 s" >&2; exit 1; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); wrk shares them with the server"
summary=()

# One route under load: a short warm-up, then the measured run; keeps a one-line summary.
measure() {
    local route=$1
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$BASE$route" >/dev/null
    echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $BASE$route"
    local output
    output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$route")
    echo "$output"
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$output" | tr -s ' ' | paste -sd ';' - || true)
    summary+=("$(printf '%-22s %10s req/s   p50 %8s   p99 %8s   %s' "$route" "$rps" "$p50" "$p99" "${errors:-no errors}")")
}

for route in "${READ_ROUTES[@]}"; do
    measure "$route"
done

# ---- Writes: nomination submissions through the API (target: at least 500 writes/s) ----------
# An API token for the demo organiser; every request saves a new draft nomination of the open
# 2027 cycle (Scripts/nomination-writes.lua). Afterwards the nominations stored are counted: every
# 2xx answer must have left one (none lost); at most one per connection more may be stored, the
# requests still in flight when wrk stopped listening.
token=$("$binary" account token admin --label "load benchmark" --database "$DATABASE" --actor admin)
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s Scripts/nomination-writes.lua POST $BASE/api/v1/cycles/2027/nominations"
output=$(TOKEN=$token wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s Scripts/nomination-writes.lua "$BASE")
echo "$output"
answered=$(awk '/^answered/ {print $2}' <<<"$output" | tr -d ,)
failed=$(awk '/^answered/ {print $4}' <<<"$output" | tr -d ,)
stored=$(python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM nomination WHERE cycle = 2027 AND id LIKE 'W%'\").fetchone()[0])" "$DATABASE")
rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")
p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
summary+=("$(printf '%-22s %10s req/s   p50 %8s   p99 %8s   %s' "POST nominations" "$rps" "$p50" "$p99" "answered $answered, non-2xx $failed, stored $stored")")
accepted=$((answered - failed))
if [ "$stored" -lt "$accepted" ] || [ "$stored" -gt $((accepted + CONNECTIONS)) ]; then
    echo "writes do not add up: $accepted accepted, $stored stored" >&2
    exit 1
fi

echo
echo "== summary ($DURATION per route, $CONNECTIONS connections, $THREADS wrk thread)"
printf '%s\n' "${summary[@]}"

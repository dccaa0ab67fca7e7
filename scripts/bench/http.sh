#!/usr/bin/env bash
# HTTP benchmark of the public pages, on a release build and SQLite with the demo data.
#   scripts/bench/http.sh            # 64 connections for 20 s per route (wrk, Debian's package)
#   DURATION=5 scripts/bench/http.sh # shorter
#   COHORT_BIN=/other/checkout/.build/release/cohort scripts/bench/http.sh  # another build, side by side
# Prints requests/s and latency percentiles per route, the idle server's memory, and the
# time from start to first answer on an existing database. Not a test: nothing here fails CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >&2; }
if [ -n "${COHORT_BIN:-}" ]; then
  BIN=$COHORT_BIN
else
  swift build -c release --product cohort >&2
  BIN=$(swift build -c release --show-bin-path)/cohort
fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
DB="sqlite:$WORK/bench.sqlite"
export COHORT_LOG_LEVEL=${COHORT_LOG_LEVEL:-warning}
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start() {
  "$BIN" serve --port "$PORT" --database "$DB" "$@" >"$WORK/server.log" 2>&1 &
  PID=$!
}
wait_ready() { for _ in $(seq 1 500); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && return 0; sleep 0.01; done; return 1; }

# Load the demo data once, then stop, so the timed start below is on an existing database.
start --demo; wait_ready; kill "$PID"; wait "$PID" 2>/dev/null || true

START_NS=$(date +%s%N)
start
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.005; done
END_NS=$(date +%s%N)
echo "start to first answer (existing SQLite database): $(( (END_NS - START_NS) / 1000000 )) ms"
sleep 1
echo "idle memory (RSS): $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"

# The open call's page, the first page every applicant opens: once as a new visitor (no
# cookies: a new CSRF token each time) and once as a returning one (their token and language).
CALL=$(curl -fs "http://127.0.0.1:$PORT/api/v1/calls" | python3 -c 'import json,sys; print(json.load(sys.stdin)["calls"][0]["id"])')
COOKIE="cohort-csrf=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 43); cohort-lang=en"

# The server's own CPU time (user + system, from /proc), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
TICK=$(getconf CLK_TCK)

run() {
  echo
  echo "== GET $1${2:+ (returning visitor)}, $CONNECTIONS connections, ${DURATION}s"
  local before out
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${2:+-H "Cookie: $2"} "http://127.0.0.1:$PORT$1")
  echo "$out" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency "
  local requests
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  awk -v t="$(( $(cpu_ticks) - before ))" -v hz="$TICK" -v n="$requests" \
    'BEGIN { printf "server CPU per request: %.3f ms\n", t / hz * 1000 / n }'
}
# The 2006 workshop's agenda is one module of 40 sessions: its page and its calendar feed.
for route in "/programs/mwp-2006" "/programs/mwp-2006/agenda" "/programs/mwp-2006/agenda.ics" "/api/v1/programs/mwp-2006/agenda" \
             "/api/v1/programs" "/" "/healthz" "/calls/$CALL"; do run "$route"; done
run "/calls/$CALL" "$COOKIE"
# One connection: the time a single request takes end to end.
echo
echo "== GET /calls/$CALL, 1 connection, ${DURATION}s"
wrk -t1 -c1 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/calls/$CALL" | grep -E "Requests/sec|^ +(50|90|99)%"
echo
echo "memory after the runs (RSS): $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"

#!/usr/bin/env bash
# Surveys on a release build and SQLite with the demo data: the time to compute a survey's
# results from 10,000 responses, then the staff results page (charts drawn on the server)
# driven by wrk, for the demo's surveys and for the one with 10,000 responses.
#   scripts/bench/surveys.sh                          # 10,000 responses; 1, 8 and 64 connections; 10 s each
#   RESPONSES=50000 DURATION=5 CONNECTIONS="8" scripts/bench/surveys.sh
#   COHORT_BIN=/other/checkout/.build/release/cohort scripts/bench/surveys.sh
# Not a test: nothing here fails CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
RESPONSES=${RESPONSES:-10000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-1 8 64}
command -v wrk >/dev/null || apt-get install -y -qq wrk >&2
if [ -n "${COHORT_BIN:-}" ]; then
  BIN=$COHORT_BIN
else
  swift build -c release --product cohort >&2
  BIN=$(swift build -c release --show-bin-path)/cohort
fi
WORK=$(mktemp -d)
DB="sqlite:$WORK/surveys.sqlite"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export COHORT_LOG_LEVEL=warning
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

"$BIN" demo --database "$DB" >/dev/null
BASE="http://127.0.0.1:$PORT"
"$BIN" serve --port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 & PID=$!
for _ in $(seq 1 200); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.05; done
JAR="$WORK/jar"
curl -fs -c "$JAR" "$BASE/sign-in" >/dev/null
CSRF=$(awk '$6 == "cohort-csrf" { print $7 }' "$JAR")
curl -fs -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "email=manager@demo.cohort.example" \
  --data-urlencode "password=demo-manager-password" "$BASE/sign-in"
SESSION=$(awk '$6 == "cohort-session" { print $7 }' "$JAR")

drive() {
  echo "== GET $1 ($2)"
  for connections in $CONNECTIONS; do
    printf '%s connection(s): ' "$connections"
    wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${DURATION}s" --latency -H "Cookie: cohort-session=$SESSION" "$BASE$1" \
      | grep -E "Requests/sec|Non-2xx|^ +(50|99)%" | tr -s ' \n' ' '
    echo
  done
}

# The demo's surveys of the 2017/18 program: its needs assessment (24 responses, 16 rated items)
# and its learning gains (25 pairs).
SURVEY=$(curl -fs -b "$JAR" "$BASE/staff/programs/mwp-2017-18/surveys" | grep -o '/staff/programs/mwp-2017-18/surveys/[0-9a-f-]*' | head -1)
drive "$SURVEY" "a needs assessment with 24 responses"
drive "/staff/programs/mwp-2017-18/learning-gains" "25 pairs"

# 10,000 responses added to the next edition's needs assessment (18 rated items and a text).
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
"$BIN" demo --survey-responses "$RESPONSES" --database "$DB"
"$BIN" serve --port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 & PID=$!
for _ in $(seq 1 200); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.05; done
BIG=$(curl -fs -b "$JAR" "$BASE/staff/programs/mwp-next/surveys" | grep -o '/staff/programs/mwp-next/surveys/[0-9a-f-]*' | head -1)
CONNECTIONS="1 8" drive "$BIG" "$RESPONSES responses"

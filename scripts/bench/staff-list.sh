#!/usr/bin/env bash
# The staff list of a call holding many applications, filtered and sorted, on a release
# build and SQLite. Signs in as the demo administrator and drives the list with wrk.
#   scripts/bench/staff-list.sh            # 100,000 applications; 1, 2 and 8 connections; 10 s each
#   APPLICATIONS=20000 DURATION=5 CONNECTIONS="2" scripts/bench/staff-list.sh
#   COHORT_BIN=/other/checkout/.build/release/cohort scripts/bench/staff-list.sh  # another build, side by side
# One or two connections is a small team at work; eight shows where two cores saturate.
set -euo pipefail
cd "$(dirname "$0")/../.."
APPLICATIONS=${APPLICATIONS:-100000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-1 2 8}
command -v wrk >/dev/null || apt-get install -y -qq wrk >&2
if [ -n "${COHORT_BIN:-}" ]; then
  BIN=$COHORT_BIN
else
  swift build -c release --product cohort >&2
  BIN=$(swift build -c release --show-bin-path)/cohort
fi
WORK=$(mktemp -d)
DB="sqlite:$WORK/list.sqlite"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export COHORT_LOG_LEVEL=warning
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

"$BIN" demo --database "$DB" >/dev/null
"$BIN" demo --synthetic "$APPLICATIONS" --database "$DB"
"$BIN" serve --port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 & PID=$!
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.05; done
BASE="http://127.0.0.1:$PORT"
JAR="$WORK/jar"
curl -fs -c "$JAR" "$BASE/sign-in" >/dev/null
CSRF=$(awk '$6 == "cohort-csrf" { print $7 }' "$JAR")
curl -fs -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "email=admin@demo.cohort.example" \
  --data-urlencode "password=demo-admin-password" "$BASE/sign-in"
SESSION=$(awk '$6 == "cohort-session" { print $7 }' "$JAR")
CALL=$(curl -fs -b "$JAR" "$BASE/staff/programs/mwp-next/calls" | grep -o '/staff/calls/[0-9a-f-]*/applications' | head -1)
for query in "?nationality=NP&sort=name" "?status=submitted&eligible=yes&sort=newest" "?q=siti&sort=reference"; do
  echo "== GET $CALL$query ($APPLICATIONS applications)"
  curl -fs -b "$JAR" "$BASE$CALL$query" | grep -o '[0-9,]* applications\? match' | head -1
  for connections in $CONNECTIONS; do
    printf '%s connection(s): ' "$connections"
    wrk -t1 -c"$connections" -d"${DURATION}s" --latency -H "Cookie: cohort-session=$SESSION" "$BASE$CALL$query" \
      | grep -E "Requests/sec|Non-2xx|^ +(50|99)%" | tr -s ' \n' ' '
    echo
  done
done

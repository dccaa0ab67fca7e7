#!/usr/bin/env bash
# Shows that several `cohort serve` instances on one PostgreSQL act as one site: a session
# made on one is valid on the other, both serve the same data, and a change made through
# one is seen by the other. Run it with a database:
#   scripts/with-postgres.sh scripts/multi-instance.sh
# or with COHORT_DATABASE_URL=postgres://... set.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL=${COHORT_DATABASE_URL:-${COHORT_TEST_POSTGRES_URL:?set COHORT_DATABASE_URL or run under scripts/with-postgres.sh}}
BIN=${COHORT_BIN:-.build/debug/cohort}
[ -x "$BIN" ] || swift build --product cohort
export COHORT_SECRET_KEY=${COHORT_SECRET_KEY:-multi-instance-check-secret-key-0123456789}
export COHORT_LOG_LEVEL=warning

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT_A=$(free_port); PORT_B=$(free_port)
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "instance on port $1 did not become ready" >&2; cat "$WORK"/*.log >&2; return 1
}
fail() { echo "multi-instance: FAILED: $*" >&2; exit 1; }

"$BIN" serve --demo --port "$PORT_A" --database "$DB_URL" >"$WORK/a.log" 2>&1 & PIDS+=($!)
wait_ready "$PORT_A"
"$BIN" serve --port "$PORT_B" --database "$DB_URL" >"$WORK/b.log" 2>&1 & PIDS+=($!)
wait_ready "$PORT_B"
A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"

# 1. Both serve the same data.
[ "$(curl -fs "$A/api/v1/programs")" = "$(curl -fs "$B/api/v1/programs")" ] || fail "the instances list different programs"
curl -fs "$B/api/v1/programs/mwp-2006" | grep -q '"startDate":"2006-04-07"' || fail "instance B does not serve the 2006 program"

# 2. Sign in on A; the session works on B.
JAR="$WORK/cookies"
curl -fs -c "$JAR" "$A/sign-in" >/dev/null
CSRF=$(awk '$6 == "cohort-csrf" { print $7 }' "$JAR")
[ -n "$CSRF" ] || fail "no CSRF cookie from the sign-in page"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" \
  --data-urlencode "csrf=$CSRF" --data-urlencode "email=admin@demo.cohort.example" \
  --data-urlencode "password=demo-admin-password" "$A/sign-in")
[ "$STATUS" = "303" ] || fail "sign-in on A answered $STATUS"
curl -fs -b "$JAR" "$B/staff" | grep -q "Signed in as Demo Administrator" || fail "the session from A is not valid on B"

# 3. A change made on A shows on B, also on B's cached public page.
curl -fs "$B/programs/mwp-2006" | grep -q "Multi Instance Check Organisation" && fail "the check organisation exists already"
CSRF=$(awk '$6 == "cohort-csrf" { print $7 }' "$JAR")
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" \
  --data-urlencode "csrf=$CSRF" --data-urlencode "name=Multi Instance Check Organisation" \
  --data-urlencode "kind=ngo" --data-urlencode "country=MY" "$A/staff/organisations/new")
[ "$STATUS" = "303" ] || fail "creating an organisation on A answered $STATUS"
ORG=$(curl -fs -b "$JAR" "$B/staff/organisations?sort=name" | grep -o '/staff/organisations/[0-9a-f-]\{36\}">Multi Instance' | cut -d/ -f4 | cut -d'"' -f1)
[ -n "$ORG" ] || fail "B does not list the organisation created on A"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" --data-urlencode "csrf=$CSRF" \
  --data-urlencode "organisationID=$ORG" --data-urlencode "role=partner" --data-urlencode "description=" \
  "$A/staff/programs/mwp-2006/partners")
[ "$STATUS" = "303" ] || fail "adding a partner on A answered $STATUS"
sleep 0.6
curl -fs "$B/programs/mwp-2006" | grep -q "Multi Instance Check Organisation" || fail "B's public page does not show A's change"

# 4. Sign out on B; the session is gone on A as well.
CSRF=$(awk '$6 == "cohort-csrf" { print $7 }' "$JAR")
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "csrf=$CSRF" "$B/sign-out"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$A/staff")
[ "$STATUS" = "303" ] || fail "after signing out on B, A still answered $STATUS for the staff area"

echo "multi-instance: 4 passed, 0 failed"

#!/usr/bin/env bash
# Schemathesis against the running server and its own OpenAPI document (/api/openapi.json):
# every /api/v1 operation with a few hundred generated cases, positive and negative, then
# the stateful links (the token's application, then read, change and submit it). Fails on
# any server error or any response the document does not describe, or if the server is
# not up at the end. On a fresh SQLite file, or on COHORT_DATABASE_URL when it is set.
#   PY=$(scripts/ci-tools.sh) && scripts/api-contract.sh "$PY" [EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv-ci/bin/python}
EXAMPLES=${2:-200}
BIN=${COHORT_BIN:-.build/debug/cohort}
WORK=$(mktemp -d)
DATABASE=${COHORT_DATABASE_URL:-sqlite:$WORK/contract.sqlite}
KIND=$([[ "$DATABASE" == postgres* ]] && echo PostgreSQL || echo SQLite)
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# PostgreSQL needs a key shared by the server and the command that makes the staff token.
export COHORT_SECRET_KEY=${COHORT_SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_hex(32))')}

# Generated starts all come from this machine: the per-client limit would answer 429 to most.
COHORT_LOG_LEVEL=warning COHORT_MAIL_TRANSPORT=log COHORT_BCRYPT_COST=6 COHORT_STARTS_PER_CLIENT=1000000 \
  "$BIN" serve --demo --port "$PORT" --database "$DATABASE" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.1; done

STAFF_TOKEN=$("$BIN" user token --email manager@demo.cohort.example --name contract --database "$DATABASE" | grep -o 'cohort_pat_[A-Za-z0-9_-]*')
CALL=$(curl -sf "$BASE/api/v1/calls" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["calls"][0]["id"])')
curl -sf -X POST -H 'Content-Type: application/json' -d '{"email":"contract@example.org","language":"en"}' \
  "$BASE/api/v1/calls/$CALL/applications" >/dev/null
APPLICATION_TOKEN=$("$PY" -c "import sys; sys.path.insert(0, 'scripts'); from outbox import latest_token; print(latest_token('$DATABASE', 'contract@example.org'))")
export STAFF_TOKEN APPLICATION_TOKEN

cat > "$WORK/schemathesis.toml" <<TOML
[auth.openapi.staffToken]
bearer = "\${STAFF_TOKEN}"

[auth.openapi.applicationToken]
bearer = "\${APPLICATION_TOKEN}"

# The staff list of a call the token's account manages (random ids would all be 404).
[[operations]]
include-operation-id = "listApplications"
parameters = { callID = "$CALL" }

[[operations]]
include-operation-id = "startApplication"
parameters = { callID = "$CALL" }
TOML

rc=0
"$(dirname "$PY")/schemathesis" --config-file "$WORK/schemathesis.toml" run "$BASE/api/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "$EXAMPLES" --phases examples,coverage,fuzzing,stateful --seed 20261202 \
  --request-timeout 30 --report junit --report-junit-path "$WORK/junit.xml" > "$WORK/schemathesis.log" 2>&1 || rc=$?
tail -40 "$WORK/schemathesis.log"
UP=$(curl -sf -o /dev/null -w '%{http_code}' "$BASE/healthz" || echo down)
"$PY" - "$WORK/junit.xml" "$KIND" "$UP" "$rc" <<'PYTHON'
import sys, xml.etree.ElementTree as tree
path, kind, up, rc = sys.argv[1:]
root = tree.parse(path).getroot()
suites = [root] if root.tag == "testsuite" else list(root)
tests = sum(int(s.get("tests", 0)) for s in suites)
failures = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
print(f"schemathesis ({kind}): {tests} JUnit cases (each operation, and the stateful run), {failures} failing, exit {rc}; server still up: {'yes' if up == '200' else 'NO'}")
PYTHON
[ "$UP" = 200 ] || exit 1
exit $rc

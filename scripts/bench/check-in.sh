#!/usr/bin/env bash
# A facilitator's check-in of 40 people saved in one request, on a release build and SQLite
# with the demo data: the 2006 workshop's 32 participants and 8 more added on the People tab,
# then the check-in list of one session posted as a browser posts it (each box, and how it
# was shown), alternately with every box ticked and with none (so each save writes 40 rows or
# removes them).
#   scripts/bench/check-in.sh           # 200 saves
#   SAVES=50 scripts/bench/check-in.sh
#   COHORT_BIN=.build/debug/cohort scripts/bench/check-in.sh   # any build
# Prints the time per save (median, 95th percentile, slowest). Not a test: nothing here fails CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

SAVES=${SAVES:-200}
if [ -n "${COHORT_BIN:-}" ]; then
  BIN=$COHORT_BIN
else
  swift build -c release --product cohort >&2
  BIN=$(swift build -c release --show-bin-path)/cohort
fi
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
COHORT_LOG_LEVEL=warning COHORT_BCRYPT_COST=6 "$BIN" serve --demo --port "$PORT" --database "sqlite:$WORK/bench.sqlite" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 500); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.02; done

python3 - "$PORT" "$WORK/bench.sqlite" "$SAVES" <<'PY'
import http.cookiejar, re, sqlite3, statistics, sys, time, urllib.parse, urllib.request
port, database, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
def csrf(): return next(c.value for c in jar if c.name == "cohort-csrf")
def post(path, fields):
    return opener.open(base + path, urllib.parse.urlencode(fields).encode())
opener.open(base + "/sign-in").read()
post("/sign-in", {"email": "admin@demo.cohort.example", "password": "demo-admin-password", "csrf": csrf()}).read()
for n in range(8):
    post("/staff/programs/mwp-2006/people", {"csrf": csrf(), "fullName": f"Bench Participant {n + 1}", "role": "participant",
         "email": f"bench{n + 1}@example.org", "language": "en", "country": "NP", "sector": "ngo"}).read()
db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
session = db.execute("SELECT s.id FROM agenda_sessions s JOIN program_modules m ON m.id = s.module_id JOIN programs p ON p.id = m.program_id "
                     "WHERE p.slug = 'mwp-2006' AND s.kind = 'plenary' ORDER BY s.start_at LIMIT 1").fetchone()[0].lower()
page = opener.open(base + f"/sessions/{session}/attendance").read().decode()
boxes = re.findall(r'name="(present_[0-9a-f-]{36})"', page)
assert len(boxes) == 40, f"{len(boxes)} people on the list, not 40"
times = []
for i in range(saves):
    fields = {"csrf": csrf(), "action": "save"}
    if i % 2 == 0:
        fields.update({box: "on" for box in boxes})
    else:
        # Everyone was shown present; every box is now unticked.
        fields.update({box.replace("present_", "shown_"): "present" for box in boxes})
    started = time.perf_counter()
    post(f"/sessions/{session}/attendance", fields).read()
    times.append((time.perf_counter() - started) * 1000)
present = db.execute("SELECT COUNT(*) FROM attendance WHERE session_id = ?", (session.upper(),)).fetchone()[0] \
    or db.execute("SELECT COUNT(*) FROM attendance WHERE lower(session_id) = ?", (session,)).fetchone()[0]
times.sort()
print(f"check-in of 40 people in one request, {saves} saves (each followed by the list page it redirects to):")
print(f"  median {statistics.median(times):.1f} ms, 95th percentile {times[int(len(times) * 0.95) - 1]:.1f} ms, slowest {times[-1]:.1f} ms")
print(f"  present after the last save: {present}")
PY

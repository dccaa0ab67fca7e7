#!/usr/bin/env python3
"""Kills the server with SIGKILL while many clients are submitting applications through the
API, restarts it, and checks that every submission the server acknowledged is there, once,
with the reference it was given.

    scripts/crash-test.py [--clients 16] [--seconds 4] [--rounds 3]

Uses .build/debug/cohort (or COHORT_BIN) on a fresh SQLite file, or on COHORT_DATABASE_URL.
"""
import argparse, json, os, signal, socket, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outbox import latest_token

ANSWERS = {"full_name": "Crash Test", "nationality": "MY", "residence": "MY", "sector": "ngo", "years_experience": "5",
           "works_with_migrants": "yes", "focus": ["recruitment"], "work_description": "Casework.",
           "attend_all": "yes", "expectations": "Skills."}


def request(base, method, path, body=None, token=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, port, database, demo, log):
    args = [binary, "serve", "--port", str(port), "--database", database] + (["--demo"] if demo else [])
    # Every client starts from this machine: the per-client start limit would stop them.
    process = subprocess.Popen(args, stdout=log, stderr=log, env=dict(os.environ, COHORT_LOG_LEVEL="warning",
                                                                     COHORT_STARTS_PER_CLIENT="1000000"))
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1)
            return process
        except Exception:
            time.sleep(0.05)
    process.kill()
    sys.exit("crash-test: the server did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    binary = os.environ.get("COHORT_BIN", ".build/debug/cohort")
    work = tempfile.mkdtemp()
    database = os.environ.get("COHORT_DATABASE_URL", f"sqlite:{work}/crash.sqlite")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(f"{work}/server.log", "w")
    server = start(binary, port, database, True, log)
    call_id = request(base, "GET", "/api/v1/calls")[1]["calls"][0]["id"]

    acknowledged = []  # (id, token, reference)
    lock = threading.Lock()
    counter = [0]

    def client(stop):
        while not stop.is_set():
            with lock:
                counter[0] += 1
                n = counter[0]
            try:
                email = f"crash{n}@example.org"
                status, body = request(base, "POST", f"/api/v1/calls/{call_id}/applications", {"email": email})
                if status != 202:
                    continue
                # The link went by email, committed with the start: read it from the outbox.
                token = latest_token(database, email)
                status, body = request(base, "GET", "/api/v1/application", token=token)
                if status != 200:
                    continue
                app_id = body["id"]
                request(base, "PATCH", f"/api/v1/applications/{app_id}", {"answers": ANSWERS}, token)
                status, body = request(base, "POST", f"/api/v1/applications/{app_id}/submit", token=token)
                if status == 200:
                    with lock:
                        acknowledged.append((app_id, token, body["reference"]))
            except Exception:
                time.sleep(0.05)  # the server is down; keep trying until told to stop

    total_checked = 0
    for round_number in range(1, options.rounds + 1):
        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(stop,)) for _ in range(options.clients)]
        for thread in threads:
            thread.start()
        time.sleep(options.seconds)
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        for thread in threads:
            thread.join()
        server = start(binary, port, database, False, log)
        missing, wrong = [], []
        for app_id, token, reference in acknowledged:
            status, body = request(base, "GET", f"/api/v1/applications/{app_id}", token=token)
            if status != 200:
                missing.append(app_id)
            elif body.get("status") != "submitted" or body.get("reference") != reference:
                wrong.append(app_id)
        references = [reference for _, _, reference in acknowledged]
        duplicates = len(references) - len(set(references))
        print(f"round {round_number}: {len(acknowledged)} acknowledged submissions so far; "
              f"{len(missing)} missing, {len(wrong)} changed, {duplicates} duplicate references after SIGKILL and restart")
        if missing or wrong or duplicates:
            server.kill()
            sys.exit("crash-test: FAILED")
        total_checked = len(acknowledged)
    server.terminate()
    server.wait()
    print(f"crash-test: {total_checked} passed, 0 failed")


if __name__ == "__main__":
    main()

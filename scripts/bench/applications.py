#!/usr/bin/env python3
"""Application throughput and page weight, on a release build and a fresh SQLite file.

    scripts/bench/applications.py [--applications 5000] [--clients 32] [--client c|python] [--processes 4]

First every application is started (the link goes by email; the script reads it from the
outbox), then each is completed: opened, three saves, a 20 KB PDF, submit (through the JSON
API). Prints starts per second and completed applications per second, checks that every one is stored once with its reference,
and prints the compressed weight and request count of the application form page.
Not a test: nothing here runs in CI.
"""
import argparse, gzip, http.client, json, multiprocessing, os, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from outbox import all_tokens, latest_token

SECTIONS = [
    {"full_name": "Bench Applicant", "nationality": "MY", "residence": "MY", "sector": "ngo", "years_experience": "5"},
    {"works_with_migrants": "yes", "focus": ["recruitment", "justice"], "work_description": "Casework and legal aid for workers."},
    {"attend_all": "yes", "expectations": "Skills and networks."},
]


class Client:
    """One keep-alive connection, as a phone or an offline-capable app would hold."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        # Requests go out at once: a request split over two segments otherwise waits for the
        # server's delayed acknowledgement (40 ms), which measures the client, not the server.
        self.connection.connect()
        self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def call(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        self.connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = self.connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")

    def upload(self, path, question, data, token):
        boundary = "bench-boundary-7d0f"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\n{question}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        self.connection.request("POST", path, body=body, headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Authorization": "Bearer " + token})
        response = self.connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")


LETTER = b"%PDF-1.4\n" + b"% a letter of support\n" * 1000


def cpu_seconds(pid):
    """User and system CPU time a process has used so far (Linux)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_clients(port, call_id, clients, tokens, counter, results):
    """One process's share of the clients; each takes the next application until none is left.
    With `tokens` None it starts applications; otherwise it completes the one each token opens."""
    done, failures, lock = [], [], threading.Lock()
    total = len(tokens) if tokens is not None else call_id[1]

    def worker():
        client = Client(port)
        while True:
            with counter.get_lock():
                n = counter.value
                counter.value += 1
            if n >= total:
                return
            if tokens is None:
                status, _ = client.call("POST", f"/api/v1/calls/{call_id[0]}/applications", {"email": f"bench{n}@example.org"})
                if status != 202:
                    failures.append(status)
                continue
            token = tokens[n]
            status, body = client.call("GET", "/api/v1/application", token=token)
            if status != 200:
                failures.append(status); continue
            app_id = body["id"]
            for answers in SECTIONS:
                client.call("PATCH", f"/api/v1/applications/{app_id}", {"answers": answers}, token)
            status, _ = client.upload(f"/api/v1/applications/{app_id}/files", "support_letter", LETTER, token)
            if status != 201:
                failures.append(status); continue
            status, body = client.call("POST", f"/api/v1/applications/{app_id}/submit", token=token)
            if status == 200:
                with lock:
                    done.append((app_id, token, body["reference"]))
            else:
                failures.append(status)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    results.put((done, failures))


def run_python_clients(port, call_id, options, tokens):
    """The clients as threads in a few processes: one Python process cannot keep 32
    connections busy by itself (its interpreter lock becomes the bottleneck)."""
    counter = multiprocessing.Value("i", 0)
    results = multiprocessing.Queue()
    per_process = [options.clients // options.processes + (1 if i < options.clients % options.processes else 0)
                   for i in range(options.processes)]
    processes = [multiprocessing.Process(target=run_clients, args=(port, (call_id, options.applications), n, tokens, counter, results))
                 for n in per_process if n > 0]
    for process in processes: process.start()
    done, failures = [], []
    for _ in processes:
        finished, failed = results.get()
        done += finished
        failures += failed
    for process in processes: process.join()
    return done, failures, len(processes)


def run_c_clients(port, call_id, options, tokens):
    """The same load from applicants.c (built here with the C compiler): a thread per client
    that spends a small fraction of the CPU a Python client does, so that on a small machine
    the measurement is of the server."""
    folder = os.path.dirname(options.c_binary)
    if tokens is None:
        output = subprocess.run([options.c_binary, "start", str(port), call_id, str(options.clients), str(options.applications)],
                                check=True, capture_output=True, text=True).stdout.splitlines()
        return [], ["failed"] * int(output[-1].split()[1]), 1
    letter = os.path.join(folder, "letter.pdf")
    with open(letter, "wb") as file:
        file.write(LETTER)
    listing = os.path.join(folder, "tokens.txt")
    with open(listing, "w") as file:
        file.write("\n".join(tokens) + "\n")
    output = subprocess.run([options.c_binary, "complete", str(port), str(options.clients), listing, letter],
                            check=True, capture_output=True, text=True).stdout.splitlines()
    failures = ["failed"] * int(output[-1].split()[1])
    return [tuple(line.split()) for line in output[:-1]], failures, 1


def measured(server, work):
    """What `work` returns, the seconds it took, and the server's CPU seconds meanwhile."""
    cpu, started = cpu_seconds(server.pid), time.monotonic()
    result = work()
    return result, time.monotonic() - started, cpu_seconds(server.pid) - cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--processes", type=int, default=4, help="Python client processes")
    parser.add_argument("--client", choices=["c", "python"], default="c" if shutil.which("cc") else "python")
    options = parser.parse_args()
    if not os.environ.get("COHORT_BIN"):
        subprocess.run(["swift", "build", "-c", "release", "--product", "cohort"], check=True, stderr=subprocess.DEVNULL)
    binary = os.environ.get("COHORT_BIN") or subprocess.check_output(
        ["swift", "build", "-c", "release", "--show-bin-path"], text=True).strip() + "/cohort"
    work = tempfile.mkdtemp()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    database = f"sqlite:{work}/bench.sqlite"
    # Every client runs on this machine: the per-client start limit would stop them.
    server = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--database", database],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, COHORT_LOG_LEVEL="warning", COHORT_STARTS_PER_CLIENT="1000000",
                                       COHORT_MAIL_TRANSPORT="log"))
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1)
                break
            except Exception:
                time.sleep(0.05)
        call_id = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/calls"))["calls"][0]["id"]
        if options.client == "c":
            options.c_binary = os.path.join(tempfile.mkdtemp(), "applicants")
            subprocess.run(["cc", "-O2", "-pthread", "-o", options.c_binary,
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), "applicants.c")], check=True)
        run = run_c_clients if options.client == "c" else run_python_clients
        # Starting: each start emails a link (the only place a link goes) and answers 202.
        (_, start_failures, processes), elapsed, server_cpu = measured(server, lambda: run(port, call_id, options, None))
        print(f"{options.applications - len(start_failures)} starts with {options.clients} clients in {elapsed:.1f} s: "
              f"{options.applications / elapsed:.0f} starts/s, {1000 * server_cpu / max(options.applications, 1):.2f} ms server CPU each; "
              f"{len(start_failures)} failures")
        # Completing: each applicant opens their emailed link (read here from the outbox).
        emailed = all_tokens(database)
        tokens = [emailed[f"bench{n}@example.org"] for n in range(options.applications) if f"bench{n}@example.org" in emailed]
        (done, failures, processes), elapsed, server_cpu = measured(server, lambda: run(port, call_id, options, tokens))
        print(f"{len(done)} complete applications (open, 3 saves, a file, submit) with {options.clients} clients "
              f"({options.client} client, {processes} processes) in {elapsed:.1f} s: "
              f"{len(done) / elapsed:.0f} applications/s, {6 * len(done) / elapsed:.0f} requests/s; {len(failures)} failures")
        print(f"server CPU: {server_cpu / elapsed:.2f} cores, {1000 * server_cpu / max(len(done), 1):.2f} ms per application "
              f"(this machine has {os.cpu_count()} cores, shared with the clients)")
        references = [r for _, _, r in done]
        client = Client(port)
        stored = sum(1 for app_id, token, reference in done
                     if client.call("GET", f"/api/v1/applications/{app_id}", token=token)[1].get("reference") == reference)
        print(f"stored once with their reference: {stored} of {len(done)}; duplicate references: {len(references) - len(set(references))}")

        # Weight of the application form page as a phone receives it: HTML, stylesheet, script, gzip-compressed.
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        page = opener.open(f"http://127.0.0.1:{port}/calls/{call_id}").read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        opener.open(urllib.request.Request(f"http://127.0.0.1:{port}/calls/{call_id}/start",
                                           data=f"csrf={csrf}&email=weight%40example.org&language=en".encode())).read()
        opened = opener.open(f"http://127.0.0.1:{port}/apply/{latest_token(database, 'weight@example.org')}")
        application = re.search(r"/applications/[0-9a-f-]{36}", opened.geturl()).group(0)
        html = opener.open(f"http://127.0.0.1:{port}{application}/sections/1").read()
        assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
        sizes = [len(gzip.compress(html, 9))] + [len(gzip.compress(opener.open(f"http://127.0.0.1:{port}{a.decode()}").read(), 9)) for a in assets]
        print(f"application form page: {len(sizes)} requests, {sum(sizes) / 1024:.1f} KB compressed "
              f"(HTML {sizes[0] / 1024:.1f} KB, assets {sum(sizes[1:]) / 1024:.1f} KB)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Cohort in a real browser, as its users click and type, on a server started from a fresh
database with the demo data. Every page a flow visits is checked with axe-core (0 serious
or critical violations), for labels and linked error messages, and for sideways scrolling
at 320 px; screenshots of each at 320 and 1280 px go to the screenshots folder.

    python3 -m venv .venv && .venv/bin/pip install selenium selenium-axe-python==2.2.0
    apt-get install chromium chromium-driver
    .venv/bin/python scripts/browser/suite.py [--binary .build/debug/cohort] [--screenshots docs/screenshots]

Prints one line per flow, then one summary line each for the flows, the accessibility
checks and the staff forms submitted; exits non-zero if anything failed.
"""
import argparse, os, sqlite3, sys, time, traceback, urllib.request, json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Checks, Server  # noqa: E402
import agenda_flows, applicant_flows, attendance_flows, people_flows, staff_flows, staff_tour, survey_flows  # noqa: E402


class Suite:
    def __init__(self, server, checks):
        self.server, self.checks = server, checks
        self.notes = []
        self.letter = applicant_flows.letter_of_five_megabytes()

    def note(self, text):
        self.notes.append(text)

    def call_id(self):
        calls = json.load(urllib.request.urlopen(self.server.base + "/api/v1/calls"))["calls"]
        return calls[0]["id"].lower()

    def call_2006_id(self):
        return self.query("SELECT c.id FROM calls c JOIN programs p ON p.id = c.program_id WHERE p.slug = 'mwp-2006'")[0][0].lower()

    def accepted_emails(self):
        rows = self.query("SELECT a.email FROM selection_decisions d JOIN applications a ON a.id = d.application_id "
                          "WHERE d.outcome = 'accepted' AND d.response IS NULL ORDER BY a.email LIMIT 2")
        if len(rows) < 2:
            raise AssertionError("fewer than two were accepted")
        return [row[0] for row in rows]

    def query(self, sql):
        connection = sqlite3.connect(f"file:{self.server.database[len('sqlite:'):]}?mode=ro", uri=True, timeout=10)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/cohort")
    parser.add_argument("--screenshots", default="docs/screenshots")
    parser.add_argument("--only", help="run the flows whose name holds one of these comma-separated texts (the check that every form was sent is then skipped)")
    options = parser.parse_args()
    server = Server(options.binary)
    checks = Checks(options.screenshots)
    suite = Suite(server, checks)
    flows = [
        ("applicant applies with JavaScript on (Nepali answer, 5 MB PDF)",
         lambda: applicant_flows.apply(suite, "sita.js@example.org", javascript=True)),
        ("applicant applies with JavaScript off and resumes in a fresh browser",
         lambda: applicant_flows.apply(suite, "sita.nojs@example.org", javascript=False, resume_in_fresh_browser=True)),
        ("reviewer scores blind applications with the keyboard only", lambda: staff_flows.review_with_keyboard(suite)),
        ("manager overrides eligibility, runs and compares selections, sends decisions", lambda: staff_flows.manage_selection(suite)),
        ("accepted applicants confirm and decline through their links",
         lambda: [applicant_flows.answer_offer(suite, email, accept) for email, accept in zip(suite.accepted_emails(), [True, False])]),
        ("manager offers the declined place to the waiting list", lambda: staff_flows.offer_freed_place(suite)),
        ("administrator creates an account; its owner changes the password", lambda: staff_flows.new_account_changes_password(suite)),
        ("every other staff form, submitted once", lambda: staff_tour.tour(suite)),
        ("manager builds and publishes an agenda; the public reads, prints and subscribes to it",
         lambda: agenda_flows.build_and_publish(suite)),
        ("manager adds people; a participant and a facilitator sign in with a link and use their own page",
         lambda: people_flows.run(suite)),
        ("a facilitator takes attendance; a participant checks in with the code; certificates issued, printed, revoked, verified",
         lambda: attendance_flows.run(suite)),
        ("two nominees answer a needs assessment (one without JavaScript, resuming); the manager creates a survey, reads results, "
         "links needs to sessions and reads learning gains", lambda: [survey_flows.answer(suite, survey_flows.FIRST, True, "survey"),
                                                                   survey_flows.answer(suite, survey_flows.SECOND, False, "survey"),
                                                                   survey_flows.manage(suite)]),
    ]
    if options.only:
        flows = [flow for flow in flows if any(part in flow[0] for part in options.only.split(","))]
    failed = 0
    started = time.monotonic()
    for name, flow in flows:
        try:
            flow()
            print(f"  ok    {name}")
        except Exception as error:
            failed += 1
            print(f"  FAIL  {name}: {error}")
            traceback.print_exc(file=sys.stderr)
    up = server.is_up()
    server.stop()
    elapsed = time.monotonic() - started
    missing = [] if options.only else sorted(set(checks.forms_seen) - checks.forms_submitted)
    for page, rule, impact, nodes, targets in checks.axe_violations:
        print(f"  axe   {page}: {impact} {rule} on {nodes} element(s) {targets}")
    for page, what in checks.problems:
        print(f"  page  {page}: {what}")
    for form in missing:
        print(f"  form  never submitted: {form} (seen on {checks.forms_seen[form]})")
    print(f"browser flows: {len(flows) - failed} passed, {failed} failed in {elapsed:.0f} s; server still up: {'yes' if up else 'NO'}")
    print(f"accessibility: {len(checks.pages)} kinds of page, {len(checks.axe_violations)} serious or critical axe violations "
          f"({checks.axe_minor} minor or moderate), {len(checks.problems)} label, error-link or 320 px problems")
    print(f"staff forms: {len(checks.forms_submitted & set(checks.forms_seen))} of {len(checks.forms_seen)} kinds submitted"
          + (f"; screenshots in {options.screenshots}/" if options.screenshots else ""))
    sys.exit(1 if failed or not up or checks.axe_violations or checks.problems or missing else 0)


if __name__ == "__main__":
    main()

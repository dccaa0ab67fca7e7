"""Attendance and certificates in a browser. A facilitator of the 2006 workshop takes a
session's attendance on the check-in list (two boxes ticked, then everyone present). An
administrator sets up a one-day module running today, adds a participant and a session that
runs now, publishes it and shows the room its check-in code; the participant checks in on
their own page (a wrong code first). The administrator sets the module's completion rule,
issues its certificates, prints one (one A4 landscape page), revokes it with a reason, and
the public verification page says so. Last, a certificate of the 2006 workshop is issued,
with a note, to a participant below its rule."""
import base64, re
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By

from harness import Page, browser
from people_flows import PARTICIPANT, sign_in
from staff_flows import ADMIN
from staff_tour import failed, send

SLUG = "check-in-rehearsal"
LEAD = "facilitator-lead@demo.cohort.example"


def facilitator_takes_attendance(suite):
    page = Page(suite, browser(True))
    try:
        sign_in(suite, page, LEAD, "me-lead")
        page.click_link("Check-in list")
        page.look("check-in")
        boxes = page.driver.find_elements(By.CSS_SELECTOR, "main input[type=checkbox]")
        # The workshop's 32, and whoever confirmed a place in the flows before.
        if len(boxes) < 32:
            raise AssertionError(f"the check-in list has {len(boxes)} boxes, fewer than the workshop's 32 participants")
        form = page.form("/attendance")
        for box in boxes:
            if box.is_selected():
                page.label_for(box).click()
        for box in boxes[:2]:
            page.label_for(box).click()
        page.submit(form, "Save attendance")
        page.look("check-in-saved")
        page.expect("Attendance is saved.")
        page.expect(f"2 of {len(boxes)} present")
        page.submit(page.form("/attendance"), "Everyone present")
        page.expect(f"{len(boxes)} of {len(boxes)} present")
        suite.note("a facilitator took a session's attendance on its check-in list")
    finally:
        page.driver.quit()


def rehearsal(suite):
    venue_today = datetime.now(timezone(timedelta(hours=8))).date()
    today, day_before, day_after = venue_today.isoformat(), (venue_today - timedelta(days=1)).isoformat(), (venue_today + timedelta(days=1)).isoformat()
    admin = Page(suite, browser(True))
    try:
        admin.sign_in(*ADMIN)
        send(admin, "/staff/programs/new", "staff-program-new", "/staff/programs/new",
             {"title": "Check-in rehearsal", "slug": SLUG, "theme": "Rehearsing the check-in", "hostCountry": "MY",
              "startDate": day_before, "endDate": day_after, "status": "draft", "summary": "A rehearsal made by the browser suite.",
              "description": "One day, one session."})
        send(admin, f"/staff/programs/{SLUG}/modules", "staff-program-modules", f"/{SLUG}/modules",
             {"number": "1", "title": "Rehearsal day", "startDate": today, "endDate": today, "format": "in_person",
              "city": "Kuala Lumpur", "country": "MY", "timeZone": "Asia/Kuala_Lumpur"})
        send(admin, f"/staff/programs/{SLUG}/people", "staff-people", "/people",
             {"fullName": "Maria Liza Santos", "role": "participant", "email": PARTICIPANT, "country": "PH"}, expect="Added.")
        admin.open(f"/staff/programs/{SLUG}/modules", "staff-program-modules")
        admin.click_link("Agenda")
        editor = admin.path()
        send(admin, None, "staff-agenda-add", editor,
             {"day": today, "start": "00:00", "end": "23:59", "title_en": "The whole day, in one session", "kind": "workshop",
              "room": "Hall B", "visibility": "participants"}, expect="Added.")
        send(admin, None, "staff-agenda-publish", editor + "/publish", {"note": "The rehearsal's one session."})
        admin.click_link("Check-in list")
        admin.look("check-in-staff")
        code = admin.driver.find_element(By.CSS_SELECTOR, ".check-in-code .code").text.strip()
        if not re.fullmatch(r"[0-9A-Z]{3}-[0-9A-Z]{3}", code):
            raise AssertionError(f"the check-in code reads {code!r}")
        participant_checks_in(suite, code)
        admin.driver.refresh()
        admin.expect("1 of 1 present")
        admin.open(f"/staff/programs/{SLUG}/modules", "staff-program-modules")
        admin.click_link("Attendance")
        admin.look("staff-attendance")
        form = admin.form("/attendance")
        admin.fill(form, {"measure": "hours", "percent": "1e300"})
        admin.submit(form)
        admin.look("staff-attendance-refused")
        admin.expect("Enter a whole number of per cent from 1 to 100.")
        send(admin, None, "staff-attendance-rule", "/attendance", {"measure": "hours", "percent": "50"}, expect="Your changes are saved.")
        admin.expect("1 of 1 participants meet the rule so far.")
        admin.click_link("Certificates")
        admin.look("staff-certificates")
        admin.submit(admin.form("/certificates"), "Issue certificates to everyone who meets the rule")
        admin.look("staff-certificates-issued")
        admin.expect("The certificates are issued.")
        admin.click_link("Print")
        admin.look("certificate")
        certificate = admin.path()
        code = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}", admin.text()).group(0)
        pdf = base64.b64decode(admin.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
        if pages != 1 or not box or float(box.group(1)) <= float(box.group(2)):
            raise AssertionError(f"the printed certificate has {pages} pages, media box {box and box.groups()}: not one A4 landscape page")
        admin.driver.back()
        form = [f for f in admin.driver.find_elements(By.CSS_SELECTOR, "main form") if "/revoke" in (f.get_attribute("action") or "")][0]
        open_details(admin, form)
        admin.fill(form, {"reason": "Issued in a rehearsal."})
        admin.submit(form)
        admin.look("staff-certificates-revoked")
        admin.expect("The certificate is revoked.")
        admin.sign_out()
        admin.open(f"/verify/{code}", "verify")
        admin.expect("Revoked")
        if "Issued in a rehearsal." in admin.text():
            raise AssertionError("the public verification page shows the reason for revoking")
        admin.open(certificate, "certificate-signed-out")
        suite.note("a participant checked in with the room's code; a certificate was issued, printed, revoked and verified")
    finally:
        admin.driver.quit()


def participant_checks_in(suite, code):
    page = Page(suite, browser(True))
    try:
        sign_in(suite, page, PARTICIPANT, "me")
        form = page.form("/me/check-in")
        page.fill(form, {"code": "ZZZ-ZZZ"})
        page.submit(form)
        page.look("me-check-in-refused")
        page.expect("This code does not match")
        send(page, None, "me-check-in", "/me/check-in", {"code": code.lower()}, expect="You are checked in.")
    finally:
        page.driver.quit()


def issue_with_a_note(suite):
    page = Page(suite, browser(True))
    try:
        page.sign_in(*ADMIN)
        page.open("/staff/programs/mwp-2006/modules", "staff-program-modules")
        page.click_link("Certificates")
        page.look("staff-certificates-2006")
        valid = int(re.search(r"(\d+) certificates are valid", page.text()).group(1))
        form = [f for f in page.driver.find_elements(By.CSS_SELECTOR, "main form") if f.find_elements(By.NAME, "note")][0]
        open_details(page, form)
        page.fill(form, {"note": "Missed the last day for a family emergency."})
        page.submit(form)
        page.look("staff-certificates-2006-issued")
        if failed(page):
            raise AssertionError(f"the certificate with a note was refused: {failed(page)}")
        page.expect(f"{valid + 1} certificates are valid")
        page.sign_out()
    finally:
        page.driver.quit()


def open_details(page, form):
    """A person opens the disclosure a form sits in before typing into it."""
    page.driver.execute_script("for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details')) d.open = true;", form)


def run(suite):
    facilitator_takes_attendance(suite)
    rehearsal(suite)
    issue_with_a_note(suite)

"""A manager finishes the agenda of the next edition's Module 1, drafted in the demo with
three sessions, in the editor (a session, a clash seen and
accepted, a participants-only session, a change, a cancellation), publishes it twice with a
note, and the public sees it: the agenda page, its printed form (one A4 page a day) and its
calendar feed."""
import base64, re, urllib.request

from selenium.webdriver.common.by import By

from harness import Page, browser
from staff_flows import MANAGER
from staff_tour import failed, send

PROGRAM = "mwp-next"
# The demo's draft of Module 1: an opening, a break and a plenary, all public.
DRAFTED_PUBLIC = 3


def session(day, start, end, title, room="Hall A", visibility="public"):
    return {"day": day, "start": start, "end": end, "title_en": title,
            "description_en": "What the Convention protects, and how the Committee hears states.\n\nWith examples from Malaysia.",
            "kind": "plenary", "room": room, "topics": "ICRMW, CMW", "visibility": visibility}


def build_and_publish(suite):
    page = Page(suite, browser(True))
    try:
        page.sign_in(*MANAGER)
        page.open(f"/staff/programs/{PROGRAM}/modules", "staff-program-modules")
        page.click_link("Agenda")
        page.look("staff-agenda")
        editor = page.path()
        day = page.driver.find_element(By.NAME, "day").get_attribute("value")
        send(page, None, "staff-agenda-add", editor, session(day, "09:00", "10:30", "The Migrant Workers Convention"),
             expect="Added.")
        # Hall A is taken at 10:00: the clash is shown and nothing is saved, until it is accepted.
        form = page.form(editor)
        page.fill(form, session(day, "10:00", "11:00", "Country groups: Nepal and Bangladesh"))
        page.submit(form)
        page.look("staff-agenda-clash")
        page.expect("Hall A is also used by")
        form = page.form(editor)
        page.fill(form, {"acceptClashes": True})
        page.submit(form)
        if failed(page):
            raise AssertionError(f"the accepted clash was refused: {failed(page)}")
        page.expect("Added.")
        send(page, None, "staff-agenda-add", editor,
             session(day, "13:00", "14:00", "Lunch with the resource persons", room="Dining hall", visibility="participants"))
        send(page, None, "staff-agenda-publish", editor + "/publish", {"note": "The first day's agenda."},
             expect="The agenda is published.")
        page.click_link("Edit")
        page.look("staff-agenda-session")
        send(page, None, "staff-agenda-session-edit", page.path(), {"start": "09:15", "title_en": "The Migrant Workers Convention (ICRMW)"},
             expect="Your changes are saved.")
        send(page, None, "staff-agenda-cancel", "/remove", expect="The session is cancelled.")
        send(page, None, "staff-agenda-publish", editor + "/publish", {"note": "The opening session is cancelled."})
        page.sign_out()
        public_views(suite, page)
        suite.note("manager built and published an agenda; the public page, its print and its feed show it")
    finally:
        page.driver.quit()


def public_views(suite, page):
    page.open(f"/programs/{PROGRAM}", "program")
    page.click_link("The agenda")
    page.look("agenda")
    page.expect("09:15–10:30")
    page.expect("Cancelled")
    if "Lunch with the resource persons" in page.text():
        raise AssertionError("a participants-only session is on the public agenda")
    # Printed: A4, one page a day (the sessions added here are all on one day).
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    page.look("agenda-print")
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(page.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    if pages != 1:
        raise AssertionError(f"the printed agenda of one day has {pages} pages")
    response = urllib.request.urlopen(suite.server.base + f"/programs/{PROGRAM}/agenda.ics")
    if response.headers["Content-Type"] != "text/calendar; charset=utf-8":
        raise AssertionError(f"the feed is {response.headers['Content-Type']}")
    feed = response.read().decode()
    if feed.count("BEGIN:VEVENT") != 2 + DRAFTED_PUBLIC or "STATUS:CANCELLED" not in feed or "SEQUENCE:2" not in feed:
        raise AssertionError(f"the feed does not show the drafted sessions and the two public sessions added, one cancelled (changed once, then cancelled: SEQUENCE 2): {feed[:600]}")

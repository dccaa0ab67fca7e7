"""A manager finishes the agenda of the next edition's Module 1 (the demo drafted three
sessions) in the editor: a session, a clash seen and accepted, a participants-only session, a
change, a cancellation; publishes it twice with a note; and the public sees it: the agenda
page, its printed form (one A4 page a day) and its calendar feed."""
import base64, os, re, tempfile, urllib.parse, urllib.request

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
        # The session added first, not one of the drafted ones.
        row = next(r for r in page.driver.find_elements(By.CSS_SELECTOR, "main tr") if "The Migrant Workers Convention" in r.text)
        page.click_and_wait(row.find_element(By.LINK_TEXT, "Edit"))
        page.look("staff-agenda-session")
        send(page, None, "staff-agenda-session-edit", page.path(), {"start": "09:15", "title_en": "The Migrant Workers Convention (ICRMW)"},
             expect="Your changes are saved.")
        row = next(r for r in page.driver.find_elements(By.CSS_SELECTOR, "main tr") if "(ICRMW)" in r.text)
        remove = urllib.parse.urlparse(row.find_element(By.CSS_SELECTOR, "form").get_attribute("action")).path
        send(page, None, "staff-agenda-cancel", remove, expect="The session is cancelled.")
        add_materials(page, editor)
        send(page, None, "staff-agenda-publish", editor + "/publish", {"note": "The opening session is cancelled; handouts added."})
        page.sign_out()
        public_views(suite, page)
        suite.note("manager built and published an agenda; the public page, its print and its feed show it")
    finally:
        page.driver.quit()


def add_materials(page, editor):
    """A link (refused first as an address no browser should open) and a handout to the drafted
    plenary on the Convention."""
    page.open(editor, "staff-agenda")
    row = next(r for r in page.driver.find_elements(By.CSS_SELECTOR, "main tr") if "its Committee" in r.text)
    page.click_and_wait(row.find_element(By.LINK_TEXT, "Edit"))
    page.look("staff-agenda-session-materials")
    form = page.form("/materials")
    page.fill(form, {"materialTitle": "The Convention's text", "materialLink": "javascript:alert(1)"})
    page.submit(form)
    page.look("staff-agenda-material-refused")
    page.expect("starts with https:// or http://")
    send(page, None, "staff-agenda-material-link", "/materials",
         {"materialLink": "https://www.ohchr.org/en/instruments-mechanisms/instruments"}, expect="Added.")
    handout = os.path.join(tempfile.mkdtemp(), "handout.pdf")
    with open(handout, "wb") as file:
        file.write(b"%PDF-1.4\n% handout\n%%EOF\n")
    send(page, None, "staff-agenda-material-file", "/materials", {"materialTitle": "Handout: the Committee's reviews", "materialFile": handout},
         expect="Handout: the Committee's reviews")
    # One given by mistake, and taken off again.
    send(page, None, "staff-agenda-material-extra", "/materials",
         {"materialTitle": "Draft slides", "materialLink": "https://example.org/draft"}, expect="Draft slides")
    item = next(li for li in page.driver.find_elements(By.CSS_SELECTOR, "#materials li") if "Draft slides" in li.text)
    remove = urllib.parse.urlparse(item.find_element(By.CSS_SELECTOR, "form").get_attribute("action")).path
    send(page, None, "staff-agenda-material-remove", remove, expect="Removed.")
    if "Draft slides" in page.text():
        raise AssertionError("the removed material is still listed")
    page.open(editor, "staff-agenda")


def public_views(suite, page):
    page.open(f"/programs/{PROGRAM}", "program")
    page.click_link("The agenda")
    page.look("agenda")
    page.expect("09:15–10:30")
    page.expect("Cancelled")
    page.expect("The Convention's text")
    handout = page.driver.find_element(By.LINK_TEXT, "Handout: the Committee's reviews").get_attribute("href")
    if urllib.request.urlopen(handout).read() != b"%PDF-1.4\n% handout\n%%EOF\n":
        raise AssertionError("the handout does not come back as it was uploaded")
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

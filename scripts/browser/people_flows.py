"""A manager adds a facilitator and an external resource person to a program (meeting the
form's errors first); a participant of the 2006 workshop, on a browser without JavaScript,
asks for a sign-in link, opens it, presses the button and lands on their own page: their
programs, the name for their certificates (refused once, then saved), their calendar address
(renewed), the full agenda of their program, and signing out. The facilitator added by the
manager then signs in the same way."""
import re, urllib.request

from harness import Page, browser
from staff_flows import MANAGER
from staff_tour import failed, send

PROGRAM = "mwp-next"
PARTICIPANT = "participant07@demo.cohort.example"
FACILITATOR = "facilitator.added@example.org"
SIGN_IN_LINK = re.compile(r"/me/sign-in/([A-Za-z0-9_-]+)")


def add_people(suite):
    page = Page(suite, browser(True))
    try:
        page.sign_in(*MANAGER)
        page.open(f"/staff/programs/{PROGRAM}", "staff-program")
        page.click_link("People")
        page.look("staff-people")
        form = page.form("/people")
        page.fill(form, {"fullName": "Rosa Lim", "role": "facilitator"})
        page.submit(form)
        page.look("staff-people-refused")
        page.expect("Enter the email address the facilitator signs in with.")
        send(page, None, "staff-people-add", "/people", {"email": FACILITATOR, "language": "fil"}, expect="Added.")
        send(page, None, "staff-people-add-external", "/people",
             {"fullName": "Dr Arjun Shrestha", "role": "resource_person", "country": "NP",
              "organisationName": "Kathmandu School of Law (sample)", "bio": "Teaches migration law."}, expect="Added.")
        page.expect("Kathmandu School of Law (sample)")
        # The resource person's own row, found by what it says, not by its place in the list.
        row = [r for r in page.driver.find_elements("css selector", "tr") if "Kathmandu School of Law (sample)" in r.text][0]
        page.submit(row.find_element("css selector", "form[action$='/remove']"))
        page.look("staff-people-remove-sent")
        page.expect("Removed.")
        if "Kathmandu School of Law (sample)" in page.text():
            raise AssertionError("the removed resource person is still listed")
        page.sign_out()
        suite.note("manager added a facilitator and an external resource person")
    finally:
        page.driver.quit()


def sign_in(suite, page, email, name):
    page.open("/me/sign-in", name + "-sign-in")
    form = page.form("/me/sign-in")
    page.fill(form, {"email": email})
    page.submit(form)
    page.look(name + "-sent")
    page.expect("a sign-in link is on its way")
    token = suite.server.token(email, SIGN_IN_LINK)
    page.open(f"/me/sign-in/{token}", name + "-link")
    page.submit(page.form(f"/me/sign-in/{token}"))
    if page.path() != "/me":
        raise AssertionError(f"signing in with the link led to {page.path()}")
    page.look(name + "-home")
    return token


def participant_home(suite):
    page = Page(suite, browser(True))
    try:
        token = sign_in(suite, page, PARTICIPANT, "me")
        page.expect("2006 Migrant Workers Program")
        form = page.form("/me/name")
        page.fill(form, {"certificateName": ""})
        page.submit(form)
        page.look("me-name-refused")
        page.expect("Enter your name on one line")
        send(page, None, "me-name", "/me/name", {"certificateName": "Maria Liza B. Santos"}, expect="Your name for certificates is saved.")
        feed = re.search(r"/calendars/[0-9a-f]{64}/sessions\.ics", page.driver.page_source).group(0)
        if "BEGIN:VEVENT" not in urllib.request.urlopen(suite.server.base + feed).read().decode():
            raise AssertionError("the personal calendar has no sessions")
        send(page, None, "me-calendar", "/me/calendar", expect="Your calendar has a new address.")
        try:
            urllib.request.urlopen(suite.server.base + feed)
            raise AssertionError("the old calendar address still works after a new one was made")
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
        page.click_link("Full agenda")
        page.look("me-agenda")
        page.expect("Participants only")
        page.open("/me", "me-home-again")
        send(page, None, "me-sign-out", "/me/sign-out", expect="You are signed out.")
        # The spent link does not open a second session.
        page.open(f"/me/sign-in/{token}", "me-link-used")
        page.expect("This sign-in link no longer works")
    finally:
        page.driver.quit()
    # The same again on a phone without JavaScript (the pages were checked above; axe needs scripts).
    page = Page(suite, browser(False))
    try:
        sign_in(suite, page, PARTICIPANT, "me")
        send(page, None, "me-name", "/me/name", {"certificateName": "Maria Liza Santos"}, expect="Your name for certificates is saved.")
        send(page, None, "me-sign-out", "/me/sign-out", expect="You are signed out.")
        suite.note("a participant signed in with a link, with and without JavaScript, and used their page")
    finally:
        page.driver.quit()


def added_facilitator(suite):
    page = Page(suite, browser(True))
    try:
        sign_in(suite, page, FACILITATOR, "me-facilitator")
        page.expect("Rosa Lim")
        suite.note("the facilitator the manager added signed in")
    finally:
        page.driver.quit()


def participants_list(suite):
    """The manager reads the 2017/18 cohort: filters by the role of the country, sorts by attendance."""
    page = Page(suite, browser(True))
    try:
        page.sign_in(*MANAGER)
        page.open("/staff/programs/mwp-2017-18", "staff-program")
        page.click_link("Participants")
        page.look("staff-participants")
        page.expect("28 participants")
        form = page.form("/participants")
        page.fill(form, {"role": "origin"})
        page.submit(form, "Show")
        page.look("staff-participants-filtered")
        page.expect("10 participants match")
        page.click_link("Attendance")
        page.expect("10 participants match")
        if "sort=attendance" not in page.driver.current_url or "role=origin" not in page.driver.current_url:
            raise AssertionError(f"sorting lost the filter: {page.driver.current_url}")
        page.sign_out()
        suite.note("manager filtered the 2017/18 participants by the role of their country and sorted them by attendance")
    finally:
        page.driver.quit()


def run(suite):
    participants_list(suite)
    add_people(suite)
    participant_home(suite)
    added_facilitator(suite)

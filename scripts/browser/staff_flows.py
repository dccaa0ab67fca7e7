"""Staff, as they use Cohort: a reviewer scoring blind applications with the keyboard only;
a manager overriding eligibility, setting quotas, running and comparing selections and
sending decisions; an administrator creating an account whose owner then signs in and
changes the password; and a tour that submits every other form of the staff area."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import Page, browser, wait_for_next_page

ADMIN = ("admin@demo.cohort.example", "demo-admin-password")
MANAGER = ("manager@demo.cohort.example", "demo-manager-password")
REVIEWER = ("reviewer2@demo.cohort.example", "demo-reviewer2-password")


def review_with_keyboard(suite, count=2):
    """Tab, Space and Enter only: each group of scores gets a choice, the comment is typed."""
    page = Page(suite, browser(True))
    try:
        page.sign_in(*REVIEWER)
        page.open("/review", "review-home")
        queue = next(a.get_attribute("href") for a in page.driver.find_elements(By.CSS_SELECTOR, "main a")
                     if "/review/calls/" in (a.get_attribute("href") or ""))
        page.driver.get(queue)
        page.look("review-queue")
        for number in range(count):
            links = [a.get_attribute("href") for a in page.driver.find_elements(By.CSS_SELECTOR, "main a")
                     if "/applications/" in (a.get_attribute("href") or "")]
            page.driver.get(links[number])
            page.look("review-application")
            for hidden in ["@demo.cohort.example", "Phone number"]:
                if hidden in page.text():
                    raise AssertionError(f"a blind review shows {hidden!r}")
            form = page.form("/applications/")
            suite.checks.submitted(page.driver, form)
            keyboard_review(page)
            page.look("review-saved")
            page.expect("saved")
        # One more: the reviewer knows this applicant and says so instead of scoring.
        links = [a.get_attribute("href") for a in page.driver.find_elements(By.CSS_SELECTOR, "main a")
                 if "/applications/" in (a.get_attribute("href") or "")]
        page.driver.get(links[count])
        form = page.form("/conflict")
        page.fill(form, {"note": "I supervised this applicant's casework."})
        page.submit(form)
        page.look("review-conflict-declared")
        suite.note(f"reviewer scored {count} blind applications with the keyboard and declared a conflict on another")
    finally:
        page.driver.quit()


def keyboard_review(page):
    driver = page.driver
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    chosen = set()
    for _ in range(300):
        active = driver.switch_to.active_element
        kind, name = active.get_attribute("type"), active.get_attribute("name")
        if kind == "radio" and name not in chosen:
            # Arrow keys move within a group and choose; Space chooses the focused one.
            active.send_keys(Keys.ARROW_RIGHT)
            chosen.add(name)
        elif active.tag_name == "textarea" and name == "comment":
            active.send_keys("Clear account of casework; strong links with origin-country groups.")
        elif active.tag_name == "button" and "Sign out" not in active.text and chosen:
            wait_for_next_page(driver, lambda: active.send_keys(Keys.ENTER))
            return
        active.send_keys(Keys.TAB)
    raise AssertionError("the review could not be sent with the keyboard")


def manage_selection(suite):
    """The 2006 call's manager: eligibility, bulk status, two runs with quotas, comparison, decisions."""
    admin = Page(suite, browser(True))
    try:
        admin.sign_in(*ADMIN)
        # The demo manager manages the 2017/18 program; the administrator adds them to 2006.
        admin.open("/staff/programs/mwp-2006/members", "staff-program-members")
        form = admin.form("/mwp-2006/members")
        admin.fill(form, {"accountID": "Demo Program Manager", "role": "manager"})
        admin.submit(form)
        admin.expect("Demo Program Manager")
    finally:
        admin.driver.quit()
    page = Page(suite, browser(True))
    try:
        page.sign_in(*MANAGER)
        page.look("staff-home")
        call = suite.call_2006_id()
        page.open(f"/staff/calls/{call}/applications", "staff-applications")
        form = page.driver.find_element(By.CSS_SELECTOR, "main form[method=get]")
        page.fill(form, {"nationality": "NP"})
        page.click_and_wait(form.find_element(By.CSS_SELECTOR, "button"))
        page.look("staff-applications-filtered")
        page.open(f"/staff/calls/{call}/applications", "staff-applications")
        first = [a.get_attribute("href") for a in page.driver.find_elements(By.CSS_SELECTOR, "main table a")
                 if "/applications/" in (a.get_attribute("href") or "")][0]
        page.driver.get(first)
        page.look("staff-application")
        form = page.form("/eligibility")
        page.fill(form, {"decision": "ineligible", "note": "Not resident in a program country at the deadline."})
        page.submit(form)
        page.look("staff-application-overridden")
        page.expect("Not resident in a program country")
        form = page.form("/eligibility")
        page.fill(form, {"decision": "rules", "note": "Checked again: resident."})
        page.submit(form)
        # Bulk status: tick two, move them.
        page.open(f"/staff/calls/{call}/applications", "staff-applications")
        form = page.form("/applications/status")
        boxes = form.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")[:2]
        for box in boxes:
            page.label_for(box).click()
        page.fill(form, {"status": "shortlisted"})
        page.submit(form)
        page.look("staff-applications-status-confirm")
        page.submit(page.form("/applications/status"))
        page.look("staff-applications-moved")
        # Two runs: one plain, one with quotas.
        for name, quotas in [("Plain", {}), ("Balanced by country", {
                "q0_attribute": "role", "q0_kind": "value", "q0_values": "origin", "q0_min": "10",
                "q1_attribute": "country", "q1_kind": "each", "q1_max": "4"})]:
            page.open(f"/staff/calls/{call}/selection", "staff-selection")
            form = page.form("/selection")
            page.fill(form, {"name": name, "cohortSize": "20", **quotas})
            page.submit(form, "Find the best cohort")
            page.look("staff-selection-run")
            page.expect(name)
        page.open(f"/staff/calls/{call}/selection", "staff-selection-runs")
        compare = page.driver.find_element(By.CSS_SELECTOR, "main form[method=get]")
        compare.find_element(By.CSS_SELECTOR, "input[aria-label='Compare Plain as the first']").click()
        compare.find_element(By.CSS_SELECTOR, "input[aria-label='Compare Balanced by country as the second']").click()
        page.click_and_wait(compare.find_element(By.CSS_SELECTOR, "button"))
        page.look("staff-selection-compare")
        page.expect("Balanced by country")
        # Decisions from the balanced run.
        page.open(f"/staff/calls/{call}/selection", "staff-selection")
        page.click_link("Balanced by country")
        page.look("staff-selection-run")
        form = page.form("/decisions")
        page.fill(form, {"waitlist": "3"})
        page.submit(form, "Prepare the decisions")
        page.look("staff-decisions-confirm")
        page.submit(page.form("/decisions"))
        page.look("staff-decisions")
        suite.note("manager overrode eligibility, moved two, ran and compared two selections, sent decisions")
    finally:
        page.driver.quit()


def offer_freed_place(suite):
    """After an accepted applicant declines, the manager offers the place to the next on the list."""
    page = Page(suite, browser(True))
    try:
        page.sign_in(*MANAGER)
        page.open(f"/staff/calls/{suite.call_2006_id()}/decisions", "staff-decisions-answered")
        page.expect("Declined")
        form = next(f for f in page.driver.find_elements(By.CSS_SELECTOR, "main form") if "Offer the place" in f.text)
        page.submit(form)
        page.look("staff-decisions-offered")
        suite.note("manager offered a declined place to the waiting list")
    finally:
        page.driver.quit()


def new_account_changes_password(suite):
    page = Page(suite, browser(True))
    try:
        page.sign_in(*ADMIN)
        page.open("/staff/accounts/new", "staff-account-new")
        form = page.form("/staff/accounts/new")
        page.submit(form)
        page.look("staff-account-new-errors")
        form = page.form("/staff/accounts/new")
        page.fill(form, {"email": "new.colleague@example.org", "name": "New Colleague", "platformRole": "member"})
        page.submit(form)
        page.look("staff-account-created")
        password = page.driver.find_element(By.CSS_SELECTOR, "main code, main .one-time, main kbd").text.strip()
    finally:
        page.driver.quit()
    person = Page(suite, browser(True))
    try:
        person.sign_in("new.colleague@example.org", password)
        person.look("staff-password-required")
        if person.path() != "/staff/password":
            raise AssertionError("a new account was not sent to change its password")
        form = person.form("/staff/password")
        person.fill(form, {"current": password, "password": "a new passphrase of my own", "confirm": "a new passphrase of my own"})
        person.submit(form)
        person.look("staff-home-member")
        person.expect("Your password is changed")
        person.sign_out()
        person.sign_in("new.colleague@example.org", "a new passphrase of my own")
        person.expect("Staff area")
        suite.note("an administrator created an account; its owner signed in and chose a password")
    finally:
        person.driver.quit()

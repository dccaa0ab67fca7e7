"""Every other form of the staff area, submitted once by an administrator as they would use
it: a new organisation and program with partners, modules, countries and members, a call
with its form, preview, review setup and assignment, an API token, account changes, and
then removing what was made. The demo's own programs are left as they are."""
from selenium.webdriver.common.by import By

from harness import Page, browser
from staff_flows import ADMIN

SLUG = "browser-suite"


def failed(page):
    """An error page or a form that came back with errors."""
    errors = page.driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    if errors:
        return errors[0].text
    body = page.text()
    for status in ("Error 4", "Error 5"):
        if status in body and "Request id" in body:
            return body[:300]
    return None


def send(page, path, name, action_end, values=None, button=None, expect=None):
    """Opens `path`, fills the form whose action ends with `action_end`, sends it, and checks
    that it was taken."""
    if path:
        page.open(path, name)
    form = page.form(action_end)
    page.fill(form, values or {})
    page.submit(form, button)
    page.look(name + "-sent")
    problem = failed(page)
    if problem:
        raise AssertionError(f"{name}: the form was refused: {problem}")
    if expect:
        page.expect(expect, name)


def tour(suite):
    page = Page(suite, browser(True))
    try:
        page.sign_in(*ADMIN)
        organisations_and_program(page)
        call = call_and_form(page)
        review_setup(page, call)
        tokens_and_accounts(page)
        remove_what_was_made(page)
        page.sign_out()
        page.look("signed-out")
        suite.note("administrator submitted every other staff form")
    finally:
        page.driver.quit()


def organisations_and_program(page):
    send(page, "/staff/organisations/new", "staff-organisation-new", "/staff/organisations/new",
         {"name": "Browser Suite Legal Aid", "acronym": "BSLA", "country": "MY", "kind": "ngo"})
    page.open("/staff/organisations", "staff-organisations")
    page.click_link("Browser Suite Legal Aid")
    page.look("staff-organisation")
    send(page, None, "staff-organisation-edit", page.path(), {"acronym": "BSLA-MY"})
    send(page, "/staff/programs/new", "staff-program-new", "/staff/programs/new",
         {"title": "Browser Suite Program", "slug": SLUG, "theme": "Rights of migrant domestic workers",
          "hostCountry": "MY", "startDate": "2027-03-01", "endDate": "2027-03-05", "status": "draft",
          "summary": "A workshop made by the browser suite.", "description": "Made to be removed again."})
    send(page, f"/staff/programs/{SLUG}", "staff-program-edit", f"/staff/programs/{SLUG}",
         {"summary": "A five-day workshop made by the browser suite."})
    send(page, f"/staff/programs/{SLUG}/partners", "staff-program-partners", f"/{SLUG}/partners",
         {"organisationID": "Browser Suite Legal Aid", "role": "host", "description": "Hosts the workshop."})
    send(page, f"/staff/programs/{SLUG}/modules", "staff-program-modules", f"/{SLUG}/modules",
         {"number": "1", "title": "Rights and remedies", "startDate": "2027-03-01", "endDate": "2027-03-05",
          "format": "in_person", "city": "Petaling Jaya", "country": "MY"})
    page.click_link("Edit")
    page.look("staff-program-module")
    send(page, None, "staff-program-module-edit", page.path(), {"title": "Rights, remedies and recruitment"})
    send(page, f"/staff/programs/{SLUG}/countries", "staff-program-countries", f"/{SLUG}/countries",
         {"country": "NP", "role": "origin"})
    send(page, f"/staff/programs/{SLUG}/members", "staff-program-members", f"/{SLUG}/members",
         {"accountID": "Demo Reviewer", "role": "reviewer"})


def call_and_form(page):
    send(page, f"/staff/programs/{SLUG}/calls/new", "staff-call-new", "/calls/new",
         {"title_en": "Call for participants: browser suite workshop",
          "description_en": "Advocates from Malaysia and countries of origin are invited to apply.",
          "privacy_en": "Only the program team and its reviewers read your application.",
          "lang_ms": True, "timeZone": "Asia/Kuala_Lumpur", "contactEmail": "workshop@example.org",
          "referencePrefix": "BSW2027", "published": True})
    call = page.path().split("/staff/calls/")[1].split("/")[0]
    send(page, f"/staff/calls/{call}", "staff-call-edit", f"/staff/calls/{call}", {"targetCohortSize": "20"})
    send(page, f"/staff/calls/{call}/form/section", "staff-form-section", "/form/section",
         {"key": "motivation", "title_en": "Why you", "intro_en": "Tell us why this workshop matters to your work."})
    send(page, f"/staff/calls/{call}/form/question?section=motivation", "staff-form-question", "/form/question",
         {"key": "why", "label_en": "Why do you want to take part?", "type": "long_text"})
    send(page, f"/staff/calls/{call}/form/question?section=motivation", "staff-form-question", "/form/question",
         {"key": "where", "label_en": "Where do you work?", "type": "country"})
    page.open(f"/staff/calls/{call}/form", "staff-form-builder")
    send(page, None, "staff-form-move", "/form/move")
    send(page, None, "staff-form-remove", "/form/remove")
    page.open(f"/staff/calls/{call}/preview", "staff-form-preview")
    send(page, None, "staff-form-preview", "/preview")
    return call


def review_setup(page, call):
    send(page, f"/staff/calls/{call}/review", "staff-review-setup", f"/staff/calls/{call}/review",
         {"c0_name": "Experience", "c0_description": "Years and depth of work with migrant workers.", "c0_weight": "2",
          "reviewsWanted": "1", "blind": True})
    # Assigning needs submitted applications: the form is there only when there are some.
    if any("/review/assign" in (f.get_attribute("action") or "") for f in page.driver.find_elements(By.CSS_SELECTOR, "main form")):
        send(page, None, "staff-review-assign", "/review/assign")


def tokens_and_accounts(page):
    send(page, "/staff/tokens", "staff-tokens", "/staff/tokens", {"name": "Browser suite export"})
    page.expect("cohort_pat_")
    send(page, "/staff/tokens", "staff-token-revoke", "/revoke")
    page.open("/staff/accounts", "staff-accounts")
    page.click_link("New Colleague")
    page.look("staff-account")
    account = page.path()
    send(page, None, "staff-account-edit", account, {"name": "New Colleague (Legal Aid)"})
    page.open(account, "staff-account")
    send(page, None, "staff-account-password", account + "/password")


def remove_what_was_made(page):
    for part, name in [("members", "staff-program-member-remove"), ("countries", "staff-program-country-remove"),
                       ("modules", "staff-program-module-remove"), ("partners", "staff-program-partner-remove")]:
        send(page, f"/staff/programs/{SLUG}/{part}", name, "/remove")
    send(page, f"/staff/programs/{SLUG}", "staff-program-delete", f"/staff/programs/{SLUG}/delete")
    page.open("/staff/organisations", "staff-organisations")
    page.click_link("Browser Suite Legal Aid")
    send(page, None, "staff-organisation-delete", "/delete")

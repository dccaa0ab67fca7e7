"""Applicants, as they use Cohort: from the home page to the receipt with JavaScript on and
off, with a long answer in Nepali and a 5 MB PDF; resuming from the emailed link in a
fresh browser; an accepted applicant confirming their place."""
import os, tempfile

from selenium.webdriver.common.by import By

from harness import Page, browser

# About 200 words of Nepali (the question allows 250): percent-encoded, some 20 KB of form body.
NEPALI = ("म मलेसियामा काम गर्ने नेपाली आप्रवासी कामदारहरूसँग काम गर्छु। हामी उनीहरूलाई कानुनी सल्लाह, आश्रय र "
          "रोजगारदाताविरुद्ध उजुरी दर्ता गर्न सहयोग गर्छौं। धेरै कामदारहरूको राहदानी रोजगारदाताले राख्छन् र तलब समयमा पाउँदैनन्। ") * 6

FIRST_SECTION = {"full_name": "Sita Gurung", "nationality": "NP", "residence": "MY", "sector": "ngo",
                 "years_experience": "6", "gender": "woman", "languages_spoken": "Nepali, Malay, English"}


def letter_of_five_megabytes():
    path = os.path.join(tempfile.mkdtemp(), "support-letter.pdf")
    with open(path, "wb") as file:
        file.write(b"%PDF-1.4\n% letter of support\n" + b"0" * (5 * 1024 * 1024) + b"\n%%EOF\n")
    return path


def apply(suite, email, javascript, resume_in_fresh_browser=False):
    """Applies from the home page to the receipt; returns the reference."""
    tag = "js" if javascript else "nojs"
    page = Page(suite, browser(javascript))
    try:
        page.open("/", "home")
        page.click_link("Call for applications: Migrant Workers Program, next edition")
        page.look("call")
        form = page.form("/start")
        page.fill(form, {"email": email})
        page.submit(form, "Start application")
        page.look("start-sent")
        page.expect("Check your email")
        # The link is only in the email; the applicant opens it.
        page.driver.get(page.base + "/apply/" + suite.server.token(email))
        page.look("application-overview")
        page.click_link("About you")
        page.look("application-section")
        # A wrong answer first: the page says what to fix and keeps what was typed.
        form = page.form("/sections/1")
        page.fill(form, {**FIRST_SECTION, "years_experience": "many"})
        page.submit(form, "Save and continue")
        page.look("application-section-error")
        page.expect("Enter a number, like 5.")
        if page.driver.find_element(By.NAME, "full_name").get_attribute("value") != "Sita Gurung":
            raise AssertionError("the typed name was lost after an error")
        form = page.form("/sections/1")
        page.fill(form, {"years_experience": "6"})
        page.submit(form, "Save and continue")
        if resume_in_fresh_browser:
            # Another device: the same link (emailed again) opens what was saved.
            page.driver.quit()
            page = Page(suite, browser(javascript))
            start = Page(suite, page.driver)
            start.open("/calls/" + suite.call_id(), "call")
            form = start.form("/start")
            start.fill(form, {"email": email})
            start.submit(form, "Start application")
            page.driver.get(page.base + "/apply/" + suite.server.token(email))
            page.expect("1 of 3 sections complete")
            page.click_link("Your work with migrant workers")
        form = page.form("/sections/2")
        page.fill(form, {"works_with_migrants": "yes", "focus__domestic_work": True, "focus__justice": True,
                         "work_description": NEPALI})
        page.submit(form, "Save and continue")
        page.look("application-section-long-answer")
        form = page.form("/sections/3")
        page.fill(form, {"attend_all": "yes", "expectations": "Skills for advocacy and a network across countries.",
                         "support_letter": suite.letter})
        page.submit(form, "Save and continue")
        page.look("application-check-answers")
        page.expect("support-letter.pdf")
        page.expect("नेपाली आप्रवासी कामदारहरूसँग")
        form = page.form("/submit")
        page.submit(form)
        page.look("application-receipt")
        page.expect("MWPNEXT-")
        reference = next(word for word in page.text().split() if word.startswith("MWPNEXT-")).strip(".")
        suite.note(f"applicant ({tag}) submitted {reference}")
        return reference
    finally:
        page.driver.quit()


def answer_offer(suite, email, accept):
    """An accepted applicant opens the decision's link in a fresh browser and answers it."""
    page = Page(suite, browser(True))
    try:
        page.driver.get(page.base + "/apply/" + suite.server.token(email))
        page.look("applicant-decision")
        page.expect("We offer you a place")
        form = page.form("/decision")
        page.submit(form, "Confirm my place" if accept else "Decline the place")
        page.look("applicant-decision-answered")
        page.expect("You have confirmed your place" if accept else "You have declined the place")
    finally:
        page.driver.quit()

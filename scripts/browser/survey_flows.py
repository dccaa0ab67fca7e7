"""Surveys as their users meet them. An early nominee of the next edition signs in, finds
Module 1's needs assessment on their page, leaves a row of the grid unrated (and is told
which), rates every topic, writes what they want most and sends it once; a second nominee,
without JavaScript, saves half-way, comes back from their page and sends. The manager
creates a survey (meeting the form's errors first), changes its settings, reminds, reads the
results with their charts, ticks the sessions that answer the needs, and reads the learning
gains of the 2017/18 program; the public agenda then says how participants shaped it."""
from harness import Page, browser
from people_flows import sign_in
from staff_flows import MANAGER
from staff_tour import send

NEXT = "mwp-next"
HISTORY = "mwp-2017-18"
FIRST = "nominee-next-01@demo.cohort.example"
SECOND = "nominee-next-02@demo.cohort.example"


def needs_survey(suite):
    rows = suite.query("SELECT s.id FROM surveys s JOIN programs p ON p.id = s.program_id "
                       f"WHERE p.slug = '{NEXT}' AND s.kind = 'needsAssessment'")
    return rows[0][0].lower()


def rate_everything(page, form, value, leave_out=None):
    names = sorted({field.get_attribute("name") for field in form.find_elements("css selector", "input[type=radio]")})
    page.fill(form, {name: value for name in names if name != leave_out})
    return names


def answer(suite, email, javascript, name):
    survey = needs_survey(suite)
    page = Page(suite, browser(javascript))
    try:
        sign_in(suite, page, email, name)
        page.expect("Surveys for you")
        page.click_link("Module 1: what do you need from it?")
        page.look(name + "-survey")
        page.expect("Anonymous: your answers are kept without your name")
        page.click_link("What you need from the module")
        form = page.form(f"/me/surveys/{survey}/sections/1")
        names = rate_everything(page, form, "4")
        if not javascript:
            # Half-way: saved on the server, finished later from the person's page.
            page.submit(form, "Save and come back later")
            page.expect("Your answers are saved")
            page.open("/me", name + "-home")
            page.click_link("Module 1: what do you need from it?")
            page.click_link("What you need from the module")
            form = page.form(f"/me/surveys/{survey}/sections/1")
            checked = form.find_elements("css selector", "input[type=radio]:checked")
            if len(checked) != len(names):
                raise AssertionError(f"{len(checked)} of {len(names)} ratings came back after saving")
        page.fill(form, {names[0]: "5"})
        if javascript:
            # One row left unrated is named in the error summary, and nothing typed is lost.
            page.driver.execute_script("document.querySelectorAll('input[name=\"' + arguments[0] + '\"]').forEach(r => r.checked = false)", names[-1])
            page.submit(form)
            page.look(name + "-section-refused")
            page.expect("There is a problem")
            form = page.form(f"/me/surveys/{survey}/sections/1")
            if len(form.find_elements("css selector", "input[type=radio]:checked")) != len(names) - 1:
                raise AssertionError("the ratings given were not kept when one was missing")
            page.fill(form, {names[-1]: "3"})
        page.submit(form)
        form = page.form(f"/me/surveys/{survey}/sections/2")
        page.look(name + "-section-2")
        page.fill(form, {"most_wanted": "Safe ways to document cases — और नेपाली पनि।"})
        page.submit(form)
        page.look(name + "-survey-complete")
        send(page, None, name + "-survey-send", f"/me/surveys/{survey}/submit", expect="Thank you. Your answers have been sent.")
        if page.driver.find_elements("css selector", f"form[action$='/me/surveys/{survey}/submit']"):
            raise AssertionError("a sent survey still offers to send it again")
        page.open("/me", name + "-after-survey")
        page.expect("Sent")
        send(page, None, "me-sign-out", "/me/sign-out", expect="You are signed out.")
    finally:
        page.driver.quit()


def manage(suite):
    survey = needs_survey(suite)
    page = Page(suite, browser(True))
    try:
        page.sign_in(*MANAGER)
        page.open(f"/staff/programs/{NEXT}", "staff-program")
        page.click_link("Surveys")
        page.look("staff-surveys")
        form = page.form(f"/staff/programs/{NEXT}/surveys")
        page.fill(form, {"kind": "needsAssessment", "title": "", "topics": "", "reminderDays": "1e300"})
        page.submit(form)
        page.look("staff-surveys-refused")
        page.expect("List the topics to rate")
        page.expect("Enter a whole number of days")
        send(page, None, "staff-survey-new", f"/staff/programs/{NEXT}/surveys",
             {"kind": "sessionFeedback", "title": "Feedback on the opening", "privacy": "anonymous", "reminderDays": "2"},
             expect="The survey is created.")
        page.look("staff-survey-empty")
        page.click_link("Settings")
        send(page, None, "staff-survey-settings", "/settings", {"title": "Feedback on the opening session"}, expect="Your changes are saved.")
        page.expect("Feedback on the opening session")
        # Nobody has answered it: everyone asked is reminded (the maintenance loop sends the
        # first reminder of the demo's open survey by itself, so that one is not due).
        send(page, None, "staff-survey-remind", "/remind", expect="Reminders are on their way")
        # The needs assessment the nominees answered: results, a reminder, the needs against the agenda.
        page.open(f"/staff/programs/{NEXT}/surveys/{survey}", "staff-survey-results")
        page.expect("8 of 8 asked have answered")
        if "<svg" not in page.driver.page_source:
            raise AssertionError("the results have no chart")
        page.click_link("Needs against the agenda")
        page.look("staff-survey-needs")
        page.expect("Digital security for advocates")
        page.expect("not answered by any session")
        form = page.form("/needs")
        box = form.find_elements("css selector", "input[name^='link__digital_security_for_advocates__']")[0]
        page.fill(form, {box.get_attribute("name"): True})
        page.submit(form)
        page.look("staff-survey-needs-sent")
        page.expect("The sessions answering each need are saved.")
        page.open(f"/staff/programs/{HISTORY}/learning-gains", "staff-learning-gains")
        page.expect("25 people answered both halves")
        page.expect("95 % interval")
        page.sign_out()
    finally:
        page.driver.quit()
    page = Page(suite, browser(True))
    try:
        page.open(f"/programs/{HISTORY}/agenda", "agenda-co-designed")
        page.expect("Designed with program participants: 24 of 28 answered the needs assessment")
    finally:
        page.driver.quit()

"""What every browser flow shares: the server on a fresh database with the demo data,
headless Chromium driven through Debian's chromedriver (nothing fetched from elsewhere),
and the checks run on every page a flow visits: axe-core (serious and critical
violations), a label for every field, error summaries linked to their fields, no
sideways scrolling at 320 px, and screenshots at 320 and 1280 px."""
import json, os, re, socket, subprocess, sys, tempfile, time, urllib.request

# Selenium Manager tries to reach the internet unless told not to; the driver is given below.
os.environ["SE_AVOID_STATS"] = "true"
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from outbox import latest_token  # noqa: E402

CHROMIUM = os.environ.get("COHORT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("COHORT_CHROMEDRIVER", "/usr/bin/chromedriver")


class Server:
    """`cohort serve --demo` on a fresh SQLite file and a free port."""

    def __init__(self, binary):
        self.work = tempfile.mkdtemp(prefix="cohort-browser-")
        self.database = f"sqlite:{self.work}/browser.sqlite"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(f"{self.work}/server.log", "w")
        env = dict(os.environ, COHORT_LOG_LEVEL="warning", COHORT_MAIL_TRANSPORT="log", COHORT_BCRYPT_COST="6")
        self.process = subprocess.Popen([binary, "serve", "--demo", "--port", str(self.port), "--database", self.database],
                                        stdout=self.log, stderr=self.log, env=env)
        for _ in range(600):
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=1)
                return
            except Exception:
                time.sleep(0.1)
        raise SystemExit("browser suite: the server did not start; see " + self.log.name)

    def token(self, email, link=None):
        """The newest private link emailed to `email` (or the newest link `link` matches):
        links go by email only."""
        for _ in range(50):
            token = latest_token(self.database, email, link) if link else latest_token(self.database, email)
            if token:
                return token
            time.sleep(0.1)
        raise AssertionError(f"no link was emailed to {email}")

    def is_up(self):
        try:
            return urllib.request.urlopen(self.base + "/healthz", timeout=2).status == 200
        except Exception:
            return False

    def stop(self):
        self.process.terminate()
        self.process.wait()


class Checks:
    """The checks made once per kind of page, and their totals."""

    def __init__(self, screenshots):
        self.screenshots = screenshots
        self.pages = []
        self.axe_violations = []  # (page, rule, impact, nodes)
        self.axe_minor = 0
        self.problems = []  # (page, what)
        self.forms_seen = {}  # normalised staff form action -> page it was seen on
        self.forms_submitted = set()
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
        axe_path = os.path.join(os.path.dirname(__import__("selenium_axe_python").__file__), "axe-core", "axe.min.js")
        with open(axe_path) as file:
            self.axe_source = file.read()

    def look(self, driver, name):
        """Checks the page in the browser now, once per `name`, and records its staff forms."""
        self.record_forms(driver)
        if name in self.pages:
            return
        self.pages.append(name)
        self.run_axe(driver, name)
        for what in driver.execute_script(PAGE_PROBLEMS):
            self.problems.append((name, what))
        self.at_width(driver, name, 320)
        self.at_width(driver, name, 1280)
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def run_axe(self, driver, name):
        driver.execute_script(self.axe_source)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)))"
            ".catch(e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])));")
        for violation in json.loads(result):
            if violation.get("impact") in ("serious", "critical"):
                self.axe_violations.append((name, violation["id"], violation["impact"], len(violation.get("nodes", [])),
                                            [n.get("target") for n in violation.get("nodes", [])][:3]))
            else:
                self.axe_minor += 1

    def at_width(self, driver, name, width):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        if width == 320:
            overflow = driver.execute_script(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth")
            if overflow > 0:
                wide = driver.execute_script(WIDEST_ELEMENT)
                self.problems.append((name, f"scrolls sideways at 320 px by {overflow} px ({wide})"))
        if self.screenshots:
            height = min(driver.execute_script("return document.documentElement.scrollHeight"), 2400)
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
            driver.save_screenshot(os.path.join(self.screenshots, f"{name}-{width}.png"))

    def record_forms(self, driver):
        path = driver.execute_script("return location.pathname")
        if not path.startswith(("/staff", "/review")):
            return
        # getAttribute: a field named "action" hides the form's own property.
        for action in driver.execute_script(
                "return [...document.forms].filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post')"
                ".map(f => new URL(f.getAttribute('action') || '', location.href).pathname)"):
            self.forms_seen.setdefault(normalise(action), normalise(path))

    def submitted(self, driver, form):
        action = driver.execute_script("return new URL(arguments[0].getAttribute('action') || '', location.href).pathname", form)
        self.forms_submitted.add(normalise(action))


def normalise(path):
    """A form's action with ids and slugs replaced, so that one kind of form counts once."""
    path = re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}", path)
    path = re.sub(r"^/staff/programs/(?!new$)[^/]+", "/staff/programs/{slug}", path)
    return re.sub(r"/countries/[A-Z]{2}/", "/countries/{code}/", path)


# Fields without a label, error summaries whose links lead nowhere, and invalid fields
# not tied to their message.
PAGE_PROBLEMS = """
const problems = [];
for (const field of document.querySelectorAll('input, select, textarea')) {
  if (['hidden', 'submit', 'button'].includes(field.type)) continue;
  if (!(field.labels && field.labels.length) && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
    problems.push('a field without a label: ' + (field.name || field.id));
}
for (const link of document.querySelectorAll('.error-summary a')) {
  const target = document.getElementById((link.getAttribute('href') || '').replace(/^#/, ''));
  if (!target) problems.push('an error summary link to nothing: ' + link.getAttribute('href'));
}
for (const field of document.querySelectorAll('[aria-invalid=true]')) {
  const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  if (!ids.some(id => document.getElementById(id) && document.getElementById(id).classList.contains('error-message')))
    problems.push('an invalid field not described by its error: ' + field.name);
}
for (const group of document.querySelectorAll('fieldset.choices')) {
  if (group.querySelector('.error-message') && !(group.getAttribute('aria-describedby') || '').includes(group.querySelector('.error-message').id))
    problems.push('a group of choices not described by its error: ' + group.querySelector('legend').textContent.trim());
}
return problems;
"""

WIDEST_ELEMENT = """
let widest = null, right = 0;
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.right > right) { right = box.right; widest = element; }
}
return widest ? widest.tagName.toLowerCase() + (widest.className ? '.' + widest.className : '') + ' ends at ' + Math.round(right) : '';
"""


def wait_for_next_page(driver, action):
    """Runs `action` (a click, a key) and waits until a new document has loaded: the old
    one is marked, and the mark is gone once the browser has replaced it."""
    driver.execute_script("window.__cohortPreviousPage = true")
    action()
    WebDriverWait(driver, 60, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.execute_script("return window.__cohortPreviousPage === undefined && document.readyState === 'complete'"))


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--lang=en-GB", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-default-apps", "--disable-sync"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    driver.set_page_load_timeout(60)
    return driver


class Page:
    """A person at one browser: clicking, typing and reading, and the checks on each page."""

    def __init__(self, suite, driver):
        self.suite, self.driver = suite, driver

    @property
    def base(self):
        return self.suite.server.base

    def open(self, path, name):
        self.driver.get(self.base + path)
        self.look(name)

    def look(self, name):
        self.suite.checks.look(self.driver, name)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def expect(self, words, where="the page"):
        body = self.text()
        if words not in body:
            raise AssertionError(f"expected {words!r} on {where} ({self.driver.current_url}); it says: {body[:400]!r}")

    def path(self):
        return self.driver.execute_script("return location.pathname")

    def click_link(self, text):
        links = [a for a in self.driver.find_elements(By.TAG_NAME, "a") if a.text.strip() == text and a.is_displayed()]
        if not links:
            links = [a for a in self.driver.find_elements(By.PARTIAL_LINK_TEXT, text) if a.is_displayed()]
        if not links:
            raise AssertionError(f"no link {text!r} on {self.driver.current_url}")
        self.click_and_wait(links[0])

    def form(self, action_end=None):
        """The first form whose action (without its query) ends with `action_end`, else the
        first whose action contains it; the page's first form if None."""
        forms = self.driver.find_elements(By.CSS_SELECTOR, "main form")
        actions = [(form.get_attribute("action") or "").split("?")[0] for form in forms]
        for test in (lambda a: a.endswith(action_end), lambda a: action_end in a):
            for form, action in zip(forms, actions):
                if action_end is None or test(action):
                    return form
        raise AssertionError(f"no form with {action_end!r} in its action on {self.driver.current_url}")

    def fill(self, form, values):
        """Types, chooses and ticks as a person does: by label, into the named fields."""
        for name, value in values.items():
            fields = form.find_elements(By.NAME, name)
            if not fields:
                raise AssertionError(f"no field {name!r} on {self.driver.current_url}")
            field = fields[0]
            kind = (field.get_attribute("type") or field.tag_name).lower()
            if field.tag_name == "select":
                select = Select(field)
                by_text = [o for o in select.options if o.get_attribute("value") == value] \
                    or [o for o in select.options if o.text.strip() == value] \
                    or [o for o in select.options if o.text.strip().startswith(value)]
                if not by_text:
                    raise AssertionError(f"no option {value!r} for {name!r} on {self.driver.current_url}")
                select.select_by_value(by_text[0].get_attribute("value"))
            elif kind == "radio":
                chosen = [f for f in fields if f.get_attribute("value") == value]
                if not chosen:
                    raise AssertionError(f"no choice {value!r} for {name!r}")
                self.label_for(chosen[0]).click()
            elif kind == "checkbox":
                if bool(value) != field.is_selected():
                    self.label_for(field).click()
            elif kind == "file":
                field.send_keys(value)
            elif kind in ("date", "datetime-local", "time"):
                # The browser's own date picker is not part of the page; set what it would.
                self.driver.execute_script("arguments[0].value = arguments[1];"
                                           "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field, value)
            else:
                field.clear()
                if value:
                    field.send_keys(value)

    def label_for(self, field):
        labels = self.driver.find_elements(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
        return labels[0] if labels else field

    def submit(self, form, button_text=None):
        """Clicks the form's submit button (the one saying `button_text`, else the first)."""
        self.suite.checks.submitted(self.driver, form)
        # Details elements hide danger-zone forms; a person opens them first.
        self.driver.execute_script("for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details')) d.open = true;", form)
        buttons = [b for b in form.find_elements(By.CSS_SELECTOR, "button, input[type=submit]") if b.is_displayed()]
        if button_text:
            buttons = [b for b in buttons if button_text in (b.text or b.get_attribute("value") or "")]
        if not buttons:
            raise AssertionError(f"no button {button_text!r} in the form on {self.driver.current_url}")
        self.click_and_wait(buttons[0])

    def click_and_wait(self, element):
        """Clicks and waits for the next page, so that nothing runs against the old one."""
        wait_for_next_page(self.driver, lambda: element.click())

    def sign_in(self, email, password):
        self.open("/sign-in", "sign-in")
        form = self.form("/sign-in")
        self.fill(form, {"email": email, "password": password})
        self.submit(form)

    def sign_out(self):
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out']")
        self.suite.checks.submitted(self.driver, form)
        self.click_and_wait(form.find_element(By.TAG_NAME, "button"))

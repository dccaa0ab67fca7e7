"""A reviewer signs in and sends a review by clicking, in headless Chromium: the check the
suite's posted field names could not make (radios without a name send nothing).

    python3 -m venv .venv && .venv/bin/pip install selenium   # Debian: chromium chromium-driver
    swift run cohort serve --demo --port 18090 --database sqlite:/tmp/look.sqlite &
    .venv/bin/python scripts/browser/review_by_clicking.py http://127.0.0.1:18090
"""
import os
import sys
os.environ["SE_AVOID_STATS"] = "true"
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18090"
opts = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox"]: opts.add_argument(a)
opts.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.get(base + "/sign-in")
d.find_element(By.NAME, "email").send_keys("reviewer2@demo.cohort.example")
d.find_element(By.NAME, "password").send_keys("demo-reviewer2-password")
d.find_element(By.NAME, "password").submit()
d.get(base + "/review")
q = [a.get_attribute("href") for a in d.find_elements(By.TAG_NAME, "a") if "/review/calls/" in (a.get_attribute("href") or "")][0]
d.get(q)
app = [a.get_attribute("href") for a in d.find_elements(By.TAG_NAME, "a") if "/applications/" in (a.get_attribute("href") or "")][0]
d.get(app)
groups = {}
for r in d.find_elements(By.CSS_SELECTOR, "input[type=radio]"): groups.setdefault(r.get_attribute("name"), []).append(r)
for name, rs in groups.items():
    d.find_element(By.CSS_SELECTOR, f"label[for='{rs[-1].get_attribute('id')}']").click()
d.find_element(By.NAME, "comment").send_keys("Sent from a real browser.")
buttons = d.find_elements(By.CSS_SELECTOR, "button[type=submit]")
[b for b in buttons if b.is_displayed() and "Sign out" not in b.text][0].click()
print("after submit:", d.current_url, "|", d.title)
flash = d.find_elements(By.CSS_SELECTOR, ".flash")
message = flash[0].text if flash else ""
print("flash:", message)
d.quit()
sys.exit(0 if "saved" in message else 1)

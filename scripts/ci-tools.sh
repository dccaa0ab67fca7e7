#!/usr/bin/env bash
# Installs what the checks beyond `swift test` need, from Debian's packages and PyPI only:
# Chromium and its driver (with fonts for every language the forms offer) for the browser
# suite, and a virtual environment with Selenium, selenium-axe-python (axe-core 4.9) and
# Schemathesis. Prints the environment's python. Idempotent.
#   PY=$(scripts/ci-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${COHORT_CI_VENV:-.venv-ci}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci-tools: installing ${missing[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
fi

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" >&2
fi
"$VENV/bin/pip" install -q --disable-pip-version-check selenium selenium-axe-python==2.2.0 schemathesis >&2
echo "$VENV/bin/python"

#!/usr/bin/env bash
# `npm test`: typecheck, lint, boundaries (.dependency-cruiser.cjs), build, then the unit, integration and e2e suites.
# The e2e suite needs Debian's Chromium and the Japanese, Chinese and Korean fonts: they are installed with apt-get
# when missing and this machine allows it; otherwise the run stops and says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || missing+=(fonts-ipafont-gothic)
# Chinese and Korean pages are drawn in their own glyph shapes (Noto Sans CJK SC / KR), and a test checks it.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "npm test needs ${missing[*]} for the browser tests, and cannot install them without root." >&2
    echo "Install them, then run npm test again:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "npm test needs ${missing[*]} for the browser tests; this machine has no apt-get. Install them and set CHROMIUM_PATH if Chromium is elsewhere." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} with apt-get (once)…"
  if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
    echo "apt-get could not install ${missing[*]}; install them by hand and run npm test again." >&2
    exit 1
  fi
fi

# Each step says how long it took, so a slow CI run shows where its time went.
step() { echo "▶ $1 (at ${SECONDS} s)"; }
step typecheck; npm run -s typecheck
step lint; npm run -s lint
step boundaries; npm run -s boundaries
step build; npm run -s build >/dev/null
step tests
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(".tmp/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' || true
echo "▶ done (at ${SECONDS} s)"
exit $status

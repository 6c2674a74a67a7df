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
# Two streams side by side, one file at a time each: the browser tests (a server and Chromium per file) and the
# unit + integration tests. Vitest alone runs a two-core machine's files one after another (its default is
# cores − 1 workers), and would put two browser files on the two cores if given more. Side by side, the run
# takes about as long as the browser tests (CI: 1,263 s one after another). The browser stream's output is
# printed after the other's, whole; both say how many passed.
status=0
e2e_status=0
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.tmp/vitest-e2e.json >.tmp/e2e.log 2>&1 &
e2e_pid=$!
trap 'kill "$e2e_pid" 2>/dev/null || true' EXIT
npx vitest run --project unit --project integration --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=$?
echo "▶ unit and integration done; waiting for the browser tests (at ${SECONDS} s)"
wait "$e2e_pid" || e2e_status=$?
trap - EXIT
cat .tmp/e2e.log
[ "$e2e_status" = 0 ] || status=$e2e_status
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const [name, file] of [["unit + integration", ".tmp/vitest.json"], ["e2e", ".tmp/vitest-e2e.json"]]) {
    if (!fs.existsSync(file)) { console.log(`tests (${name}): no results written`); failed++; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    const s = r.numPendingTests + r.numTodoTests;
    console.log(`tests (${name}): ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${s} skipped`);
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += s;
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' || true
echo "▶ done (at ${SECONDS} s)"
exit $status

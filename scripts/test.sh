#!/usr/bin/env bash
# The README's test command (and what CI runs): install what is missing, including Chromium,
# Firefox ESR and LibreOffice,
# run the native tests, build the release app, check the start wasm against the size budget
# (the README's Sizes figure + 1%), and run the end-to-end tests in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh --browser
printf '\n== cargo test (native: domain rules)\n'
cargo test --offline --workspace
scripts/build.sh
node scripts/size-budget.mjs dist README.md
printf '\n== end-to-end tests in headless Chromium\n'
node --test --test-concurrency=1 tests/e2e/

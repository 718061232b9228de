#!/usr/bin/env bash
# Installs what is missing for building (and, with --browser, for testing). Idempotent: each
# step checks first, so a second run takes seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (10–20 min the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen's CLI must match the library version locked in Cargo.lock exactly.
BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $BINDGEN_VERSION (about 4 min)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION"
fi

# wasm-opt from npm's binaryen (Debian's binaryen 108 breaks today's rustc output),
# playwright-core for the browser tests, and PouchDB Server (a CouchDB-protocol server) with
# PouchDB for the sync tests. --ignore-scripts: none of them needs an install script (binaryen
# and playwright-core ship ready files; leveldown's prebuilt binary is found at run time by
# node-gyp-build), and without it npm would compile sqlite3, which PouchDB Server never uses.
# Then two bugs of PouchDB Server are mended in place (scripts/mend-pouchdb-server.mjs); a fresh
# npm ci undoes the mend, so its absence also calls for the step.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/pouchdb-server ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || ! node scripts/mend-pouchdb-server.mjs --check >/dev/null 2>&1; then
  step "npm ci"
  npm ci --no-audit --no-fund --ignore-scripts
  node scripts/mend-pouchdb-server.mjs
fi

# The browsers the README promises: Chromium for every end-to-end test, Firefox for the
# single-file edition (opened from file://).
if [ "${1:-}" = "--browser" ]; then
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium fonts-noto-core"
  command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
  # The office program that judges the Word and Excel files the app makes (tests/e2e/documents).
  command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui libreoffice-calc-nogui"
  # Reading the Word files as a reader sees them: LibreOffice's PDF as text (pdftotext -layout,
  # pdfinfo), laid out at Times New Roman's metrics (Liberation Serif).
  command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
  [ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing="$missing fonts-liberation"
  # The OOXML validator below is a Python package, installed into a venv of its own.
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$missing python3-venv"
  if [ -n "$missing" ]; then
    step "apt-get install$missing"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
  fi
  # Every .docx and .xlsx the tests make is checked against the Office 2019 schemas, as Word
  # would read it (tests/e2e/office-judge.mjs): openxml-audit, pure Python, from PyPI.
  if [ ! -x "$OPENXML_AUDIT" ]; then
    step "openxml-audit $OPENXML_AUDIT_VERSION (PyPI) into $(dirname "$(dirname "$OPENXML_AUDIT")")"
    python3 -m venv "$(dirname "$(dirname "$OPENXML_AUDIT")")"
    "$(dirname "$OPENXML_AUDIT")/pip" install --quiet "openxml-audit==$OPENXML_AUDIT_VERSION"
  fi
fi

step "cargo fetch"
cargo fetch --quiet

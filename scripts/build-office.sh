#!/usr/bin/env bash
# Builds the office module (office/: Word and Excel files) into dist/office/: its wasm-bindgen
# glue (no-modules target, for a classic worker), its wasm after `wasm-opt -Oz`, and the worker
# script (public/office-worker.js). Run after trunk, before the service worker is stamped, so
# the files are cached for offline use like the rest of the app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
dist="${1:-dist}"
cargo build --offline --release --target wasm32-unknown-unknown -p thidua-office --lib
out="$dist/office"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/thidua_office.wasm"
# rustc's wasm32 target emits these features by default; wasm-opt must be told it may keep them.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$out/thidua_office_bg.wasm" "$out/thidua_office_bg.wasm"
cp public/office-worker.js "$out/office-worker.js"

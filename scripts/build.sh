#!/usr/bin/env bash
# Builds the release app into dist/ (offline: dependencies come from cargo fetch).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
trunk build --release --offline
node scripts/size-report.mjs

#!/usr/bin/env bash
# Builds the release app (offline: dependencies come from cargo fetch):
#   dist/                    the served edition: trunk's output and the office module
#                            (scripts/build-office.sh), plus its CSP and a service
#                            worker stamped with this build's version (scripts/offline-dist.mjs)
#   dist-single/thidua.html  the single-file edition, opened by double-click from file://
#                            (scripts/single-file.mjs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
trunk build --release --offline
scripts/build-office.sh dist
node scripts/offline-dist.mjs dist
node scripts/single-file.mjs dist dist-single/thidua.html
node scripts/size-report.mjs dist dist-single/thidua.html

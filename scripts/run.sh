#!/usr/bin/env bash
# The README's run command: install what is missing, build the release app, serve it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh
scripts/build.sh
echo
echo "Thi đua đang chạy tại http://127.0.0.1:8080  (Ctrl+C để dừng)"
exec node scripts/serve.mjs dist 8080

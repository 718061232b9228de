# Shared settings for the project's scripts; sourced, not run.
# Cargo's target directory lives outside the clone so a fresh clone (as CI makes) reuses
# earlier builds instead of compiling Leptos from scratch. Override with CARGO_TARGET_DIR.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/thidua/target}"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"
# The OOXML validator the end-to-end tests run on every Word and Excel file (setup.sh installs
# it in a venv of its own; tests/e2e/office-judge.mjs reads this variable).
export OPENXML_AUDIT="${OPENXML_AUDIT:-$HOME/.cache/thidua/openxml-audit/bin/openxml-audit}"
OPENXML_AUDIT_VERSION="0.8.0"

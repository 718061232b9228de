# Shared settings for the project's scripts; sourced, not run.
# Cargo's target directory lives outside the clone so a fresh clone (as CI makes) reuses
# earlier builds instead of compiling Leptos from scratch. Override with CARGO_TARGET_DIR.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/thidua/target}"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"

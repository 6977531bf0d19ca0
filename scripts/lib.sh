# shellcheck shell=bash
# Shared by ./x and scripts/*.sh: pinned versions, PATH, section headers and step timings.
# Source it; it does not change the shell options of the caller.

OX_ROOT="${OX_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# ---- pinned versions (wasm-bindgen is read from Cargo.lock, see ox_wasm_bindgen_version) ----
OX_TRUNK_VERSION="0.21.14"
OX_BINARYEN_VERSION="132"
OX_ESBUILD_VERSION="0.28.2"
OX_SCHEMATHESIS_VERSION="4.32.5"
# geckodriver (crates.io): Firefox's WebDriver, for the wasm tests and the engines suite.
OX_GECKODRIVER_VERSION="0.37.1"
OX_WASM_TARGET="wasm32-unknown-unknown"

# ---- environment ----
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HOME
OX_TOOLS_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/ox-panel"
OX_BINARYEN_DIR="$OX_TOOLS_DIR/binaryen-$OX_BINARYEN_VERSION"
# npm's esbuild: Trunk's post_build hook (scripts/trunk-post-build.mjs) minifies the
# release bundle's JavaScript with it, found through this variable.
export OX_ESBUILD_DIR="$OX_TOOLS_DIR/esbuild-$OX_ESBUILD_VERSION"
# Schemathesis (PyPI) in its own virtualenv; ./x calls it by this path, it is not on PATH.
OX_SCHEMATHESIS_DIR="$OX_TOOLS_DIR/schemathesis-$OX_SCHEMATHESIS_VERSION"
OX_SCHEMATHESIS="$OX_SCHEMATHESIS_DIR/bin/schemathesis"
OX_TARGET_DIR="${CARGO_TARGET_DIR:-$OX_ROOT/target}"
# npm's binaryen first: Trunk picks the first wasm-opt on PATH, and Debian's binaryen 108
# rejects what wasm-bindgen 0.2.130 emits.
export PATH="$OX_BINARYEN_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Not exported as GECKODRIVER: wasm-bindgen-test-runner would then pick Firefox for every
# run (./x wasm_tests names one driver per run). e2e/engines/harness.mjs reads it too.
export OX_GECKODRIVER="${OX_GECKODRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver}"

# ---- output ----
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  OX_BOLD=$'\e[1m' OX_GREEN=$'\e[32m' OX_RED=$'\e[31m' OX_DIM=$'\e[2m' OX_RESET=$'\e[0m'
else
  OX_BOLD="" OX_GREEN="" OX_RED="" OX_DIM="" OX_RESET=""
fi

ox_info() { printf '%s\n' "$*"; }
ox_die() { printf '%serror:%s %s\n' "$OX_RED" "$OX_RESET" "$*" >&2; exit 1; }

# Microseconds since the epoch (bash 5's EPOCHREALTIME, without the dot).
ox_now_us() { local t="${EPOCHREALTIME/./}"; printf '%s' "$((10#$t))"; }
# Format microseconds as "12.3s" or "2m05.1s".
ox_fmt_us() {
  local us=$1 ds m s
  ds=$((us / 100000))
  if ((ds >= 600)); then
    m=$((ds / 600)) s=$((ds % 600))
    printf '%dm%02d.%ds' "$m" "$((s / 10))" "$((s % 10))"
  else
    printf '%d.%ds' "$((ds / 10))" "$((ds % 10))"
  fi
}

# ox_run CMD [ARGS...]: show the command, then run it.
ox_run() {
  printf '%s$ %s%s\n' "$OX_DIM" "$*" "$OX_RESET"
  "$@"
}

OX_STEP_NAMES=()
OX_STEP_TIMES=()
OX_STEP_RESULTS=()
OX_RUN_START="$(ox_now_us)"

# ox_step NAME CMD [ARGS...]: print a header, run CMD (a command or a shell function) with
# errexit on, print its time. On failure: print the summary and exit with CMD's status.
ox_step() {
  local name=$1 start rc=0 took
  shift
  printf '\n%s==== %s ====%s\n' "$OX_BOLD" "$name" "$OX_RESET"
  # A shell function prints its commands itself (ox_run); a plain command is shown here.
  declare -F "$1" >/dev/null || printf '%s$ %s%s\n' "$OX_DIM" "$*" "$OX_RESET"
  start="$(ox_now_us)"
  set +e
  (
    set -e
    "$@"
  )
  rc=$?
  set -e
  took=$(($(ox_now_us) - start))
  OX_STEP_NAMES+=("$name")
  OX_STEP_TIMES+=("$took")
  if ((rc == 0)); then
    OX_STEP_RESULTS+=("ok")
    printf '%s---- %s: ok in %s%s\n' "$OX_GREEN" "$name" "$(ox_fmt_us "$took")" "$OX_RESET"
  else
    OX_STEP_RESULTS+=("FAILED")
    printf '%s---- %s: FAILED (exit %d) after %s%s\n' "$OX_RED" "$name" "$rc" "$(ox_fmt_us "$took")" "$OX_RESET"
    ox_summary
    exit "$rc"
  fi
}

ox_summary() {
  local i
  ((${#OX_STEP_NAMES[@]})) || return 0
  printf '\n%s==== summary ====%s\n' "$OX_BOLD" "$OX_RESET"
  for i in "${!OX_STEP_NAMES[@]}"; do
    printf '  %-8s %10s  %s\n' "${OX_STEP_RESULTS[$i]}" "$(ox_fmt_us "${OX_STEP_TIMES[$i]}")" "${OX_STEP_NAMES[$i]}"
  done
  printf '  %-8s %10s\n' "total" "$(ox_fmt_us $(($(ox_now_us) - OX_RUN_START)))"
}

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
ox_wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' \
    "$OX_ROOT/Cargo.lock"
}

#!/usr/bin/env bash
# Installs what ox-panel's commands need, only where it is missing, at pinned versions.
# Idempotent: a second run skips everything in a second or two.
#
#   scripts/bootstrap.sh [demo|test|bench|all]   (default: all; ./x calls it with its command)
#
# demo: wasm32 target, trunk, wasm-bindgen-cli (= Cargo.lock's wasm-bindgen), wasm-opt
#       (npm binaryen), the cargo dependencies (Trunk runs cargo offline).
# test: the above, plus rustfmt/clippy, Debian chromium + chromium-driver, firefox-esr,
#       webkit2gtk-driver and xvfb, geckodriver (crates.io, pinned), e2e/'s npm packages
#       (playwright-core, selenium-webdriver), and Schemathesis (PyPI, pinned, in a
#       virtualenv under the tools dir).
# bench: the test tools, plus bench/'s npm packages (Lighthouse, pinned).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$OX_ROOT"

want="${1:-all}"
case "$want" in
  demo) want_test=0 want_bench=0 ;;
  test) want_test=1 want_bench=0 ;;
  # bench drives Chromium like the tests do.
  bench | all) want_test=1 want_bench=1 ;;
  *) ox_die "usage: scripts/bootstrap.sh [demo|test|bench|all]" ;;
esac

SKIPPED=()
INSTALLED=()
skip() {
  SKIPPED+=("$1")
  printf '  skip     %s\n' "$1"
}
installing() { printf '  install  %s\n' "$1"; }
installed() { INSTALLED+=("$1"); }

as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo -n "$@"
  else
    ox_die "need root for: $* (not root and no sudo)"
  fi
}

APT_UPDATED=0
apt_install() {
  if ((APT_UPDATED == 0)); then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

first_line() { "$@" 2>/dev/null | head -n 1 || true; }

# ---- Rust toolchain pieces ----
command -v cargo >/dev/null || ox_die "cargo not found: install Rust with rustup first"
command -v rustup >/dev/null || ox_die "rustup not found: the wasm32 target is added with rustup"

if rustup target list --installed | grep -qx "$OX_WASM_TARGET"; then
  skip "rust target $OX_WASM_TARGET"
else
  installing "rust target $OX_WASM_TARGET"
  rustup target add "$OX_WASM_TARGET"
  installed "rust target $OX_WASM_TARGET"
fi

# The release bundle rebuilds std (./x bundle: -Zbuild-std), from the toolchain's sources.
if rustup component list --installed | grep -q '^rust-src'; then
  skip "rust-src"
else
  installing "rustup component rust-src"
  rustup component add rust-src
  installed "rust-src"
fi

if ((want_test)); then
  missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if ((${#missing[@]})); then
    installing "rustup components ${missing[*]}"
    rustup component add "${missing[@]}"
    installed "rustup components ${missing[*]}"
  else
    skip "rustfmt, clippy"
  fi
fi

# ---- Node.js >= 20 (wasm-opt from npm, bundle checks, the e2e tests) ----
if command -v node >/dev/null && command -v npm >/dev/null; then
  skip "node $(node --version)"
else
  installing "nodejs (Debian package sources)"
  command -v node >/dev/null || apt_install nodejs
  command -v npm >/dev/null || apt_install npm
  installed "nodejs"
fi
node_major="$(node --version | sed -n 's/^v\([0-9]*\)\..*/\1/p')"
((node_major >= 20)) || ox_die "node $(node --version) is too old: playwright-core and node --test need 20 or newer"

# ---- cargo dependencies: Trunk runs cargo --offline ----
# Quick when nothing changed (no network unless Cargo.lock needs something new).
cargo fetch --quiet
# std's own dependencies, for the release bundle's -Zbuild-std (see ./x bundle).
RUSTC_BOOTSTRAP=1 cargo fetch --quiet --target "$OX_WASM_TARGET" -Zbuild-std=std,panic_abort
printf '  ok       cargo fetch (dependencies of Cargo.lock and of std present)\n'

# ---- trunk ----
if [[ "$(first_line trunk --version)" == "trunk $OX_TRUNK_VERSION" ]]; then
  skip "trunk $OX_TRUNK_VERSION"
else
  # 0.22 needs a newer rustc than this machine's 1.95; --locked: its own lock file builds.
  installing "trunk $OX_TRUNK_VERSION (cargo install, about 8 min cold)"
  cargo install trunk --version "$OX_TRUNK_VERSION" --locked
  installed "trunk $OX_TRUNK_VERSION"
fi

# ---- wasm-bindgen-cli, exactly Cargo.lock's wasm-bindgen ----
WBG_VERSION="$(ox_wasm_bindgen_version)"
[[ -n "$WBG_VERSION" ]] || ox_die "no wasm-bindgen package in Cargo.lock"
TRUNK_WBG="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)"
[[ "$TRUNK_WBG" == "$WBG_VERSION" ]] ||
  ox_die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WBG\" but Cargo.lock has wasm-bindgen $WBG_VERSION: make them equal"
if [[ "$(first_line wasm-bindgen --version)" == "wasm-bindgen $WBG_VERSION" &&
  "$(first_line wasm-bindgen-test-runner --version)" == "wasm-bindgen-test-runner $WBG_VERSION" ]]; then
  skip "wasm-bindgen-cli $WBG_VERSION"
else
  # Without --locked: its lock file names a dependency version the registry no longer has.
  installing "wasm-bindgen-cli $WBG_VERSION (cargo install, about 3 min cold)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
  installed "wasm-bindgen-cli $WBG_VERSION"
fi

# ---- wasm-opt: npm binaryen, under a per-user tools dir, first on PATH (lib.sh) ----
WASM_OPT="$OX_BINARYEN_DIR/node_modules/.bin/wasm-opt"
if [[ "$(first_line "$WASM_OPT" --version)" == "wasm-opt version $OX_BINARYEN_VERSION"* ]] &&
  cmp -s scripts/binaryen/package-lock.json "$OX_BINARYEN_DIR/package-lock.json"; then
  skip "wasm-opt $OX_BINARYEN_VERSION (npm binaryen in $OX_BINARYEN_DIR)"
else
  installing "wasm-opt $OX_BINARYEN_VERSION (npm binaryen into $OX_BINARYEN_DIR)"
  mkdir -p "$OX_BINARYEN_DIR"
  cp scripts/binaryen/package.json scripts/binaryen/package-lock.json "$OX_BINARYEN_DIR/"
  (cd "$OX_BINARYEN_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  [[ "$(first_line "$WASM_OPT" --version)" == "wasm-opt version $OX_BINARYEN_VERSION"* ]] ||
    ox_die "$WASM_OPT --version does not say version $OX_BINARYEN_VERSION"
  installed "wasm-opt $OX_BINARYEN_VERSION"
fi
[[ "$(command -v wasm-opt)" == "$WASM_OPT" ]] ||
  ox_die "wasm-opt on PATH is $(command -v wasm-opt), not $WASM_OPT"

# ---- esbuild: npm, under the tools dir; the release bundle's JS minifier (Trunk hook) ----
ESBUILD="$OX_ESBUILD_DIR/node_modules/.bin/esbuild"
if [[ "$(first_line "$ESBUILD" --version)" == "$OX_ESBUILD_VERSION" ]] &&
  cmp -s scripts/esbuild/package-lock.json "$OX_ESBUILD_DIR/package-lock.json"; then
  skip "esbuild $OX_ESBUILD_VERSION (npm, in $OX_ESBUILD_DIR)"
else
  installing "esbuild $OX_ESBUILD_VERSION (npm, into $OX_ESBUILD_DIR)"
  mkdir -p "$OX_ESBUILD_DIR"
  cp scripts/esbuild/package.json scripts/esbuild/package-lock.json "$OX_ESBUILD_DIR/"
  (cd "$OX_ESBUILD_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  [[ "$(first_line "$ESBUILD" --version)" == "$OX_ESBUILD_VERSION" ]] ||
    ox_die "$ESBUILD --version does not say $OX_ESBUILD_VERSION"
  installed "esbuild $OX_ESBUILD_VERSION"
fi

# ---- test-only: Chromium, ChromeDriver, e2e npm packages ----
if ((want_test)); then
  chromium_major="$(first_line chromium --version | sed -n 's/^Chromium \([0-9]*\)\..*/\1/p')"
  driver_major="$(first_line chromedriver --version | sed -n 's/^ChromeDriver \([0-9]*\)\..*/\1/p')"
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -n "$chromium_major" &&
    "$chromium_major" == "$driver_major" ]]; then
    skip "chromium + chromium-driver $chromium_major (Debian)"
  else
    # With Debian's recommends (fonts among them), as measured to work here: about 1 min.
    installing "chromium chromium-driver (Debian)"
    apt_install chromium chromium-driver
    installed "chromium + chromium-driver"
  fi

  # The other engines customers use (e2e/engines/, and the wasm tests in Firefox):
  # Firefox ESR, WebKitGTK's WebKitWebDriver with its MiniBrowser, and Xvfb for
  # MiniBrowser's window (it needs a display even when nobody looks). Debian's, about
  # 2 min; geckodriver from crates.io below.
  deb_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }
  if [[ -x /usr/bin/firefox-esr && -x /usr/bin/WebKitWebDriver && -x /usr/bin/Xvfb && -x /usr/bin/xvfb-run ]] &&
    compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" >/dev/null; then
    skip "firefox-esr $(deb_version firefox-esr), webkit2gtk-driver $(deb_version webkit2gtk-driver), xvfb (Debian)"
  else
    installing "firefox-esr webkit2gtk-driver xvfb (Debian)"
    apt_install firefox-esr webkit2gtk-driver xvfb
    compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" >/dev/null ||
      ox_die "webkit2gtk-driver installed no MiniBrowser under /usr/lib/*/webkit2gtk-4.1/"
    installed "firefox-esr $(deb_version firefox-esr), webkit2gtk-driver $(deb_version webkit2gtk-driver), xvfb"
  fi

  if [[ "$(first_line "$OX_GECKODRIVER" --version)" == "geckodriver $OX_GECKODRIVER_VERSION"* ]]; then
    skip "geckodriver $OX_GECKODRIVER_VERSION"
  else
    # --locked: its own lock file builds with this rustc (about 4 min cold).
    installing "geckodriver $OX_GECKODRIVER_VERSION (cargo install, about 4 min cold)"
    cargo install geckodriver --version "$OX_GECKODRIVER_VERSION" --locked
    installed "geckodriver $OX_GECKODRIVER_VERSION"
  fi

  E2E_STAMP="e2e/node_modules/.ox-package-lock.json"
  if [[ -d e2e/node_modules/playwright-core && -d e2e/node_modules/selenium-webdriver ]] && cmp -s e2e/package-lock.json "$E2E_STAMP"; then
    skip "e2e npm packages (e2e/package-lock.json unchanged)"
  else
    installing "e2e npm packages (npm ci in e2e/)"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp e2e/package-lock.json "$E2E_STAMP"
    installed "e2e npm packages"
  fi
fi

# ---- bench-only: Lighthouse (npm, pinned in bench/package-lock.json) ----
if ((want_bench)); then
  BENCH_STAMP="bench/node_modules/.ox-package-lock.json"
  if [[ -d bench/node_modules/lighthouse ]] && cmp -s bench/package-lock.json "$BENCH_STAMP"; then
    skip "bench npm packages (bench/package-lock.json unchanged)"
  else
    installing "bench npm packages (npm ci in bench/)"
    (cd bench && npm ci --no-audit --no-fund --loglevel=error)
    cp bench/package-lock.json "$BENCH_STAMP"
    installed "bench npm packages"
  fi
fi

# ---- test-only: Schemathesis, the OpenAPI checker of `./x test api` ----
if ((want_test)); then
  if [[ "$(first_line "$OX_SCHEMATHESIS" --version)" == "schemathesis, version $OX_SCHEMATHESIS_VERSION" ]]; then
    skip "schemathesis $OX_SCHEMATHESIS_VERSION (PyPI, in $OX_SCHEMATHESIS_DIR)"
  else
    command -v python3 >/dev/null || apt_install python3
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
    installing "schemathesis $OX_SCHEMATHESIS_VERSION (pip into a virtualenv, about 1 min)"
    # In place (a virtualenv cannot be moved); one cut short answers no `--version`, so
    # the next run starts it again from scratch.
    rm -rf "$OX_SCHEMATHESIS_DIR"
    mkdir -p "$OX_TOOLS_DIR"
    python3 -m venv "$OX_SCHEMATHESIS_DIR"
    "$OX_SCHEMATHESIS_DIR/bin/pip" install --quiet --disable-pip-version-check \
      "schemathesis==$OX_SCHEMATHESIS_VERSION" ||
      { rm -rf "$OX_SCHEMATHESIS_DIR"; ox_die "pip install schemathesis==$OX_SCHEMATHESIS_VERSION failed"; }
    [[ "$(first_line "$OX_SCHEMATHESIS" --version)" == "schemathesis, version $OX_SCHEMATHESIS_VERSION" ]] ||
      ox_die "$OX_SCHEMATHESIS --version does not say $OX_SCHEMATHESIS_VERSION"
    installed "schemathesis $OX_SCHEMATHESIS_VERSION"
  fi
fi

printf 'bootstrap (%s): %d installed, %d skipped\n' "$want" "${#INSTALLED[@]}" "${#SKIPPED[@]}"

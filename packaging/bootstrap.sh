#!/usr/bin/env bash
# Set up procmodeler on Debian 12 and run it or its tests.
#
#   bash packaging/bootstrap.sh app  [FILE.procm | procmodeler args...]
#   bash packaging/bootstrap.sh test [pytest args...]
#   bash packaging/bootstrap.sh lint
#   bash packaging/bootstrap.sh bundle       # the standalone app in dist/procmodeler/, checked
#   bash packaging/bootstrap.sh setup        # install everything `test` needs, run nothing
#
# Each mode installs what it needs and then runs:
#   - Debian packages (Qt's libraries, fonts, Xvfb; for tests also poppler-utils, qpdf, LibreOffice Writer,
#     Chromium and, when `node` is missing or older than 18, Debian's nodejs + npm). As root they are
#     installed with apt-get; otherwise the script prints the `sudo apt-get install` line
#     and stops. What is missing is found with dpkg-query, so a second run is fast.
#   - a virtual environment `.venv` in the repository with `pip install -e ".[test,dev,bundle]"`
#     (skipped while pyproject.toml is unchanged; stamp in .venv/).
#   - for tests: `npm ci` in tests/node (skipped while package-lock.json is unchanged).
# `app` opens procmodeler/resources/examples/manufacturing.procm (or the arguments given). Without a
# display (neither DISPLAY nor WAYLAND_DISPLAY set) it runs on a virtual X screen with
# `xvfb-run -a`, after saying so. `test` exits with pytest's exit code.
#
# Environment: PYTHON (interpreter for the venv, default python3), CI (set by CI systems).
set -euo pipefail

MODE=${1:-}
[ $# -gt 0 ] && shift

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

VENV="$ROOT/.venv"
NODE_DIR="$ROOT/tests/node"
EXAMPLE="procmodeler/resources/examples/manufacturing.procm"
MIN_NODE_MAJOR=18
PYTHON=${PYTHON:-python3}
# One set of extras for every mode, so that switching between modes never reinstalls:
# the tests, the linters (ruff, mypy) and PyInstaller for the bundle.
EXTRAS="test,dev,bundle"

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: bash packaging/bootstrap.sh MODE [ARGS...]

  app   [FILE | ARGS...]  install what the app needs and open the example model
                          (or FILE); without a display it runs under xvfb-run
  test  [PYTEST ARGS...]  install what the tests need and run pytest
  lint                    install ruff and mypy and run them
  bundle                  build the standalone app dist/procmodeler/ with PyInstaller,
                          then run its self-test and a report without the venv
  setup                   install everything the tests need, run nothing
EOF
}

case "$MODE" in
    app | test | lint | setup | bundle) ;;
    -h | --help | help) usage; exit 0 ;;
    *) usage; exit 64 ;;
esac

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
export DEBIAN_FRONTEND=noninteractive
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# --------------------------------------------------------------------------- Debian packages

# The shared libraries PySide6's offscreen and xcb platform plugins load, a font (Qt draws
# empty boxes without one), and Xvfb so the app can run on a virtual screen.
APP_PACKAGES=(
    libegl1 libgl1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
    libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
    libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
    libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0
    libxcb-render0
    xvfb xauth
)
# PDF checks (pdftoppm, pdffonts; qpdf --check), Chromium for the bpmn-js rendering tests,
# desktop-file-validate for the desktop entry, the PostgreSQL server that the repository
# tests start a throwaway cluster of (initdb and pg_ctl under /usr/lib/postgresql/*/bin),
# LibreOffice Writer without a GUI (soffice --convert-to pdf: the Word report opens elsewhere).
TEST_PACKAGES=(poppler-utils qpdf chromium desktop-file-utils postgresql libreoffice-writer-nogui)

is_root() { [ "$(id -u)" = 0 ]; }

have_dpkg() { command -v dpkg-query >/dev/null 2>&1; }

# Print the packages among "$@" that are not installed.
missing_packages() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" 2>/dev/null |
        awk '$2 == "ii" {print $1}') || true
    local p
    for p in "$@"; do
        grep -qxF "$p" <<<"$installed" || printf '%s\n' "$p"
    done
}

APT_UPDATED=0
apt_install() {
    # Install "$@" as root, or print the line to run and stop.
    if ! is_root; then
        say "these Debian packages are missing: $*"
        say "install them, then run this script again:"
        printf '\n    sudo apt-get install -y --no-install-recommends %s\n\n' "$*" >&2
        exit 1
    fi
    if [ "$APT_UPDATED" = 0 ]; then
        say "apt-get update"
        apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    say "apt-get install $*"
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_packages() {
    if ! have_dpkg; then
        say "not a Debian-like system (no dpkg-query): make sure these are installed: $*"
        return 0
    fi
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
}

node_major() {
    command -v node >/dev/null 2>&1 || { echo 0; return; }
    node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/;t;s/.*/0/'
}

ensure_node() {
    if [ "$(node_major)" -lt "$MIN_NODE_MAJOR" ] || ! command -v npm >/dev/null 2>&1; then
        say "Node.js >= $MIN_NODE_MAJOR with npm not found; trying Debian's nodejs and npm"
        ensure_packages nodejs npm
        hash -r
    fi
    if [ "$(node_major)" -lt "$MIN_NODE_MAJOR" ] || ! command -v npm >/dev/null 2>&1; then
        die "the BPMN test tools need Node.js >= $MIN_NODE_MAJOR and npm (found: $(node --version 2>/dev/null || echo none)). Install Debian's nodejs and npm (or any Node.js >= $MIN_NODE_MAJOR), then run this script again."
    fi
}

# --------------------------------------------------------------------------- Python

check_python() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        if [ "$PYTHON" = python3 ] && have_dpkg; then
            ensure_packages python3 python3-venv
            hash -r
        fi
        command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found: procmodeler needs Python >= 3.11"
    fi
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "procmodeler needs Python >= 3.11; $PYTHON is $("$PYTHON" --version 2>&1). Set PYTHON=/path/to/python3.11 and run again."
}

venv_ok() {
    [ -x "$VENV/bin/python" ] &&
        "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null &&
        [ -x "$VENV/bin/pip" ]
}

make_venv() {
    venv_ok && return 0
    rm -rf "$VENV"
    say "creating .venv with $("$PYTHON" --version 2>&1)"
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
        # Debian's own python3 needs python3-venv for ensurepip.
        rm -rf "$VENV"
        if have_dpkg && ! "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1; then
            ensure_packages python3-venv
        fi
        "$PYTHON" -m venv "$VENV" || die "could not create the virtual environment .venv with $PYTHON"
    fi
}

# pip install -e ".[EXTRAS]" unless pyproject.toml, the extras, the interpreter and the
# checkout's location are the same as at the last successful install.
pip_install() {
    local extras=$1 stamp="$VENV/.bootstrap-pip" want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) $extras $("$VENV/bin/python" -VV | tr -d '\n') $ROOT"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    say "pip install -e \".[$extras]\" into .venv"
    rm -f "$stamp"
    "$VENV/bin/python" -m pip install --quiet --progress-bar off -e ".[$extras]"
    printf '%s' "$want" >"$stamp"
}

# --------------------------------------------------------------------------- Node tools

npm_ci() {
    local stamp="$NODE_DIR/node_modules/.bootstrap-npm" want
    want="$(sha256sum "$NODE_DIR/package-lock.json" | cut -d' ' -f1) $(node --version)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    say "npm ci in tests/node"
    (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    printf '%s' "$want" >"$stamp"
}

# --------------------------------------------------------------------------- modes

setup_python() {
    check_python
    make_venv
    pip_install "$1"
}

setup_tests() {
    ensure_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_node
    setup_python "$EXTRAS"
    npm_ci
}

run_app() {
    local part
    for part in ui cli; do
        if [ ! -d "procmodeler/$part" ] && [ ! -f "procmodeler/$part.py" ]; then
            die "this checkout has no desktop app yet (procmodeler/$part is missing); 'bash packaging/bootstrap.sh test' works already"
        fi
    done
    local args=("$@")
    if [ ${#args[@]} -eq 0 ]; then
        [ -f "$EXAMPLE" ] || die "the example model $EXAMPLE is missing from this checkout; pass a .procm file: bash packaging/bootstrap.sh app FILE.procm"
        args=("$EXAMPLE")
    fi
    ensure_packages "${APP_PACKAGES[@]}"
    setup_python "$EXTRAS"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        command -v xvfb-run >/dev/null 2>&1 || die "no display (DISPLAY and WAYLAND_DISPLAY are unset) and no xvfb-run"
        say "no display (DISPLAY and WAYLAND_DISPLAY are unset): running on a virtual X screen"
        say "with xvfb-run; the window is not visible. Stop it with Ctrl+C. On a desktop,"
        say "run this from a terminal in your graphical session to see the window."
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/procmodeler" "${args[@]}"
    fi
    exec "$VENV/bin/procmodeler" "${args[@]}"
}

# Build dist/procmodeler/ with packaging/procmodeler.spec, then check it as a user without
# Python would run it: a minimal environment (env -i), offscreen Qt, no venv on PATH.
build_bundle() {
    ensure_packages "${APP_PACKAGES[@]}" binutils
    setup_python "$EXTRAS"
    local start=$SECONDS
    say "pyinstaller packaging/procmodeler.spec -> dist/procmodeler/"
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/procmodeler.spec
    say "built in $((SECONDS - start)) s: $(du -sh dist/procmodeler | cut -f1) in dist/procmodeler/"
    check_bundle
}

check_bundle() {
    local exe="$ROOT/dist/procmodeler/procmodeler" tmp
    tmp=$(mktemp -d)
    local run=(env -i "HOME=$tmp" "PATH=/usr/bin:/bin" QT_QPA_PLATFORM=offscreen)
    say "checking the bundle with env -i (no venv, no Python on PATH)"
    "${run[@]}" "$exe" --version
    "${run[@]}" "$exe" self-test
    local example="$ROOT/dist/procmodeler/_internal/procmodeler/resources/examples/municipality-sv.procm"
    "${run[@]}" "$exe" report "$example" -o "$tmp/rapport.pdf"
    if command -v pdftotext >/dev/null 2>&1; then
        local text
        text=$(pdftotext -l 3 "$tmp/rapport.pdf" -)
        grep -q "Sammanfattning för ledningen" <<<"$text" ||
            die "the bundle's report of the Swedish example is not in Swedish"
    fi
    say "bundle ok: self-test passed, report written ($(du -k "$tmp/rapport.pdf" | cut -f1) kB)"
    rm -rf "$tmp"
}

case "$MODE" in
    bundle)
        build_bundle
        ;;
    app)
        run_app "$@"
        ;;
    test)
        setup_tests
        say "set-up took ${SECONDS} s; running pytest"
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    lint)
        setup_python "$EXTRAS"
        paths=()
        for p in procmodeler tests bench; do [ -d "$p" ] && paths+=("$p"); done
        "$VENV/bin/ruff" check "${paths[@]}"
        "$VENV/bin/ruff" format --check "${paths[@]}"
        "$VENV/bin/mypy"
        ;;
    setup)
        setup_tests
        say "ready: .venv/bin/python -m pytest"
        ;;
esac

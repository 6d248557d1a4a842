#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Haven set-up: installs every Debian package Haven needs, then builds, tests, packages or
# starts the demo. Works as root on a fresh Debian 12 (only apt needs the network) and is
# idempotent: when every package is installed already, apt is not touched at all.
#
#   ./setup.sh [build]   install packages, configure and build (the default)
#   ./setup.sh test      ... with warnings as errors, then run every test with ctest
#   ./setup.sh demo      ... build, then start the console on the demo sites
#   ./setup.sh package   ... build, then make the .deb with cpack
#   ./setup.sh deps      only install the packages
#
# Environment: HAVEN_BUILD_DIR (default: build), CCACHE_DIR (default: ~/.cache/ccache),
# HAVEN_JOBS (default: nproc), HAVEN_TEST_TIMEOUT (seconds per test, default 300),
# HAVEN_DEMO_DIR (default: $XDG_RUNTIME_DIR/haven-demo, else /tmp/haven-demo-<uid>).

set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="$(realpath -m "${HAVEN_BUILD_DIR:-${SOURCE_DIR}/build}")"
readonly SOURCE_DIR BUILD_DIR
readonly JOBS="${HAVEN_JOBS:-$(nproc 2>/dev/null || echo 2)}"
readonly TEST_TIMEOUT="${HAVEN_TEST_TIMEOUT:-300}"

# Everything needed to build, test, package and run Haven on Debian 12 (bookworm).
readonly PACKAGES=(
    # toolchain
    build-essential cmake ninja-build ccache
    # Qt 6 and the libraries Haven links
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-httpserver-dev qt6-svg-dev qtkeychain-qt6-dev libqcustomplot-dev
    libcurl4-openssl-dev libsqlite3-dev
    # tests: offscreen/virtual display, fonts (Latin and Chinese), inspection scripts, demo certificates
    xvfb xauth fonts-dejavu-core fonts-wqy-microhei python3 openssl ca-certificates
    # the real-parts lab (hooks/lab) and its test: HAProxy 2.6 and PostgreSQL 15
    haproxy postgresql
    # packaging: cpack's DEB generator needs dpkg-shlibdeps and file
    dpkg-dev file
    # the agent's /metrics checked by promtool, and the scale-out test's real Prometheus
    prometheus
)

# Bold headers and red errors on a terminal; plain text in CI logs.
if [[ -t 1 ]]; then BOLD=$'\033[1m' RED=$'\033[31m' PLAIN=$'\033[0m'; else BOLD='' RED='' PLAIN=''; fi
step() { printf '\n%s==> %s%s\n' "${BOLD}" "$*" "${PLAIN}"; }
die() { printf '%serror:%s %s\n' "${RED}" "${PLAIN}" "$*" >&2; exit 1; }

usage() {
    sed -n '4,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# Runs a command as root: directly when we are root, through sudo when it exists.
as_root() {
    if [[ ${EUID} -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "installing packages needs root: run as root or install sudo (missing: ${MISSING[*]})"
    fi
}

install_packages() {
    step "Checking Debian packages"
    command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: Haven's set-up needs Debian 12 (bookworm)"
    MISSING=()
    local pkg status
    for pkg in "${PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "${pkg}" 2>/dev/null || true)"
        [[ ${status} == installed ]] || MISSING+=("${pkg}")
    done
    if [[ ${#MISSING[@]} -eq 0 ]]; then
        echo "All ${#PACKAGES[@]} packages are installed."
        return
    fi
    step "Installing ${#MISSING[@]} Debian package(s): ${MISSING[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update \
        || die "apt-get update failed: check the network and /etc/apt/sources.list*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${MISSING[@]}" \
        || die "apt-get install failed for: ${MISSING[*]}"
}

configure() {
    step "Configuring in ${BUILD_DIR}"
    export CCACHE_DIR="${CCACHE_DIR:-${HOME:-/tmp}/.cache/ccache}"
    mkdir -p "${CCACHE_DIR}" || die "cannot create the ccache directory ${CCACHE_DIR}"
    # Paths relative to the checkout, so that another clone (CI's) hits the same cache.
    export CCACHE_BASEDIR="${SOURCE_DIR}" CCACHE_NOHASHDIR=true
    # CMakeLists.txt picks ccache up as the compiler launcher when it is installed.
    # /usr prefix: the paths compiled into the binaries are those the .deb installs to.
    cmake -S "${SOURCE_DIR}" -B "${BUILD_DIR}" -G Ninja \
        -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
        -DCMAKE_INSTALL_PREFIX=/usr \
        "$@" \
        || die "CMake configuration failed (see the messages above)"
}

build() {
    step "Building with Ninja (-j${JOBS}, ccache in ${CCACHE_DIR})"
    cmake --build "${BUILD_DIR}" --parallel "${JOBS}" || die "the build failed (see the compiler output above)"
}

run_tests() {
    step "Running the tests (ctest, -j${JOBS}, ${TEST_TIMEOUT}s per test)"
    # Tests render offscreen; none of them needs a display server.
    QT_QPA_PLATFORM=offscreen ctest --test-dir "${BUILD_DIR}" --output-on-failure \
        --parallel "${JOBS}" --timeout "${TEST_TIMEOUT}" \
        || die "some tests failed (their output is above)"
}

package() {
    step "Making the .deb with cpack"
    (cd "${BUILD_DIR}" && cpack -G DEB) || die "cpack failed (see above)"
    local deb
    for deb in "${BUILD_DIR}"/haven_*.deb; do
        [[ -e ${deb} ]] || die "cpack made no .deb in ${BUILD_DIR}"
        echo "Package: ${deb}"
        dpkg-deb --info "${deb}" | sed -n 's/^ \(Package\|Version\|Depends\):/  \1:/p'
    done
}

demo() {
    local dir="${HAVEN_DEMO_DIR:-}"
    if [[ -z ${dir} ]]; then
        if [[ -n ${XDG_RUNTIME_DIR:-} && -d ${XDG_RUNTIME_DIR} && -w ${XDG_RUNTIME_DIR} ]]; then
            dir="${XDG_RUNTIME_DIR}/haven-demo"
        else
            dir="/tmp/haven-demo-$(id -u)"
        fi
    fi
    mkdir -p "${dir}" || die "cannot create the demo directory ${dir}"
    local console="${BUILD_DIR}/app/haven" agent="${BUILD_DIR}/agent/haven-agent"
    [[ -x ${console} && -x ${agent} ]] || die "haven and haven-agent were not built"
    if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
        step "Starting Haven on the demo sites (state in ${dir}; closing the window stops the demo)"
        exec "${console}" --demo --demo-dir "${dir}"
    fi
    # No screen to show a window on: run the same demo fleet and show the console's view of it
    # as text, refreshed every few seconds.
    step "No display (DISPLAY and WAYLAND_DISPLAY are unset): the demo fleet runs, the console reports as text"
    rm -f "${dir}/fleet.json"
    "${agent}" --demo-fleet "${dir}" &
    local fleet=$!
    trap 'kill ${fleet} 2>/dev/null; wait ${fleet} 2>/dev/null; exit 0' INT TERM
    for _ in $(seq 100); do [[ -s ${dir}/fleet.json ]] && break; sleep 0.2; done
    [[ -s ${dir}/fleet.json ]] || die "the demo fleet did not start"
    while kill -0 "${fleet}" 2>/dev/null; do
        step "haven --headless status ($(date +%T); Ctrl-C stops the demo)"
        "${console}" --headless status --environment "${dir}/fleet.json" 2>/dev/null || true
        sleep 5
    done
}

main() {
    local command="${1:-build}"
    [[ $# -gt 0 ]] && shift
    case "${command}" in
        deps)    install_packages ;;
        build)   install_packages; configure "$@"; build ;;
        test)    install_packages; configure -DHAVEN_WERROR=ON "$@"; build; run_tests ;;
        demo)    install_packages; configure "$@"; build; demo ;;
        package) install_packages; configure "$@"; build; package ;;
        -h|--help|help) usage ;;
        *) usage >&2; die "unknown command '${command}'" ;;
    esac
}

main "$@"

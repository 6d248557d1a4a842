#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Haven set-up: installs every Debian package Haven needs, then builds, tests, packages or
# starts the demo. Works as root on a fresh Debian 12 (only apt needs the network) and is
# idempotent: when every package is installed already, apt is not touched at all.
#
#   ./setup.sh [build]   install packages, configure and build (the default)
#   ./setup.sh test      ... with warnings as errors, run every test with ctest, then fuzz
#   ./setup.sh fuzz      build the libFuzzer harnesses with clang (ASan+UBSan) and run each
#   ./setup.sh demo      ... build, then start the console on the demo sites
#   ./setup.sh package   ... build, then make the .deb with cpack
#   ./setup.sh deps      only install the packages
#
# Environment: HAVEN_BUILD_DIR (default: build), CCACHE_DIR (default: ~/.cache/ccache),
# HAVEN_JOBS (default: nproc), HAVEN_TEST_TIMEOUT (seconds per test, default 300),
# HAVEN_DEMO_DIR (default: $XDG_RUNTIME_DIR/haven-demo, else /tmp/haven-demo-<uid>),
# HAVEN_FUZZ_SECONDS (per harness, default 30; 0 skips fuzzing in "test").

set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="$(realpath -m "${HAVEN_BUILD_DIR:-${SOURCE_DIR}/build}")"
readonly SOURCE_DIR BUILD_DIR
readonly JOBS="${HAVEN_JOBS:-$(nproc 2>/dev/null || echo 2)}"
readonly TEST_TIMEOUT="${HAVEN_TEST_TIMEOUT:-300}"
readonly FUZZ_SECONDS="${HAVEN_FUZZ_SECONDS:-30}"
readonly FUZZ_BUILD_DIR="${BUILD_DIR}-fuzz"

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
    # fuzzing (fuzz/): clang with the libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
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

# Builds the harnesses of fuzz/ with clang, ASan and UBSan in their own build directory, then runs
# each one for FUZZ_SECONDS from the seed corpus in the repository. A crash, a sanitizer finding
# or a broken property fails, and the input that did it is kept for the bug report.
fuzz() {
    [[ ${FUZZ_SECONDS} =~ ^[0-9]+$ ]] || die "HAVEN_FUZZ_SECONDS must be a number of seconds"
    [[ ${FUZZ_SECONDS} -gt 0 ]] || { step "Fuzzing skipped (HAVEN_FUZZ_SECONDS=0)"; return; }
    step "Building the fuzzers with clang, ASan and UBSan in ${FUZZ_BUILD_DIR}"
    command -v clang++ >/dev/null 2>&1 || die "clang++ not found: run ./setup.sh deps"
    export CCACHE_DIR="${CCACHE_DIR:-${HOME:-/tmp}/.cache/ccache}" CCACHE_BASEDIR="${SOURCE_DIR}" CCACHE_NOHASHDIR=true
    cmake -S "${SOURCE_DIR}" -B "${FUZZ_BUILD_DIR}" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++ -DHAVEN_FUZZ=ON -DHAVEN_WERROR=ON -DBUILD_TESTING=OFF -DHAVEN_BUILD_BENCH=OFF \
        >/dev/null || die "CMake configuration of the fuzz build failed"
    cmake --build "${FUZZ_BUILD_DIR}" --parallel "${JOBS}" --target haven-fuzzers \
        || die "the fuzz build failed (see the compiler output above)"
    step "Fuzzing: each harness for ${FUZZ_SECONDS}s, ${JOBS} at a time (logs in ${FUZZ_BUILD_DIR}/logs)"
    local logs="${FUZZ_BUILD_DIR}/logs" crashes="${FUZZ_BUILD_DIR}/crashes"
    mkdir -p "${logs}" "${crashes}"
    local harness name failed=0
    local -a names=()
    for harness in "${SOURCE_DIR}"/fuzz/fuzz_*.cpp; do
        names+=("$(basename "${harness}" .cpp)")
    done
    export FUZZ_BUILD_DIR FUZZ_SECONDS SOURCE_DIR
    printf '%s\n' "${names[@]}" | xargs -P "${JOBS}" -I{} bash -c '
        name={}; seeds="${SOURCE_DIR}/fuzz/corpus/${name#fuzz_}"; work="${FUZZ_BUILD_DIR}/corpus/${name}"
        mkdir -p "${work}"
        "${FUZZ_BUILD_DIR}/fuzz/${name}" -max_total_time="${FUZZ_SECONDS}" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="${FUZZ_BUILD_DIR}/crashes/${name}-" \
            "${work}" "${seeds}" >"${FUZZ_BUILD_DIR}/logs/${name}.log" 2>&1
        echo $? >"${FUZZ_BUILD_DIR}/logs/${name}.rc"'
    printf '%-22s %12s %10s %8s %8s\n' harness runs exec/s cov features
    for name in "${names[@]}"; do
        local rc runs speed cov ft
        rc="$(cat "${logs}/${name}.rc" 2>/dev/null || echo 1)"
        runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "${logs}/${name}.log")"
        cov="$(grep -o 'cov: [0-9]*' "${logs}/${name}.log" | tail -1 | cut -d' ' -f2)"
        ft="$(grep -o 'ft: [0-9]*' "${logs}/${name}.log" | tail -1 | cut -d' ' -f2)"
        speed="$(grep -o 'exec/s: [0-9]*' "${logs}/${name}.log" | tail -1 | cut -d' ' -f2)"
        printf '%-22s %12s %10s %8s %8s\n' "${name}" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}"
        if [[ ${rc} != 0 ]]; then
            failed=1
            printf '%s%s failed (exit %s); its log:%s\n' "${RED}" "${name}" "${rc}" "${PLAIN}" >&2
            tail -n 40 "${logs}/${name}.log" >&2
        fi
    done
    [[ ${failed} == 0 ]] || die "a fuzzer found a crash; the input is in ${crashes} (reproduce: <fuzzer> <file>)"
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
        test)    install_packages; configure -DHAVEN_WERROR=ON "$@"; build; run_tests; fuzz ;;
        fuzz)    install_packages; fuzz ;;
        demo)    install_packages; configure "$@"; build; demo ;;
        package) install_packages; configure "$@"; build; package ;;
        -h|--help|help) usage ;;
        *) usage >&2; die "unknown command '${command}'" ;;
    esac
}

main "$@"

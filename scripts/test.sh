#!/usr/bin/env bash
# Installs what is missing, builds with -Werror and runs the whole test suite:
# unit, model, widget (offscreen) and end-to-end tests on a real libvirtd + QEMU
# (started and stopped by the tests themselves; they need root).
# Usage: scripts/test.sh            (BUILD_DIR=build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
# A full run needs 10-15 GB (the test build ~5 GB, the sanitizer build ~3 GB, ccache, guest
# images, the package); a CI run once died of a full disk, so say what there is.
disk_note() { echo "test.sh: disk free $1: $(df -h --output=avail . | tail -n1 | tr -d ' ')"; }
disk_note "at the start"

bash scripts/install-deps.sh
# Let ccache share objects between clones in different folders (CI builds a fresh one).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSVIRT_WERROR=ON -DCROSSVIRT_BUILD_TESTS=ON
build_start=$(date +%s)
cmake --build "$BUILD_DIR" -j"$(nproc)"
echo "test.sh: build took $(( $(date +%s) - build_start )) s"
disk_note "after the build"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# As root the end-to-end tests can start libvirtd themselves: a skip would hide a
# broken machine, so make "cannot run here" a failure.
if [ "$(id -u)" -eq 0 ]; then export CROSSVIRT_E2E_REQUIRED=${CROSSVIRT_E2E_REQUIRED:-1}; fi
# Unit, model and widget tests first (in parallel), then the end-to-end tests,
# which share one libvirtd and run one at a time.
ctest --test-dir "$BUILD_DIR" -LE e2e --output-on-failure -j"$(nproc)" --timeout 600
# The libFuzzer targets (fuzz/: capabilities, domain capabilities, domain XML, serial
# ANSI, VNC server messages), each 60 s on its seed corpus, in their own clang build
# (build-fuzz: arch/ and the fuzzed parts of models/ only). A crash, leak or timeout
# fails the run, after the end-to-end tests have had their turn.
fuzz_start=$(date +%s)
fuzz_status=0
bash scripts/fuzz.sh 60 || fuzz_status=$?
echo "test.sh: fuzzing (build + 5 targets x 60 s) took $(( $(date +%s) - fuzz_start )) s"
# The unit, model and CLI tests again under ASan + UBSan + LeakSanitizer, in build-asan
# (-O0 -g1: about the CPU of the normal build).
asan_start=$(date +%s)
asan_status=0
bash scripts/sanitize.sh || asan_status=$?
echo "test.sh: sanitizer build and tests (scripts/sanitize.sh) took $(( $(date +%s) - asan_start )) s"
# The e2e tests boot a Debian kernel + busybox guest on every arch: make all the images
# first (downloads from deb.debian.org the first time, then offline from the cache), so
# their cost shows here and an arch whose image cannot be made fails loudly.
guest_start=$(date +%s)
for arch in x86_64 i686 ppc64le ppc64 aarch64 s390x riscv64 armv7l; do
  arch_start=$(date +%s)
  if ! dir=$(bash tests/e2e/guest/make-guest-image.sh "$arch"); then
    echo "test.sh: FAILED to make the $arch guest image (see the messages above)" >&2
    exit 1
  fi
  echo "test.sh: guest image $arch: $(tail -n1 <<<"$dir") ($(( $(date +%s) - arch_start )) s)"
done
echo "test.sh: guest images for all arches ready in $(( $(date +%s) - guest_start )) s"
# Verbose: the e2e tests print the multi-arch matrix and what each console showed.
# The whole e2e run must stay within 40 minutes on 2 cores under TCG: print what it took.
e2e_start=$(date +%s)
e2e_status=0
ctest --test-dir "$BUILD_DIR" -L e2e --output-on-failure --verbose --timeout 1800 || e2e_status=$?
e2e_seconds=$(( $(date +%s) - e2e_start ))
echo "test.sh: end-to-end tests took $(( e2e_seconds / 60 )) min $(( e2e_seconds % 60 )) s (limit 40 min)"
disk_note "before the package build"
# The Debian package: built from the tree, lintian without errors, installed, started
# from its desktop entry, purged without leftovers: 6.5 min here with a warm ccache on
# a loaded shared 2-core machine (2.7 CPU-min), about 17 CPU-min cold.
deb_status=0
if [ "$(id -u)" -eq 0 ]; then
  deb_start=$(date +%s)
  bash scripts/build-deb.sh || deb_status=$?
  echo "test.sh: Debian package (scripts/build-deb.sh) took $(( $(date +%s) - deb_start )) s"
else
  echo "test.sh: not root: skipping scripts/build-deb.sh (it installs and purges the package)"
fi
[ "$e2e_status" -ne 0 ] && exit "$e2e_status"
[ "$fuzz_status" -ne 0 ] && exit "$fuzz_status"
[ "$asan_status" -ne 0 ] && exit "$asan_status"
exit "$deb_status"

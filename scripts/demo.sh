#!/usr/bin/env bash
# Installs what is missing, builds, and starts Crossvirt. On first start (no saved
# connection list) it opens the demo datacenter: four libvirt test-driver hosts
# (x86_64, ppc64le POWER9, aarch64, s390x) with VMs, no hypervisor needed.
# Usage: scripts/demo.sh [crossvirt options]   (BUILD_DIR=build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

bash scripts/install-deps.sh --build-only
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" -j"$(nproc)" --target crossvirt crossvirt-cli
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "demo: no display found; starting Crossvirt on a virtual X server (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$BUILD_DIR/app/crossvirt" "$@"
fi
exec "$BUILD_DIR/app/crossvirt" "$@"

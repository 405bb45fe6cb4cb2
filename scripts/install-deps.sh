#!/usr/bin/env bash
# Installs, from Debian 12 packages, everything Crossvirt needs to build, run and
# test: Qt 6 (Widgets, Charts, LinguistTools), libvirt, LibVNCClient, libosinfo +
# osinfo-db, GoogleTest, CMake/Ninja, Xvfb, and for the end-to-end tests a real
# libvirtd + virtlogd with QEMU for x86_64, ppc64, aarch64 (UEFI), s390x, riscv64, and
# cpio, kmod (depmod), xz-utils for the test guest images (tests/e2e/guest); sshd,
# certtool (gnutls-bin), saslpasswd2 (sasl2-bin) and gnome-keyring + dbus for the secure
# remote host tests; QtKeychain for remembered passwords; for the
# desktop data and the Debian package: librsvg2-bin (renders the PNG icons),
# desktop-file-utils, appstream, groff-base (checks), debhelper, dpkg-dev, lintian
# (scripts/build-deb.sh); clang with its libFuzzer and sanitizer runtimes
# (libclang-rt-14-dev) for the fuzz targets (scripts/fuzz.sh).
# Usage: scripts/install-deps.sh [--build-only]   (as root, or with sudo)
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config git ccache
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6svg6 libqt6opengl6-dev qt6-qpa-plugins libgl-dev libvulkan-dev libxkbcommon-dev
  libvirt-dev libvncserver-dev libosinfo-1.0-dev osinfo-db
  libgtest-dev libgmock-dev
  qtkeychain-qt6-dev
  xvfb xauth fonts-dejavu-core
  librsvg2-bin desktop-file-utils appstream groff-base man-db
  debhelper dpkg-dev fakeroot lintian
  clang libclang-rt-14-dev
)
runtime_pkgs=(
  libvirt-daemon-system libvirt-daemon-driver-qemu libvirt-clients
  qemu-system-x86 qemu-system-ppc qemu-system-arm qemu-efi-aarch64
  qemu-system-s390x qemu-system-misc qemu-utils qemu-system-data
  ipxe-qemu seabios ovmf dnsmasq-base iptables
  cpio kmod xz-utils
  openssh-server openssh-client gnutls-bin sasl2-bin libsasl2-modules
  gnome-keyring dbus
)

pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--build-only" ] || pkgs+=("${runtime_pkgs[@]}")

# qemu-system-s390x is a virtual package in Debian 12 (qemu-system-misc provides
# it): dpkg never lists it as installed, so look for its binary instead.
is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" && return 0
  case "$1" in
    qemu-system-s390x) command -v qemu-system-s390x >/dev/null ;;
    *) return 1 ;;
  esac
}

missing=()
for p in "${pkgs[@]}"; do
  is_installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# Without systemd, the daemons' postinst scripts cannot start services; that is
# fine: the test harness starts libvirtd and virtlogd itself.
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

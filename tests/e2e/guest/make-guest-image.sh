#!/usr/bin/env bash
# Makes the Crossvirt e2e test guest of one arch from Debian's own packages: the
# distribution kernel and busybox-static of that arch, downloaded with apt through a
# private configuration (no dpkg --add-architecture), unpacked with dpkg -x, and an
# initramfs (gzip newc cpio) with busybox, the drivers the guest devices need and the
# report /init (tests/e2e/guest/init).
#
# Usage: make-guest-image.sh <libvirt-arch>
#   x86_64 i686 ppc64le ppc64 aarch64 s390x riscv64 armv7l
# Cache: ${CROSSVIRT_GUEST_CACHE:-/var/cache/crossvirt/guest-images}; a second run is
# offline. Prints as its last stdout line the directory with kernel, initrd, image.env.
set -euo pipefail

ARCH=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${CROSSVIRT_GUEST_CACHE:-/var/cache/crossvirt/guest-images}
MIRROR=${CROSSVIRT_DEBIAN_MIRROR:-http://deb.debian.org/debian}

fail() { echo "make-guest-image.sh ($ARCH): $*" >&2; exit 1; }
log() { echo "make-guest-image.sh ($ARCH): $*" >&2; }

NOTE=""
case "$ARCH" in
    x86_64)  DEB_ARCH=amd64;   SUITE=bookworm; KPKG=linux-image-amd64 ;;
    i686)    DEB_ARCH=i386;    SUITE=bookworm; KPKG=linux-image-686 ;;
    ppc64le) DEB_ARCH=ppc64el; SUITE=bookworm; KPKG=linux-image-powerpc64le ;;
    ppc64)   DEB_ARCH=ppc64el; SUITE=bookworm; KPKG=linux-image-powerpc64le
             NOTE="ppc64 uses the ppc64el kernel and busybox (QEMU's pseries boots a little-endian kernel for a ppc64 guest): Debian's archive has no big-endian ppc64 kernel (only the unofficial debian-ports)" ;;
    aarch64) DEB_ARCH=arm64;   SUITE=bookworm; KPKG=linux-image-arm64 ;;
    s390x)   DEB_ARCH=s390x;   SUITE=bookworm; KPKG=linux-image-s390x ;;
    riscv64) DEB_ARCH=riscv64; SUITE=trixie;   KPKG=linux-image-riscv64
             NOTE="riscv64 comes from Debian 13 trixie: Debian 12 has no riscv64" ;;
    armv7l)  DEB_ARCH=armhf;   SUITE=bookworm; KPKG=linux-image-armmp ;;
    "") echo "usage: make-guest-image.sh <x86_64|i686|ppc64le|ppc64|aarch64|s390x|riscv64|armv7l>" >&2; exit 2 ;;
    *) fail "unknown arch (known: x86_64 i686 ppc64le ppc64 aarch64 s390x riscv64 armv7l)" ;;
esac

for tool in apt-get apt-cache dpkg depmod cpio gzip xz flock sha256sum awk; do
    command -v "$tool" >/dev/null || fail "needs '$tool' (scripts/install-deps.sh installs it)"
done

OUT="$CACHE/$ARCH"
DEBS="$CACHE/debs/$DEB_ARCH-$SUITE"
mkdir -p "$CACHE" "$DEBS" 2>/dev/null || fail "cannot create the cache directory $CACHE (set CROSSVIRT_GUEST_CACHE)"

# The image depends on this script and the guest init: rebuild (offline) when they change.
STAMP=$(cat "$HERE/make-guest-image.sh" "$HERE/init" | sha256sum | cut -c1-16)

fresh() {
    [ -f "$OUT/image.env" ] && [ -f "$OUT/kernel" ] && [ -f "$OUT/initrd" ] \
        && grep -qx "STAMP=$STAMP" "$OUT/image.env"
}
if fresh; then echo "$OUT"; exit 0; fi

# Two processes making the same arch wait for each other; the second then finds it fresh.
exec 9>"$CACHE/.lock-$ARCH"
flock 9 || fail "cannot lock $CACHE/.lock-$ARCH"
if fresh; then echo "$OUT"; exit 0; fi

# ---- download (skipped when the packages are cached) ------------------------------------
APTDIR="$CACHE/apt/$SUITE"
aptopts() {
    echo -o Dir::Etc::SourceList="$APTDIR/sources.list" -o Dir::Etc::SourceParts="$APTDIR/empty" \
        -o Dir::Etc::Preferences="$APTDIR/empty/none" -o Dir::Etc::PreferencesParts="$APTDIR/empty" \
        -o Dir::State="$APTDIR/state" -o Dir::State::status=/dev/null -o Dir::Cache="$APTDIR/cache" \
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root -o APT::Architecture="$DEB_ARCH" \
        -o Acquire::Retries=3 -q
}

if [ ! -f "$DEBS/packages.done" ]; then
    mkdir -p "$APTDIR/state/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/empty"
    case "$SUITE" in
        bookworm) echo "deb [arch=amd64,i386,arm64,armhf,ppc64el,s390x] $MIRROR bookworm main" ;;
        trixie) echo "deb [arch=riscv64] $MIRROR trixie main" ;;
    esac > "$APTDIR/sources.list"
    (
        # One apt update per suite at a time (all arches of a suite share its lists).
        flock 8
        if [ ! -f "$APTDIR/updated" ] || [ -n "$(find "$APTDIR/updated" -mmin +1440 2>/dev/null)" ]; then
            log "apt-get update ($SUITE)"
            # shellcheck disable=SC2046
            apt-get $(aptopts) update >&2 || exit 1
            touch "$APTDIR/updated"
        fi
    ) 8>"$APTDIR.lock" || fail "apt-get update of $SUITE from $MIRROR failed (no network?)"

    # linux-image-<flavour> is a metapackage: the kernel is in the versioned package it needs.
    # shellcheck disable=SC2046
    KIMG=$(apt-cache $(aptopts) depends "$KPKG" 2>/dev/null \
        | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
    [ -n "$KIMG" ] || fail "cannot resolve $KPKG ($DEB_ARCH, $SUITE) to a versioned kernel package"
    rm -f "$DEBS"/*.deb
    log "downloading $KIMG and busybox-static ($DEB_ARCH, $SUITE)"
    # shellcheck disable=SC2046
    (cd "$DEBS" && apt-get $(aptopts) download "$KIMG" busybox-static >&2) \
        || fail "apt-get download of $KIMG busybox-static failed"
    ls "$DEBS"/linux-image-*.deb "$DEBS"/busybox-static_*.deb >/dev/null 2>&1 \
        || fail "the download left no .deb in $DEBS"
    echo "$KIMG" > "$DEBS/packages.done"
fi

# ---- unpack and assemble ----------------------------------------------------------------
WORK=$(mktemp -d "$CACHE/.work-$ARCH.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
log "unpacking"
for deb in "$DEBS"/*.deb; do
    dpkg -x "$deb" "$WORK/pkg" || fail "dpkg -x $deb failed"
done
KVER=$(ls "$WORK/pkg/lib/modules" 2>/dev/null | head -n1)
[ -n "$KVER" ] || fail "the kernel package holds no /lib/modules/<version>"
KSRC=""
for k in "$WORK/pkg/boot/vmlinuz-$KVER" "$WORK/pkg/boot/vmlinux-$KVER"; do
    [ -f "$k" ] && KSRC=$k && break
done
[ -n "$KSRC" ] || fail "no /boot/vmlinu[xz]-$KVER in the kernel package"
BB="$WORK/pkg/bin/busybox"
[ -x "$BB" ] || fail "busybox-static holds no /bin/busybox"

mkdir -p "$WORK/out"
# arm64 and riscv64 vmlinuz are gzip-compressed Images; QEMU's -kernel wants them plain.
if [ "$(head -c2 "$KSRC" | od -An -tx1 | tr -d ' ')" = "1f8b" ]; then
    gzip -dc "$KSRC" > "$WORK/out/kernel"
else
    cp "$KSRC" "$WORK/out/kernel"
fi

R="$WORK/root"
mkdir -p "$R"/{bin,sbin,etc,proc,sys,dev,tmp,run,root,lib/modules/"$KVER"}
cp "$BB" "$R/bin/busybox"
# Every applet as a link, so inittab and scripts can call them by name.
for applet in sh ash mount umount ls cat echo dd head tail sed awk grep tr cut sort wc sleep \
    readlink basename mkdir mv rm cp ln printf uname insmod modprobe lsmod dmesg sync \
    cttyhack od find stat seq uptime ps kill free df vi less mknod hexdump true false test \
    date env id sha256sum ip ifconfig xxd chmod; do
    ln -s busybox "$R/bin/$applet"
done
for applet in init poweroff reboot halt; do ln -s ../bin/busybox "$R/sbin/$applet"; done

# Modules: the drivers the guests' devices need, with everything modules.dep says they need.
MODSRC="$WORK/pkg/lib/modules/$KVER"
MODDST="$R/lib/modules/$KVER"
wanted_re='^kernel/(drivers/virtio/|drivers/block/virtio_blk|drivers/scsi/(sd_mod|sr_mod|sg|virtio_scsi|scsi_mod|scsi_common|scsi_transport_srp|ibmvscsi/)|drivers/ata/(libata|libahci|ahci|ata_piix|ata_generic|pata_acpi)|drivers/cdrom/|drivers/usb/(core|common|host/(xhci|ehci|ohci|uhci)|storage/usb-storage)|drivers/net/(virtio_net|net_failover|mii|ethernet/(intel/e1000/|intel/e1000e/|realtek/8139|ibm/ibmveth))|net/core/failover|drivers/gpu/drm/(drm_kms_helper|drm_shmem_helper|drm_ttm_helper|drm_vram_helper|tiny/(bochs|cirrus)|virtio/|qxl/|ttm/)|drivers/video/fbdev/core/|drivers/char/(virtio_console|hw_random/virtio)|drivers/input/(evdev|keyboard/gpio_keys)|drivers/gpio/gpio-pl061|drivers/acpi/button|drivers/s390/(virtio|block/dasd|char/)|drivers/tty/hvc/)'
# Never a watchdog: a test guest must not be reset behind the test's back.
never_re='/watchdog/|wdt|_wd\.|softdog|diag288|i6300esb|/misc/(pcspkr|uinput|ims-pcu|ati_remote2|keyspan|yealink|cm109|powermate)'
# Debian's postinst makes modules.dep; do the same in the unpacked tree (depmod reads
# foreign-arch modules fine).
depmod -b "$WORK/pkg" "$KVER" 2>"$WORK/depmod.err" || { cat "$WORK/depmod.err" >&2; fail "depmod failed"; }
[ -f "$MODSRC/modules.dep" ] || fail "depmod made no modules.dep"
awk -v want="$wanted_re" -v never="$never_re" '
    function base(p) { sub(/\.ko(\.xz|\.zst|\.gz)?$/, "", p); return p }
    function visit(m,   n, i, parts) {
        if (m in seen) return
        seen[m] = 1
        if (m ~ never) return
        n = split(deps[m], parts, " ")
        for (i = n; i >= 1; i--) visit(parts[i])
        print m
    }
    {
        m = $1; sub(/:$/, "", m)
        line = $0; sub(/^[^:]*:[ ]*/, "", line)
        deps[m] = line; order[++count] = m
    }
    END { for (i = 1; i <= count; i++) if (base(order[i]) ~ want && order[i] !~ never) visit(order[i]) }
' "$MODSRC/modules.dep" > "$WORK/load.list.raw"
[ -s "$WORK/load.list.raw" ] || fail "no driver module matched in $KVER's modules.dep"
: > "$MODDST/load.list"
while read -r m; do
    mkdir -p "$MODDST/$(dirname "$m")"
    case "$m" in
        *.ko.xz) xz -dc "$MODSRC/$m" > "$MODDST/${m%.xz}" || fail "cannot decompress $m (needs xz-utils)"; m=${m%.xz} ;;
        *.ko.zst) zstd -qdc "$MODSRC/$m" > "$MODDST/${m%.zst}" || fail "cannot decompress $m (needs zstd)"; m=${m%.zst} ;;
        *.ko.gz) gzip -dc "$MODSRC/$m" > "$MODDST/${m%.gz}"; m=${m%.gz} ;;
        *) cp "$MODSRC/$m" "$MODDST/$m" ;;
    esac
    echo "$m" >> "$MODDST/load.list"
done < "$WORK/load.list.raw"
grep -Eq "$never_re" "$MODDST/load.list" && fail "a watchdog module slipped into the image"

cp "$HERE/init" "$R/etc/crossvirt-report"
chmod 755 "$R/etc/crossvirt-report"
cat > "$R/init" <<'EOF'
#!/bin/sh
# PID 1: mount the kernel filesystems, then busybox init runs /etc/inittab.
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec /bin/busybox init
EOF
chmod 755 "$R/init"
CAD_SOURCE=ctrlaltdel
[ "$ARCH" = s390x ] && CAD_SOURCE=sclp
cat > "$R/etc/inittab" <<EOF
::sysinit:/etc/crossvirt-report
::respawn:/bin/cttyhack /bin/sh -l
::ctrlaltdel:/sbin/crossvirt-power $CAD_SOURCE
::shutdown:/bin/sync
EOF
cat > "$R/sbin/crossvirt-power" <<'EOF'
#!/bin/sh
# A power-off request from outside (ACPI / gpio-keys button, RTAS EPOW, SCLP quiesce):
# say so on the console, then power off cleanly through init.
echo "CROSSVIRT-POWEROFF-REQUEST source=${1:-unknown}" > /dev/console
exec /bin/busybox poweroff
EOF
chmod 755 "$R/sbin/crossvirt-power"
cat > "$R/etc/profile" <<'EOF'
export PATH=/sbin:/bin
export PS1='crossvirt-guest# '
EOF
echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
# The kernel opens /dev/console for init before devtmpfs is mounted.
mknod -m 600 "$R/dev/console" c 5 1 2>/dev/null || log "cannot mknod /dev/console (not root?): relying on devtmpfs"

(cd "$R" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet -R 0:0) \
    | gzip -9n > "$WORK/out/initrd" || fail "cpio/gzip of the initramfs failed"

cat > "$WORK/out/image.env" <<EOF
KERNEL=$OUT/kernel
INITRD=$OUT/initrd
KERNEL_VERSION=$KVER
DEBIAN_ARCH=$DEB_ARCH
SUITE=$SUITE
KERNEL_PACKAGE=$(cat "$DEBS/packages.done")
MODULES=$(wc -l < "$MODDST/load.list")
NOTE="$NOTE"
STAMP=$STAMP
EOF
rm -rf "$OUT"
mv "$WORK/out" "$OUT"
log "made: kernel $KVER, $(wc -l < "$MODDST/load.list") modules, initrd $(du -k "$OUT/initrd" | cut -f1) KiB"
echo "$OUT"

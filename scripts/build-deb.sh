#!/usr/bin/env bash
# Builds the Debian package from this tree (debian/, dpkg-buildpackage -us -uc -b),
# runs lintian on it, installs it with apt, checks its file list, its desktop entry
# (validated, and its Exec line started offscreen) and its man pages, then purges it
# and checks that nothing of it is left. Needs root (apt) and the build dependencies
# (scripts/install-deps.sh). Prints what each step took.
# Usage: scripts/build-deb.sh [--keep-installed]   (OUT_DIR=build-deb by default)
# The .deb files end up in OUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
OUT_DIR=${OUT_DIR:-$SRC/build-deb}
KEEP=0
[ "${1:-}" = "--keep-installed" ] && KEEP=1
start=$(date +%s)
step() { echo "build-deb: $* ($(( $(date +%s) - start )) s)"; }
fail() { echo "build-deb: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and removes the package with apt)"
for tool in dpkg-buildpackage dh lintian desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh"
done

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
project_version=$(sed -n 's/^project(Crossvirt VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ "${version%%-*}" = "$project_version" ] ||
  fail "debian/changelog says $version but CMakeLists.txt says $project_version: add a changelog entry"

# Build in a copy of the tree at a fixed path: the source tree stays clean, and the
# compiler sees the same paths (-ffile-prefix-map) in every clone, so ccache hits.
WORK=${CROSSVIRT_DEB_WORKDIR:-/var/tmp/crossvirt-deb}
tree=$WORK/crossvirt-$project_version
rm -rf "$tree" "$WORK"/crossvirt*_*
mkdir -p "$tree" "$OUT_DIR"
# Tracked and new files, with uncommitted changes (a file deleted but not yet committed
# is skipped with a warning).
git ls-files -z --cached --others --exclude-standard |
  tar -C "$SRC" --null -T - --ignore-failed-read -cf - | tar -C "$tree" -xf -
step "source copied to $tree"

# debhelper points HOME at a scratch folder: give ccache its real cache and settings.
if command -v ccache >/dev/null; then
  CCACHE_DIR=$(ccache -k cache_dir)
  export CCACHE_DIR CCACHE_BASEDIR=$tree CCACHE_NOHASHDIR=1 CCACHE_STATSLOG=$WORK/ccache.log
  rm -f "$CCACHE_STATSLOG"
fi
(cd "$tree" && dpkg-buildpackage -us -uc -b -j"$(nproc)") > "$WORK/build.log" 2>&1 ||
  { tail -n 60 "$WORK/build.log" >&2; fail "dpkg-buildpackage (full log: $WORK/build.log)"; }
if [ -f "$WORK/ccache.log" ]; then
  ccache --show-log-stats | grep -Ei "^ *(hits|misses)" | sed 's/^ */build-deb: ccache (this build): /'
fi
deb=$(ls "$WORK"/crossvirt_"${version}"_*.deb)
cp "$WORK"/crossvirt*_"${version}"_*.deb "$WORK"/crossvirt_"${version}"_*.changes "$OUT_DIR"/
deb=$OUT_DIR/$(basename "$deb")
step "built $deb"

# lintian: errors fail, warnings are printed.
lintian_out=$(lintian --tag-display-limit 0 "$WORK"/crossvirt_"${version}"_*.changes 2>&1) || true
echo "$lintian_out" | sed 's/^/build-deb: lintian: /'
if grep -q '^E:' <<<"$lintian_out"; then fail "lintian reports errors"; fi
step "lintian: $(grep -c '^E:' <<<"$lintian_out" || true) errors, $(grep -c '^W:' <<<"$lintian_out" || true) warnings"

# The file list: programs, desktop data, icons, translations, man pages.
expected=(
  /usr/bin/crossvirt
  /usr/bin/crossvirt-cli
  /usr/share/applications/io.github.crossvirt.Crossvirt.desktop
  /usr/share/metainfo/io.github.crossvirt.Crossvirt.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/io.github.crossvirt.Crossvirt.svg
  /usr/share/icons/hicolor/16x16/apps/io.github.crossvirt.Crossvirt.png
  /usr/share/icons/hicolor/48x48/apps/io.github.crossvirt.Crossvirt.png
  /usr/share/icons/hicolor/256x256/apps/io.github.crossvirt.Crossvirt.png
  /usr/share/crossvirt/translations/crossvirt_pt_BR.qm
  /usr/share/man/man1/crossvirt.1.gz
  /usr/share/man/man1/crossvirt-cli.1.gz
  /usr/share/doc/crossvirt/copyright
)
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\.||')
for f in "${expected[@]}"; do
  grep -qx "$f" <<<"$contents" || fail "$f is not in the package"
done
unexpected=$(grep -vE '^/usr/(bin|share/(applications|metainfo|icons/hicolor|crossvirt|man/man1|doc/crossvirt))(/|$)|^/$|^/usr/$|^/usr/share/$|^/usr/share/(icons|man|doc)/$' <<<"$contents" || true)
[ -z "$unexpected" ] || fail "unexpected files in the package: $unexpected"
step "file list checked ($(wc -l <<<"$contents") entries)"

# Install, with the dependencies apt finds for it.
export DEBIAN_FRONTEND=noninteractive
dpkg -r crossvirt >/dev/null 2>&1 || true
apt-get install -y -q --no-install-recommends "$deb" > "$WORK/install.log" 2>&1 ||
  { cat "$WORK/install.log" >&2; fail "apt-get install $deb"; }
step "installed"

desktop=/usr/share/applications/io.github.crossvirt.Crossvirt.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
appstreamcli validate --no-net /usr/share/metainfo/io.github.crossvirt.Crossvirt.metainfo.xml ||
  fail "appstreamcli validate"
# Start what the menu entry starts, offscreen, for a few seconds: it must come up
# and keep running (timeout's 124), not exit with an error.
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | sed 's/ %[fFuU]//g')
tryexec=$(sed -n 's/^TryExec=//p' "$desktop")
command -v "$tryexec" >/dev/null || fail "TryExec $tryexec is not on PATH"
home=$(mktemp -d)
rc=0
HOME=$home XDG_CONFIG_HOME=$home/.config QT_QPA_PLATFORM=offscreen \
  timeout 8 $exec_line > "$WORK/run.log" 2>&1 || rc=$?
rm -rf "$home"
[ "$rc" -eq 124 ] || { cat "$WORK/run.log" >&2; fail "the desktop entry's '$exec_line' ended with $rc instead of running"; }
crossvirt-cli --version | grep -qx "crossvirt-cli $project_version" || fail "crossvirt-cli --version"
if command -v man >/dev/null; then
  man -w crossvirt-cli >/dev/null && man -w crossvirt >/dev/null || fail "man does not find the man pages"
fi
step "desktop entry validated, '$exec_line' ran, man pages found"

[ "$KEEP" -eq 1 ] && { step "kept installed"; exit 0; }

# Purge and check nothing of the package is left.
files=$(dpkg -L crossvirt)
apt-get purge -y -q crossvirt > "$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log" >&2; fail "apt-get purge"; }
dpkg-query -W -f='${Status}\n' crossvirt 2>/dev/null | grep -q installed && fail "crossvirt is still installed"
left=""
while IFS= read -r f; do
  [ -f "$f" ] || [ -L "$f" ] && left+="$f "
done <<<"$files"
[ -z "$left" ] || fail "left behind after purge: $left"
for d in /usr/share/crossvirt /usr/share/doc/crossvirt; do
  [ ! -e "$d" ] || fail "$d left behind after purge"
done
step "purged cleanly"
rm -rf "$tree"
step "done: $deb"

#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks what the desktop, AppStream and
# man see. Usage: check-install.sh BUILD_DIR SOURCE_DIR VERSION LRELEASE "QM NAMES"
set -euo pipefail
build=$1 src=$2 version=$3 lrelease=$4 qm_names=$5
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
for tool in desktop-file-validate appstreamcli groff; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is missing (scripts/install-deps.sh installs it)"
    exit 77
  fi
done
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
id=io.github.crossvirt.Crossvirt
share=$prefix/share

# crossvirt-askpass: ssh runs it for qemu+ssh passwords; Crossvirt looks for it beside itself.
for f in bin/crossvirt bin/crossvirt-cli bin/crossvirt-askpass; do
  [ -x "$prefix/$f" ] || fail "$f is not installed"
done

desktop=$share/applications/$id.desktop
if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then :; else
  fail "desktop-file-validate $desktop: ${out:-missing}"
fi
grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's Icon is not $id"
grep -qx "Exec=crossvirt" "$desktop" || fail "the desktop entry does not start crossvirt"

metainfo=$share/metainfo/$id.metainfo.xml
# Errors and warnings fail; infos and pedantic notes (the id's capital letter) do not.
out=$(appstreamcli validate --no-net "$metainfo" 2>&1) || fail "appstreamcli validate: $out"
grep -E '^[EW]:' <<<"$out" && fail "appstreamcli reports errors or warnings"
grep -q "<release version=\"$version\" date=\"[0-9-]*\"" "$metainfo" ||
  fail "the metainfo has no release $version with a date"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  fail "the metainfo does not launch $id.desktop"
# The screenshots are the README's, by URL (AppStream requires http(s)).
while read -r url; do
  file=${url#*/main/}
  [ -f "$src/$file" ] || fail "the metainfo's screenshot $url is not $file in the tree"
done < <(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$metainfo")

changelog_version=$(sed -n '1s/^crossvirt (\([^)-]*\).*/\1/p' "$src/debian/changelog")
[ "$changelog_version" = "$version" ] ||
  fail "debian/changelog is at $changelog_version, the project at $version"

[ -f "$share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256; do
  png=$share/icons/hicolor/${size}x${size}/apps/$id.png
  if [ ! -f "$png" ]; then fail "no ${size}x${size} icon"; continue; fi
  # PNG IHDR: width and height, big-endian, at bytes 16..23.
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" |
    awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "$png is ${w}x${h}, not ${size}x${size}"
done

for n in $qm_names; do
  [ -s "$share/crossvirt/translations/$n.qm" ] || fail "no $n.qm in share/crossvirt/translations"
done

for page in crossvirt crossvirt-cli; do
  man=$share/man/man1/$page.1
  if [ ! -s "$man" ]; then fail "no man page $page.1"; continue; fi
  # groff's own warnings are what lintian reports as manpage-has-errors-from-man.
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$man" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about $page.1: $warnings"
done

# Every command crossvirt-cli --help lists, and every option of crossvirt --help, has
# its place in the man page.
cli=$prefix/bin/crossvirt-cli
cli_man=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -P-cbou "$share/man/man1/crossvirt-cli.1" 2>/dev/null)
commands=$(LC_ALL=C.UTF-8 "$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([^ ]*\).*/\1/p')
[ -n "$commands" ] || fail "crossvirt-cli --help lists no commands"
for c in $commands; do
  grep -q "^   $c\$" <<<"$cli_man" || fail "the crossvirt-cli man page has no section for $c"
  for opt in $(LC_ALL=C.UTF-8 "$cli" --connect test:///default "$c" --help |
               grep -oE -- '--[a-z][a-z0-9-]*' | sort -u); do
    grep -q -- "$opt" <<<"$cli_man" || fail "the man page does not mention $c's $opt"
  done
done
gui_man=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -P-cbou "$share/man/man1/crossvirt.1" 2>/dev/null)
for opt in $(LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen "$prefix/bin/crossvirt" --help |
             grep -oE -- '--[a-z][a-z0-9-]*' | sort -u); do
  grep -q -- "$opt" <<<"$gui_man" || fail "the crossvirt man page does not mention $opt"
done

# The installed programs load the installed translation (before the built-in copy):
# replace it with one whose "unknown command" text is a marker.
ts=$prefix/marker.ts
cat > "$ts" <<'TS'
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context><name>cli</name>
<message><source>unknown command %1</source><translation>MARKER-FROM-INSTALLED-QM %1</translation></message>
</context>
</TS>
TS
"$lrelease" -silent "$ts" -qm "$share/crossvirt/translations/crossvirt_pt_BR.qm"
out=$(LANGUAGE=pt_BR LC_ALL=pt_BR.UTF-8 LANG=pt_BR.UTF-8 "$cli" no-such-command 2>&1 || true)
grep -q "MARKER-FROM-INSTALLED-QM no-such-command" <<<"$out" ||
  fail "the installed crossvirt-cli did not load share/crossvirt/translations: $out"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "install checks passed ($prefix)"

#!/bin/bash
# Measures Debian's virt-manager and Crossvirt on the same generated test-driver host
# files under the same Xvfb, the same way (the process's own CPU and memory from /proc:
# CPU from process start to the end of the warm-up, then CPU per minute over the steady
# window, VmRSS after it and VmHWM), and prints them side by side with the ratio.
#
#   bench/compare-virt-manager.sh [--warmup S] [--seconds S] [--no-ten] [--markdown]
#                                 [--bench PATH] [--json-dir DIR]
#
# --bench      crossvirt-bench to use (default build/bench/crossvirt-bench)
# --no-ten     skip the 10 hosts × 1000 VMs pair (about 4 minutes)
# --json-dir   keep the figures (virt-manager-HxV.json, crossvirt-HxV.json) there
#
# virt-manager runs with a private HOME and XDG directories and GSettings in a key file
# there (GSETTINGS_BACKEND=keyfile), so the user's own settings are neither read nor
# changed. Its statistics are set to what Crossvirt polls by default: every 3 s (its own
# default too), CPU, memory, disk and network (its defaults poll CPU only). Its manager
# list shows the CPU usage graph column (its default), as Crossvirt's tree shows the CPU
# sparkline. Installs virt-manager and Xvfb (apt-get, as root) when they are missing.
set -euo pipefail

BENCH=build/bench/crossvirt-bench
WARMUP=40
STEADY=60
TEN=1
MARKDOWN=()
JSON_DIR=
while [ $# -gt 0 ]; do
    case "$1" in
        --warmup) WARMUP=$2; shift 2 ;;
        --seconds) STEADY=$2; shift 2 ;;
        --no-ten) TEN=0; shift ;;
        --markdown) MARKDOWN=(--markdown); shift ;;
        --bench) BENCH=$2; shift 2 ;;
        --json-dir) JSON_DIR=$2; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "compare-virt-manager.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$BENCH" ] || { echo "compare-virt-manager.sh: no $BENCH (build crossvirt-bench first, or --bench PATH)" >&2; exit 1; }
BENCH=$(readlink -f "$BENCH")

if ! command -v virt-manager >/dev/null || ! command -v Xvfb >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        echo "compare-virt-manager.sh: virt-manager or Xvfb is missing; run as root to install them" >&2
        exit 1
    fi
    echo "compare-virt-manager.sh: installing virt-manager and Xvfb" >&2
    apt-get install -y --no-install-recommends virt-manager xvfb >&2
fi
VM_VERSION=$(dpkg-query -W -f '${Version}' virt-manager 2>/dev/null || echo unknown)

WORK=$(mktemp -d /tmp/compare-virt-manager-XXXXXX)
XVFB_PID=
VM_PID=
cleanup() {
    [ -n "$VM_PID" ] && kill "$VM_PID" 2>/dev/null && wait "$VM_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# One Xvfb for both programs; -displayfd picks a free display number.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || { echo "compare-virt-manager.sh: Xvfb did not start" >&2; cat "$WORK/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(cat "$WORK/display")"

TICK=$(getconf CLK_TCK)
# CPU seconds (utime + stime) of process $1.
cpu_of() { awk -v t="$TICK" '{ sub(/.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat"; }
# Seconds since process $1 started (starttime and /proc/uptime both count from boot).
age_of() {
    awk -v t="$TICK" -v up="$(cut -d' ' -f1 /proc/uptime)" \
        '{ sub(/.*\) /, ""); print up - $20 / t }' "/proc/$1/stat"
}
# VmRSS or VmHWM of process $2, in MB (10^6 bytes).
mem_of() { awk -v k="$1:" '$1 == k { print $2 * 1024 / 1e6 }' "/proc/$2/status"; }
alive() { kill -0 "$1" 2>/dev/null; }

measure_virt_manager() { # HOSTS VMS OUT.json
    local hosts=$1 vms=$2 out=$3 dir="$WORK/vm-$1x$2" uris=() h
    mkdir -p "$dir/home" "$dir/config" "$dir/data" "$dir/cache"
    for ((h = 0; h < hosts; h++)); do
        "$BENCH" --write-host-file "$dir/host-$h.xml" --vms "$vms" --host-no "$h"
        uris+=("test://$dir/host-$h.xml")
    done
    local env=(env HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
               XDG_CACHE_HOME="$dir/cache" GSETTINGS_BACKEND=keyfile NO_AT_BRIDGE=1)
    local s=org.virt-manager.virt-manager
    "${env[@]}" gsettings set $s.stats update-interval 3
    local poll
    for poll in cpu memory disk net; do "${env[@]}" gsettings set $s.stats enable-$poll-poll true; done
    "${env[@]}" gsettings set $s.vmlist-fields cpu-usage true
    local args=(--no-fork)
    if [ "$hosts" = 1 ]; then
        args+=(--connect "${uris[0]}")
    else # several hosts: saved and autoconnected, as a user with several hosts has them
        local list
        list="[$(printf "'%s'," "${uris[@]}" | sed 's/,$//')]"
        "${env[@]}" gsettings set $s.connections uris "$list"
        "${env[@]}" gsettings set $s.connections autoconnect "$list"
    fi
    echo "compare-virt-manager.sh: virt-manager $VM_VERSION, $hosts host(s) × $vms VMs; settings:" >&2
    "${env[@]}" gsettings list-recursively $s.stats | sed 's/^/    /' >&2

    "${env[@]}" virt-manager "${args[@]}" >"$dir/virt-manager.log" 2>&1 &
    VM_PID=$!
    local pid=$VM_PID error=""
    while alive "$pid" && awk -v a="$(age_of "$pid")" -v w="$WARMUP" 'BEGIN { exit !(a < w) }'; do
        sleep 0.2
    done
    local warm_cpu=-1 steady=-1 rss=-1 hwm=-1
    if alive "$pid"; then
        warm_cpu=$(cpu_of "$pid")
        local t0; t0=$(cut -d' ' -f1 /proc/uptime)
        sleep "$STEADY"
        if alive "$pid"; then
            local cpu1 t1; cpu1=$(cpu_of "$pid"); t1=$(cut -d' ' -f1 /proc/uptime)
            steady=$(awk -v a="$warm_cpu" -v b="$cpu1" -v t0="$t0" -v t1="$t1" \
                'BEGIN { print (b - a) / ((t1 - t0) / 60) }')
            rss=$(mem_of VmRSS "$pid"); hwm=$(mem_of VmHWM "$pid")
        fi
    fi
    alive "$pid" || error="virt-manager exited early (see its log: $(tail -n 3 "$dir/virt-manager.log" | tr '\n"' ' _'))"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    VM_PID=
    cat >"$out" <<EOF
{"program": "virt-manager $VM_VERSION", "hosts": $hosts, "vmsPerHost": $vms,
 "warmupSeconds": $WARMUP, "steadySeconds": $STEADY, "error": "$error",
 "warmupCpuSeconds": $warm_cpu, "steadyCpuPerMinute": $steady, "rssMB": $rss, "peakRssMB": $hwm}
EOF
}

pairs=("1 1000")
[ "$TEN" = 1 ] && pairs+=("10 1000")
mkdir -p "$WORK/json"
for pair in "${pairs[@]}"; do
    set -- $pair
    measure_virt_manager "$1" "$2" "$WORK/json/virt-manager-$1x$2.json"
    # Crossvirt on the same X server (xcb, as on a desktop) with the same windows.
    QT_QPA_PLATFORM=xcb "$BENCH" --gui --hosts "$1" --vms "$2" --warmup "$WARMUP" \
        --seconds "$STEADY" --compare "$WORK/json/virt-manager-$1x$2.json" \
        --json "$WORK/json/crossvirt-$1x$2.json" "${MARKDOWN[@]}"
    echo
done
if [ -n "$JSON_DIR" ]; then
    mkdir -p "$JSON_DIR"
    cp "$WORK"/json/*.json "$JSON_DIR"/
fi

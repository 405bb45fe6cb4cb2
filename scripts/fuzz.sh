#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) in their own folder when
# needed and runs each for SECONDS on a scratch copy of its seed corpus
# (fuzz/corpus/<target>; the tree's corpus is never written). Prints per target the
# inputs run, exec/s, coverage (cov = edges, ft = features) and the corpus size; fails
# when any target finds a crash, a leak, a timeout or runs out of memory (the input is
# kept in the scratch folder and named in the output).
# Usage: scripts/fuzz.sh SECONDS [TARGET...]
#   FUZZ_BUILD_DIR (default build-fuzz), FUZZ_WORK_DIR (default: a new temporary folder),
#   FUZZ_RUNS=N runs N inputs instead of a time limit (SECONDS is then only a cap),
#   FUZZ_KEEP=1 keeps the work folder (the grown corpus) after a clean run,
#   FUZZ_JOBS=N runs N targets at once (default: the number of cores),
#   FUZZ_SANITIZERS=undefined builds without ASan (in build-fuzz-undefined unless
#   FUZZ_BUILD_DIR says otherwise): several times faster, for runs of millions of inputs;
#   memory errors then show only when they crash,
#   FUZZ_RSS_LIMIT_MB (default 2560) is libFuzzer's -rss_limit_mb.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
all_targets=(host_capabilities domain_capabilities domain_xml serial_ansi vnc_server_messages)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
sanitizers=${FUZZ_SANITIZERS:-address,undefined}
case "$sanitizers" in
  address,undefined) build_dir=${FUZZ_BUILD_DIR:-build-fuzz} ;;
  undefined) build_dir=${FUZZ_BUILD_DIR:-build-fuzz-undefined} ;;
  *) echo "fuzz.sh: FUZZ_SANITIZERS is address,undefined or undefined" >&2; exit 2 ;;
esac

# The inputs a target may grow to: larger ones run slower and rarely reach more code.
# XML: 16 KiB holds a whole domain or domain capabilities and the host, CPU and several
# <guest>s of the largest capabilities (41 KiB, loaded cut there). The VNC target's single
# thread leaves the client's replies unread in the socket, which must hold them (see
# fuzz/vnc_server_messages.cpp).
max_len_of() {
  case "$1" in
    vnc_server_messages) echo 65536 ;;
    serial_ansi) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

dict_args() {
  case "$1" in
    host_capabilities | domain_capabilities | domain_xml) echo "-dict=fuzz/xml.dict" ;;
  esac
}

build_start=$(date +%s)
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCROSSVIRT_FUZZ=ON -DCROSSVIRT_FUZZ_SANITIZERS="$sanitizers" \
    -DCROSSVIRT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build_dir" --target fuzzers
echo "fuzz.sh: build took $(( $(date +%s) - build_start )) s"

work=${FUZZ_WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/crossvirt-fuzz-XXXXXX")}
mkdir -p "$work"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Each target runs in the background, as many at once as there are cores (FUZZ_JOBS):
# on CI's 2 cores the five 60 s runs take about 3 min instead of 5.
fuzz_one() {
  local t=$1 exe="$build_dir/fuzz/fuzz_$1" corpus="$work/corpus/$1" log="$work/$1.log"
  local limit=(-max_total_time="$seconds") start status=0
  [ -z "${FUZZ_RUNS:-}" ] || limit+=(-runs="$FUZZ_RUNS")
  rm -rf "$corpus"
  mkdir -p "$corpus" "$work/artifacts"
  cp "fuzz/corpus/$t"/* "$corpus"/
  start=$(date +%s)
  "$exe" "${limit[@]}" -max_len="$(max_len_of "$t")" -timeout=10 -rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2560}" \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" $(dict_args "$t") "$corpus" \
    >"$log" 2>&1 \
    || status=$?
  echo "$(( $(date +%s) - start ))" >"$work/$t.wall"
  echo "$status" >"$work/$t.status"
}

for t in "${targets[@]}"; do
  [ -x "$build_dir/fuzz/fuzz_$t" ] && [ -d "fuzz/corpus/$t" ] \
    || { echo "fuzz.sh: unknown target $t" >&2; exit 2; }
done
jobs_max=${FUZZ_JOBS:-$(nproc)}
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  fuzz_one "$t" &
done
wait

failed=()
summary=()
for t in "${targets[@]}"; do
  log="$work/$t.log"
  status=$(cat "$work/$t.status" 2>/dev/null || echo 255)
  wall=$(cat "$work/$t.wall" 2>/dev/null || echo '?')
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<<"$last")
  line=$(printf '%-20s runs %10s  %6s exec/s  cov %5s  ft %6s  corpus %-12s %5ss' \
    "$t" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$wall")
  if [ "$status" -ne 0 ]; then
    line+="  FAILED (exit $status)"
    failed+=("$t")
    echo "fuzz.sh: $t FAILED; its log ($log) ends with:" >&2
    tail -n 60 "$log" >&2
    ls -l "$work/artifacts"/"$t"-* >&2 2>/dev/null || true
  fi
  echo "$line"
  summary+=("$line")
done

echo "fuzz.sh: summary (inputs, exec/s, edges, features, corpus files/size, wall time):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]} (inputs and logs in $work)" >&2
  exit 1
fi
[ -n "${FUZZ_KEEP:-}" ] || [ -n "${FUZZ_WORK_DIR:-}" ] || rm -rf "$work"
echo "fuzz.sh: all ${#targets[@]} targets clean"

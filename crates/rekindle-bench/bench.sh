#!/usr/bin/env bash
# Prints the speed and memory table of the README: `rekindle neglected` on
# generated exports (30,000 connections; 20k, 200k and 1M messages) against
# the floor (inflate Connections.csv and messages.csv and walk every record
# once), plus `rekindle summary` on the shipped sample.
#
#   crates/rekindle-bench/bench.sh [RUNS]     (default 3 runs; the median is shown)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
sizes=(20000 200000 1000000)

cargo build --release -q -p rekindle-cli -p rekindle-gen -p rekindle-bench --bins
bin=target/release
out=target/bench-exports
mkdir -p "$out"

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run CMD… RUNS times; print "seconds peak_kib" medians
measure() {
  local secs=() kibs=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" > /dev/null
    read -r s k < "$out/time.txt"
    secs+=("$s"); kibs+=("$k")
  done
  printf '%s %s\n' "$(printf '%s\n' "${secs[@]}" | median)" "$(printf '%s\n' "${kibs[@]}" | median)"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(date -u +%Y-%m-%d)"
echo
printf '| messages | zip MB | floor s | neglected s | × floor | peak MB |\n'
printf '|---:|---:|---:|---:|---:|---:|\n'
declare -A took
for n in "${sizes[@]}"; do
  dir="$out/$n"
  zip="$dir/Complete_LinkedInDataExport_10-05-2026.zip"
  [ -f "$zip" ] || "$bin/rekindle-gen" --connections 30000 --messages "$n" --seed 7 --date 10-05-2026 --out "$dir" > /dev/null
  read -r floor _ < <(measure "$bin/floor" "$zip")
  read -r secs kib < <(measure "$bin/rekindle" neglected "$zip" --format json)
  took[$n]=$secs
  printf '| %s | %.1f | %.2f | %.2f | %.2f | %.0f |\n' "$n" \
    "$(stat -c %s "$zip" | awk '{print $1/1e6}')" "$floor" "$secs" \
    "$(awk -v a="$secs" -v b="$floor" 'BEGIN {print a/b}')" "$(awk -v k="$kib" 'BEGIN {print k/1024}')"
done
echo
first=${sizes[0]}; last=${sizes[${#sizes[@]}-1]}
awk -v a="${took[$last]}" -v b="${took[$first]}" -v n="$last" -v m="$first" \
  'BEGIN {printf "growth: %d messages take %.1f× the time of %d (linear would be %.0f×)\n", n, a/b, m, n/m}'

sample=data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip
start=$(date +%s.%N)
for _ in $(seq 20); do "$bin/rekindle" summary "$sample" > /dev/null; done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN {printf "summary on the shipped sample: %.0f ms per run (mean of 20)\n", (e-s)*1000/20}'

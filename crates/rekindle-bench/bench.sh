#!/usr/bin/env bash
# Prints the speed and memory table of the README, with issue 13's targets:
# `rekindle neglected` and `rekindle metrics --format json` on generated
# exports of 30,000 connections against the floor (inflate Connections.csv
# and messages.csv and walk every record once):
#
# - short message bodies (one sentence): 20k, 200k and 1M messages, where the
#   per-message work shows; the usual bodies (20 to 2,000 bytes): 1M;
# - a messages.csv of about 2 GiB of well-formed rows (16.6M messages, a
#   block of the 20k export's rows repeated, a zip of a few MB);
#
# then the growth factor from 20k to 16.6M messages, and `rekindle summary`
# on the shipped sample.
#
#   crates/rekindle-bench/bench.sh [RUNS]     (default 3 runs, the floor's and
#                                             rekindle's interleaved; medians shown)
#   BIN=DIR crates/rekindle-bench/bench.sh    (measure the binaries in DIR instead)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"

if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p rekindle-cli -p rekindle-gen -p rekindle-bench --bins
fi
bin="${BIN:-target/release}"
out=target/bench-exports
mkdir -p "$out"

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# once CMD…: run it once; print "seconds peak_kib". The time is the wall
# clock around the run in ns (time's own %e has 10 ms steps, half the floor
# at 20k messages).
once() {
  local t0 t1 k
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$out/time.txt" "$@" > /dev/null
  t1=$(date +%s%N)
  read -r k < "$out/time.txt"
  printf '%s %s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b-a)/1e9}')" "$k"
}

# export NAME MESSAGES [--short-bodies]: generate once, print the zip's path
export_zip() {
  local dir="$out/$1"; shift
  local zip="$dir/Complete_LinkedInDataExport_10-05-2026.zip"
  [ -f "$zip" ] || "$bin/rekindle-gen" --connections 30000 --messages "$1" --seed 7 --date 10-05-2026 --out "$dir" "${@:2}" > /dev/null
  echo "$zip"
}

# The 16.6M-row file: the 20k short export's Connections.csv and Profile.csv,
# and a messages.csv whose rows are its first 120 message rows (texts cut to
# "ok") over and over: 16.6M rows, about 2 GiB, deflated to a few MB.
repeated_zip() {
  local src=$1 zip="$out/repeated/Complete_LinkedInDataExport_10-05-2026.zip"
  mkdir -p "$out/repeated"
  [ -f "$zip" ] || python3 - "$src" "$zip" <<'PY'
import csv, io, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z:
    text = z.read("messages.csv").decode()
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:121]
    # Short texts, as in the issue's file: ~130 bytes a row.
    for column in ("SUBJECT", "CONTENT", "ATTACHMENTS"):
        if column in header:
            i = header.index(column)
            for r in body:
                r[i] = "ok" if column == "CONTENT" else ""
    block = io.StringIO()
    csv.writer(block, lineterminator="\n").writerows(body)
    block = block.getvalue().encode()
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(header)
    with zipfile.ZipFile(dst + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        for name in ("Profile.csv", "Connections.csv"):
            out.writestr(name, z.read(name))
        with out.open("messages.csv", "w", force_zip64=True) as f:
            f.write(head.getvalue().encode())
            for _ in range(16_600_000 // len(body)):
                f.write(block)
import os
os.replace(dst + ".part", dst)
PY
  echo "$zip"
}

# Peaks count the binary's code pages mapped in, and how many depends on how
# the page cache holds the file (one just linked or copied maps a few MB more
# than one read back from disk, as after an install or a reboot). As root,
# the cache is dropped first so every run maps what it reads from disk.
if [ -w /proc/sys/vm/drop_caches ]; then
  sync && echo 1 > /proc/sys/vm/drop_caches
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(date -u +%Y-%m-%d)"
echo
printf '| export | messages | zip MB | floor s | neglected s | × floor | peak MB | metrics json s | × floor | peak MB |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
declare -A took ratio peak metrics_ratio metrics_peak
row() {
  local label=$1 zip=$2 messages
  # The three interleaved, run after run, so that a busy minute on a
  # shared machine slows the floor as much as what is compared with it.
  local f=() n=() nk=() m=() mk=() t k
  for _ in $(seq "$runs"); do
    read -r t _ < <(once "$bin/floor" "$zip"); f+=("$t")
    read -r t k < <(once "$bin/rekindle" neglected "$zip" --format json); n+=("$t"); nk+=("$k")
    read -r t k < <(once "$bin/rekindle" metrics "$zip" --format json); m+=("$t"); mk+=("$k")
  done
  local floor neg neg_kib met met_kib
  floor=$(printf '%s\n' "${f[@]}" | median)
  neg=$(printf '%s\n' "${n[@]}" | median); neg_kib=$(printf '%s\n' "${nk[@]}" | median)
  met=$(printf '%s\n' "${m[@]}" | median); met_kib=$(printf '%s\n' "${mk[@]}" | median)
  messages=$("$bin/floor" "$zip" | sed -n 's/.*messages=\([0-9]*\).*/\1/p')
  took[$label]=$neg
  ratio[$label]=$(awk -v a="$neg" -v b="$floor" 'BEGIN {print a/b}')
  peak[$label]=$(awk -v k="$neg_kib" 'BEGIN {print k/1024}')
  metrics_ratio[$label]=$(awk -v a="$met" -v b="$floor" 'BEGIN {print a/b}')
  metrics_peak[$label]=$(awk -v k="$met_kib" 'BEGIN {print k/1024}')
  printf '| %s | %s | %.1f | %.3f | %.3f | %.2f | %.0f | %.3f | %.2f | %.0f |\n' "$label" "$messages" \
    "$(stat -c %s "$zip" | awk '{print $1/1e6}')" "$floor" \
    "$neg" "$(awk -v a="$neg" -v b="$floor" 'BEGIN {print a/b}')" "$(awk -v k="$neg_kib" 'BEGIN {print k/1024}')" \
    "$met" "$(awk -v a="$met" -v b="$floor" 'BEGIN {print a/b}')" "$(awk -v k="$met_kib" 'BEGIN {print k/1024}')"
}
short20k=$(export_zip short-20000 20000 --short-bodies)
row "short 20k" "$short20k"
row "short 200k" "$(export_zip short-200000 200000 --short-bodies)"
row "short 1M" "$(export_zip short-1000000 1000000 --short-bodies)"
row "long 1M" "$(export_zip long-1000000 1000000)"
row "repeated 16.6M" "$(repeated_zip "$short20k")"
echo
awk -v a="${took[repeated 16.6M]}" -v b="${took[short 20k]}" \
  'BEGIN {printf "growth: 16.6M messages take %.0f× the time of 20k (830× the messages)\n", a/b}'
awk -v a="${took[short 1M]}" -v b="${took[short 20k]}" \
  'BEGIN {printf "growth: 1M messages take %.1f× the time of 20k (50× the messages)\n", a/b}'

# Issue 13's targets, each with what was measured above.
target() {
  awk -v what="$1" -v got="$2" -v limit="$3" -v unit="$4" \
    'BEGIN {printf "target: %-40s %7.2f%s (at most %s%s) %s\n", what, got, unit, limit, unit, (got <= limit ? "met" : "NOT MET")}'
}
echo
target "neglected, short 1M, time" "${ratio[short 1M]}" 1.3 "×"
target "neglected, short 1M, peak" "${peak[short 1M]}" 100 " MB"
target "metrics json, short 1M, time" "${metrics_ratio[short 1M]}" 1.5 "×"
target "metrics json, short 1M, peak" "${metrics_peak[short 1M]}" 150 " MB"
target "neglected, short 20k, time" "${ratio[short 20k]}" 2 "×"
target "neglected, 16.6M rows, peak" "${peak[repeated 16.6M]}" 300 " MB"

sample=data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip
start=$(date +%s.%N)
for _ in $(seq 20); do "$bin/rekindle" summary "$sample" > /dev/null; done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN {printf "summary on the shipped sample: %.0f ms per run (mean of 20)\n", (e-s)*1000/20}'

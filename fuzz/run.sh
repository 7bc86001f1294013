#!/usr/bin/env bash
# Fuzz rekindle for a set time per target: ./fuzz/run.sh [SECONDS] (default 60).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain it runs
# with RUSTC_BOOTSTRAP=1, as cargo-fuzz needs nightly-only compiler flags.
# The seed corpus is made from data-samples/; findings land in
# fuzz/artifacts/<target>/ and become regression tests in tests/broken.rs.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
export RUSTC_BOOTSTRAP=1
# Leaks are still detected; lsan.supp names the one false positive.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp"

targets=(${TARGETS:-archive csv_files renderers})
rm -rf corpus/archive corpus/csv_files corpus/renderers
mkdir -p corpus/archive corpus/csv_files corpus/renderers
cp ../data-samples/zips/*.zip corpus/archive/
# csv_files: the first byte picks the file kind, in FileKind::ALL order.
kinds=(Profile Connections messages Invitations Endorsement_Received_Info Endorsement_Given_Info Recommendations_Received Recommendations_Given Positions)
for era in ../data-samples/*/; do
  for dir in "$era"*/; do
    for i in "${!kinds[@]}"; do
      f="$dir${kinds[$i]}.csv"
      [ -f "$f" ] || continue
      out="corpus/csv_files/$(basename "$era")-${kinds[$i]}"
      # Large files are cut: the fuzzer works best on small inputs.
      { printf "\\x$(printf %02x "$i")"; head -c 4096 "$f"; } > "$out"
    done
  done
done

# renderers: names, companies and link tails split at 0xFF; seeds are the
# sample's names with the characters the renderers must escape.
printf 'Avery Quinn\xffNorthwind, Inc.\xffavery-quinn' > corpus/renderers/plain
printf '=HYPERLINK("x")\xff+SUM(A1)\xff%%0D%%0AATTENDEE:x\xff\x1b]8;;x\x07\xff\xe2\x80\xae<b>&amp;\xff\xef\xbf\xbe' > corpus/renderers/hostile

# Build every target first, then run them: in parallel when PARALLEL=1
# (one libFuzzer process per target), else one after the other.
cargo fuzz build -O
run() {
  local target=$1
  cargo fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    > "logs/$target.log" 2>&1 || true
  echo "== $target: ${seconds}s"
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' "logs/$target.log" || true
}
mkdir -p logs
if [ "${PARALLEL:-0}" = 1 ]; then
  for target in "${targets[@]}"; do run "$target" & done
  wait
else
  for target in "${targets[@]}"; do run "$target"; done
fi

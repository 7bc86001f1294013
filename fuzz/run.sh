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

rm -rf corpus/archive corpus/csv_files
mkdir -p corpus/archive corpus/csv_files
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

for target in archive csv_files; do
  echo "== fuzzing $target for ${seconds}s"
  cargo fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+.*DONE|stat::|==|SUMMARY|Done)' || true
done

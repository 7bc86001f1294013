#!/usr/bin/env bash
# Checks that a change kept every output: runs each report of two rekindle
# binaries on each input (with --format json where it has one, under four
# option sets) and prints the differences, then how many outputs differ.
#
#   crates/rekindle-bench/compare.sh OLD_BIN NEW_BIN INPUT...
#
# e.g. a release build of main against one of the change, on every sample:
#   crates/rekindle-bench/compare.sh /tmp/old/rekindle target/release/rekindle data-samples/20* data-samples/zips/*
set -uo pipefail
old=$1; new=$2; shift 2
fail=0; n=0
for input in "$@"; do
  for opts in "" "--include-spam" "--as-of 2023-06-30" "--redact"; do
    for cmd in summary neglected strongest unanswered never-contacted companies metrics reciprocity plan "graph --format json" "graph --format graphml" "person . ada"; do
      case $cmd in
        "person . ada") c=(person "$input" ada) ;;
        *) read -ra parts <<< "$cmd"; c=("${parts[0]}" "$input" "${parts[@]:1}") ;;
      esac
      fmt=(--format json); [[ $cmd == graph* ]] && fmt=()
      # shellcheck disable=SC2086 # the option set splits into words on purpose
      a=$("$old" "${c[@]}" "${fmt[@]}" $opts 2>&1; echo "rc=$?")
      # shellcheck disable=SC2086
      b=$("$new" "${c[@]}" "${fmt[@]}" $opts 2>&1; echo "rc=$?")
      n=$((n+1))
      if [ "$a" != "$b" ]; then
        fail=$((fail+1))
        echo "DIFF: ${c[*]} $opts"
        diff <(echo "$a") <(echo "$b") | head -8
      fi
    done
  done
done
echo "compared $n outputs, $fail differ"
[ "$fail" -eq 0 ]

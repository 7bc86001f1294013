#!/usr/bin/env bash
# Renders the HTML report of the 2026 sample export in headless Chromium and
# saves the screenshot the README shows, after checking the page loaded with
# no console message and no request.
#
#   tests/browser/screenshot.sh [OUT.png] [HEIGHT]
#
# Needs Chromium (Debian: apt-get install chromium) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-data-samples/report.png}"
height="${2:-2400}"
page="$(mktemp --suffix=.html)"
trap 'rm -f "$page"' EXIT
cargo run -q -p rekindle-cli -- report \
  data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip -o "$page"
python3 tests/browser/render.py "$page" "$out" --width 1000 --height "$height"

#!/usr/bin/env python3
"""Render an HTML page in headless Chromium to a PNG, and check it loaded
cleanly: no console message of any kind and no request from the page to
anything but the page itself.

    python3 tests/browser/render.py PAGE.html SHOT.png [--width 1000] [--height 3000]

Prints one JSON object with what it saw; exits 0 when the page was clean,
1 when it logged to the console or made a request, 2 when Chromium could not
run. Standard library only. Chromium is found as $CHROMIUM, `chromium`,
`chromium-browser` or `google-chrome` (Debian: `apt-get install chromium`).

How it sees: `--enable-logging=stderr` makes Chromium write every console
message as a `:CONSOLE` line (a Content-Security-Policy violation is one too),
and `--log-net-log` records every network request with the site that caused
it. Requests keyed to the `file://` site are the page's; Chromium's own
background requests (update checks and such) are counted but not the page's
fault.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CONSOLE = re.compile(r":CONSOLE[^\]]*\]\s*(.*)")


def find_chromium():
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def page_requests(netlog_path):
    """URLs the page asked for, and how many requests Chromium made itself."""
    text = pathlib.Path(netlog_path).read_text(encoding="utf-8", errors="replace").rstrip()
    # A net log cut short (the browser exited first) lacks its closing brackets.
    if not text.endswith("}"):
        text = text.rstrip(",") + "]}"
    log = json.loads(text)
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    page, background = [], 0
    for event in log.get("events", []):
        if types.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        url = params.get("url", "")
        if "file://" in params.get("network_isolation_key", ""):
            if not url.startswith(("file:", "data:")):
                page.append(url)
        else:
            background += 1
    return page, background


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("screenshot")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=3000)
    args = parser.parse_args()

    chromium = find_chromium()
    if chromium is None:
        print(json.dumps({"error": "no chromium found (apt-get install chromium)"}))
        return 2
    page = pathlib.Path(args.page).resolve()
    shot = pathlib.Path(args.screenshot).resolve()
    shot.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="rekindle-chromium-") as tmp:
        netlog = pathlib.Path(tmp) / "netlog.json"
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={tmp}/profile",
            "--enable-logging=stderr",
            "--v=0",
            f"--log-net-log={netlog}",
            f"--window-size={args.width},{args.height}",
            f"--screenshot={shot}",
            page.as_uri(),
        ]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            print(json.dumps({"error": "chromium did not finish in 180 s"}))
            return 2
        console = [m.group(1) for m in map(CONSOLE.search, run.stderr.splitlines()) if m]
        requests, background = page_requests(netlog) if netlog.exists() else ([], 0)

    report = {
        "page": str(page),
        "screenshot": str(shot),
        "screenshot_bytes": shot.stat().st_size if shot.exists() else 0,
        "chromium_exit": run.returncode,
        "console_messages": console,
        "page_requests": requests,
        "chromium_background_requests": background,
    }
    print(json.dumps(report, indent=2))
    if run.returncode != 0 or not shot.exists():
        sys.stderr.write(run.stderr[-2000:])
        return 2
    return 1 if console or requests else 0


if __name__ == "__main__":
    sys.exit(main())

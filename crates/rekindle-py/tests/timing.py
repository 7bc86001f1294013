"""Times `rekindle.open(...).neglected()` from Python against the CLI's
`rekindle neglected --format json` on a generated 200k-message export.
Prints the figures; asserts nothing (timings are not tests).

    python crates/rekindle-py/tests/timing.py [MESSAGES] [RUNS]

Builds the release CLI and generator with cargo first (minutes the first
time), writes the export to a temporary folder and deletes it afterwards.
Run it in the environment where the rekindle package is installed (a
release wheel: `pip install ./crates/rekindle-py`).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import rekindle

ROOT = Path(__file__).resolve().parents[3]


def median_seconds(run, runs: int) -> float:
    took = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        took.append(time.perf_counter() - started)
    return statistics.median(took)


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cargo = ["cargo", "build", "--release", "-q", "-p", "rekindle-cli", "-p", "rekindle-gen"]
    subprocess.run(cargo, cwd=ROOT, check=True)
    bin_dir = ROOT / "target" / "release"
    out = Path(tempfile.mkdtemp(prefix="rekindle-timing-"))
    try:
        gen = [str(bin_dir / "rekindle-gen"), "--connections", "30000", "--messages", str(messages),
               "--seed", "7", "--date", "10-05-2026", "--out", str(out)]
        zip_path = subprocess.run(gen, check=True, capture_output=True, text=True).stdout.splitlines()[0]
        size = Path(zip_path).stat().st_size / 1e6

        def by_cli() -> None:
            subprocess.run([str(bin_dir / "rekindle"), "neglected", zip_path, "--format", "json"],
                           check=True, stdout=subprocess.DEVNULL)

        def by_python() -> None:
            rekindle.open(zip_path).neglected()

        cli = median_seconds(by_cli, runs)
        py = median_seconds(by_python, runs)
        print(f"{messages} messages, 30000 connections, zip {size:.1f} MB, median of {runs}:")
        print(f"  rekindle neglected --format json   {cli:6.2f} s")
        print(f"  rekindle.open(...).neglected()     {py:6.2f} s   ({py / cli:.2f}x the CLI)")
    finally:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()

"""rekindle from Python: the same answers as the CLI's --format json, on every
era of the samples; errors as the CLI words them; Parquet read back equal.

The CLI binary is $REKINDLE_BIN, else target/debug/rekindle (built by
`cargo test --workspace`, which .ci/run runs first).
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path

import polars as pl
import pytest

import rekindle

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "data-samples"
BIN = Path(os.environ.get("REKINDLE_BIN", ROOT / "target" / "debug" / "rekindle"))
ERAS = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir() and p.name != "zips")
ZIPS = sorted(p.name for p in (SAMPLES / "zips").glob("*.zip"))

# method name -> CLI command
REPORTS = {
    "neglected": "neglected",
    "strongest": "strongest",
    "unanswered": "unanswered",
    "never_contacted": "never-contacted",
    "companies": "companies",
    "metrics": "metrics",
}


def cli(*args: str) -> subprocess.CompletedProcess:
    assert BIN.exists(), f"{BIN} missing: run `cargo build --workspace` or set REKINDLE_BIN"
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, cwd=SAMPLES)


def cli_json(*args: str):
    done = cli(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def as_json(value):
    """A DataFrame value as the CLI's JSON spells it."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def json_rows(df: pl.DataFrame) -> list[dict]:
    return [{k: as_json(v) for k, v in row.items()} for row in df.to_dicts()]


def exports() -> list[str]:
    return ERAS + [f"zips/{z}" for z in ZIPS]


@pytest.mark.parametrize("export", exports())
def test_every_report_equals_the_cli_json(export):
    analysis = rekindle.open(SAMPLES / export)
    for method, command in REPORTS.items():
        df = getattr(analysis, method)()
        assert isinstance(df, pl.DataFrame)
        want = cli_json(command, export)
        got = json_rows(df)
        assert got == want, f"{export}: {method} differs from `rekindle {command} --format json`"
        if want:
            assert df.columns == list(want[0].keys()), f"{export}: {method} column order"


@pytest.mark.parametrize("export", ERAS)
def test_summary_person_and_warnings_equal_the_cli(export):
    analysis = rekindle.open(SAMPLES / export)
    summary = analysis.summary()
    assert summary == cli_json("summary", export)
    warnings = analysis.warnings()
    assert [
        f"{w['file']}" + (f" line {w['line']}" if w["line"] is not None else "") + f": {w['message']}"
        + (f" {json.dumps(w['value'], ensure_ascii=False)}" if w["value"] is not None else "")
        for w in warnings
    ] == summary["warnings"]
    first = analysis.neglected()["name"][0] if analysis.neglected().height else None
    if first:
        assert analysis.person(first) == cli_json("person", export, first)


def test_graph_frames_equal_the_cli_graph_json():
    export = "zips/" + ZIPS[-1]
    nodes, edges = rekindle.open(SAMPLES / export).graph()
    done = cli("graph", export, "--format", "json")
    assert done.returncode == 0, done.stderr
    want = json.loads(done.stdout)
    assert json_rows(nodes) == want["nodes"]
    assert nodes.columns == list(want["nodes"][0].keys())
    got_edges = json_rows(edges)
    assert len(got_edges) == len(want["edges"])
    for got, edge in zip(got_edges, want["edges"]):
        assert set(edge) <= set(edges.columns)
        # Every key of the edge has its value; every other column is null.
        assert got == {c: edge.get(c) for c in edges.columns}
    assert edges.schema["last"] == pl.Datetime("ms")
    assert nodes.schema["connected_on"] == pl.Date


def test_types_are_typed():
    df = rekindle.open(SAMPLES / "2026").neglected()
    assert df.schema["connected_on"] == pl.Date
    assert df.schema["messages_sent"] == pl.Int64
    assert df.schema["score"] == pl.Float64
    assert df["name"][0] == "Maya Okonkwo-Reyes"


def test_empty_reports_keep_their_columns():
    # Connections.csv alone has no messages: nobody is waiting for a reply.
    df = rekindle.open(next((SAMPLES / "2026").rglob("Connections.csv"))).unanswered()
    assert df.height == 0
    assert df.columns == ["name", "profile_url", "last_message", "days_waiting", "messages_waiting"]
    assert df.schema["last_message"] == pl.Date
    none = rekindle.open(SAMPLES / "2026").companies(company="no company is called this")
    assert none.height == 0 and none.columns[0] == "company"


def test_options_match_the_cli_flags():
    export = "2026"
    for kwargs, flags in [
        ({"as_of": "2025-01-01"}, ["--as-of", "2025-01-01"]),
        ({"as_of": datetime.date(2025, 1, 1)}, ["--as-of", "2025-01-01"]),
        ({"include_spam": True}, ["--include-spam"]),
        ({"redact": True}, ["--redact"]),
    ]:
        got = json_rows(rekindle.open(SAMPLES / export, **kwargs).neglected())
        assert got == cli_json("neglected", export, *flags), kwargs


def test_bad_options_are_python_errors():
    with pytest.raises(TypeError):
        rekindle.open(SAMPLES / "2026", as_of=datetime.datetime(2025, 1, 1))
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.open(SAMPLES / "2026", as_of="01/02/2025")
    done = cli("summary", "2026", "--as-of", "01/02/2025")
    assert f"rekindle: {caught.value}\n" == done.stderr
    with pytest.raises(NotImplementedError, match="ledger"):
        rekindle.open(SAMPLES / "2026", ledger="ledger.json")


def test_missing_export_is_an_export_error_with_the_cli_message():
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.open("no-such-export.zip")
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.path == "no-such-export.zip"
    assert err.file == "no-such-export.zip"
    assert err.line is None
    done = cli("summary", "no-such-export.zip")
    assert done.returncode == 2
    assert done.stderr == f"rekindle: {err}\n"


def test_errors_carry_file_and_line(tmp_path):
    export = tmp_path / "broken"
    shutil.copytree(SAMPLES / "2026", export)
    messages = next(export.rglob("messages.csv"))
    with messages.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    # Line 3 (the second row) gets a date nobody can read: a warning, an error under strict.
    assert all("\n" not in cell for row in rows[:3] for cell in row), "rows 1-2 are one line each"
    rows[2][rows[0].index("DATE")] = "31 Foo 2020"
    with messages.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)

    warned = rekindle.open(export).warnings()
    assert {"file": "messages.csv", "line": 3, "message": "row skipped: unparseable date", "value": "31 Foo 2020"} in warned

    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.open(export, strict=True)
    err = caught.value
    assert (err.file, err.line) == ("messages.csv", 3)
    assert err.path == str(export)
    done = subprocess.run([str(BIN), "summary", str(export), "--strict"], capture_output=True, text=True)
    assert done.stderr == f"rekindle: {err}\n"


def test_person_queries_that_match_nobody_or_several_are_lookup_errors():
    analysis = rekindle.open(SAMPLES / "2026")
    with pytest.raises(LookupError) as nobody:
        analysis.person("zzz-nobody-zzz")
    assert str(nobody.value) == 'nobody matches "zzz-nobody-zzz"'
    with pytest.raises(LookupError) as several:
        analysis.person("a")
    done = cli("person", "2026", "a")
    assert done.stderr == f"rekindle: {several.value}\n"


def test_parquet_reads_back_equal_to_the_dataframes(tmp_path):
    export = SAMPLES / "zips" / ZIPS[-1]
    analysis = rekindle.open(export)
    out = cli("metrics", str(export), "--format", "parquet", "-o", str(tmp_path / "metrics.parquet"))
    assert out.returncode == 0, out.stderr
    back = pl.read_parquet(tmp_path / "metrics.parquet")
    assert back.schema == analysis.metrics().schema
    assert back.equals(analysis.metrics())
    out = cli("graph", str(export), "--format", "parquet", "-o", str(tmp_path / "graph"))
    assert out.returncode == 0, out.stderr
    nodes, edges = analysis.graph()
    assert pl.read_parquet(tmp_path / "graph" / "nodes.parquet").equals(nodes)
    assert pl.read_parquet(tmp_path / "graph" / "edges.parquet").equals(edges)


def test_analysis_is_typed_for_editors():
    package = Path(rekindle.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()
    assert rekindle.open.__doc__ and rekindle.Analysis.neglected.__doc__

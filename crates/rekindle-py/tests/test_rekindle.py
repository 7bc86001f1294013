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
    """The CLI on `args`; without `--ledger`, with `--no-ledger`, so a ledger of the
    user running the tests (REKINDLE_LEDGER, the data folder) never applies, as
    `rekindle.open(ledger=None)` applies none."""
    assert BIN.exists(), f"{BIN} missing: run `cargo build --workspace` or set REKINDLE_BIN"
    ledger = [] if "--ledger" in args else ["--no-ledger"]
    return subprocess.run([str(BIN), *args, *ledger], capture_output=True, text=True, cwd=SAMPLES)


def cli_json(*args: str):
    done = cli(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def as_json(value):
    """A DataFrame value as the CLI's JSON spells it (lists and structs too)."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
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
    export = broken_copy(SAMPLES / "2026", tmp_path / "broken")

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


# --- plan ----------------------------------------------------------------------

# The sample pairs the generator plants changes in (tests/diff.rs uses the same).
PAIRS = [(v["old"], v["new"]) for v in json.loads((SAMPLES / "diff-expected.json").read_text()).values()]


def zip_of(era: str) -> str:
    """The zip of an era folder's one export."""
    (folder,) = [p for p in (SAMPLES / era).iterdir() if p.is_dir()]
    return f"zips/{folder.name}.zip"


@pytest.mark.parametrize("export", exports())
def test_plan_equals_the_cli_json(export):
    analysis = rekindle.open(SAMPLES / export)
    for limit in [7, 0, 2]:
        df = analysis.plan(limit=limit)
        want = cli_json("plan", export, "--limit", str(limit))
        assert json_rows(df) == want, f"{export}: plan --limit {limit}"
        if want:
            assert df.columns == list(want[0].keys()), f"{export}: plan column order"
    assert json_rows(analysis.plan()) == cli_json("plan", export), "the default limit is the CLI's"


def test_plan_columns_are_typed_even_when_empty():
    df = rekindle.open(SAMPLES / "2026").plan(limit=0)
    given = pl.List(pl.Struct({"what": pl.String, "skill": pl.String, "date": pl.Date}))
    assert df.schema["also"] == pl.List(pl.String)
    assert df.schema["gave"] == given
    assert df.schema["last_message"] == pl.Date
    assert df.schema["score"] == pl.Float64
    assert df.schema["messages_waiting"] == pl.Int64
    # Priya recommended Avery: a struct with a real date.
    priya = df.filter(pl.col("name") == "Priya Raman")
    assert priya["gave"].to_list() == [[{"what": "recommendation", "skill": None, "date": datetime.date(2025, 8, 1)}]]
    # Connections.csv alone: nothing to do, every column still there and typed.
    empty = rekindle.open(next((SAMPLES / "2026").rglob("Connections.csv"))).plan()
    assert cli_json("plan", str(next((SAMPLES / "2026").rglob("Connections.csv")))) == []
    assert empty.height == 0
    assert empty.schema == df.schema


@pytest.mark.parametrize("old,new", PAIRS)
def test_plan_since_an_older_export_equals_the_cli(old, new):
    for older in [old, zip_of(old)]:
        for path in [SAMPLES / older, str(SAMPLES / older)]:  # PathLike or str
            got = json_rows(rekindle.open(SAMPLES / new).plan(since=path, limit=0))
            want = cli_json("plan", new, "--since", older, "--limit", "0")
            assert got == want, f"{new} --since {older}"
    # The older export's job changes are what `since` adds.
    plain = rekindle.open(SAMPLES / new).plan(limit=0)
    since = rekindle.open(SAMPLES / new).plan(since=SAMPLES / old, limit=0)
    assert "congratulate" not in plain["action"].to_list()
    assert "congratulate" in since["action"].to_list()


def test_plan_since_the_newer_export_or_redacted_is_an_error_as_in_the_cli():
    old, new = PAIRS[0]
    with pytest.raises(ValueError) as caught:
        rekindle.open(SAMPLES / old).plan(since=SAMPLES / new)
    done = cli("plan", old, "--since", str(SAMPLES / new))
    assert done.returncode == 2
    # The CLI names the flag --since; Python the argument since.
    assert done.stderr == f"rekindle: --{caught.value}\n"
    with pytest.raises(ValueError) as caught:
        rekindle.open(SAMPLES / new, redact=True).plan(since=SAMPLES / old)
    done = cli("plan", new, "--redact", "--since", old)
    assert done.stderr == "rekindle: --since cannot be combined with --redact\n"
    assert str(caught.value) == "since cannot be combined with redact"
    # Redacted without since: the CLI's redacted plan.
    assert json_rows(rekindle.open(SAMPLES / new, redact=True).plan()) == cli_json("plan", new, "--redact")


def test_plan_since_a_broken_export_is_an_export_error_naming_it(tmp_path):
    old, new = PAIRS[0]
    broken = broken_copy(SAMPLES / old, tmp_path / "broken")
    analysis = rekindle.open(SAMPLES / new, strict=True)
    with pytest.raises(rekindle.ExportError) as caught:
        analysis.plan(since=broken)
    err = caught.value
    assert (err.path, err.file, err.line) == (str(broken), "messages.csv", 3)
    done = cli("plan", new, "--strict", "--since", str(broken))
    assert done.stderr == f"rekindle: {err}\n"


# --- diff ----------------------------------------------------------------------


def broken_copy(export: Path, to: Path) -> Path:
    """A copy of the era folder `export` whose messages.csv line 3 has a date nobody
    can read: a warning, an error under strict."""
    shutil.copytree(export, to)
    messages = next(to.rglob("messages.csv"))
    with messages.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert all("\n" not in cell for row in rows[:3] for cell in row), "rows 1-2 are one line each"
    rows[2][rows[0].index("DATE")] = "31 Foo 2020"
    with messages.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return to


def diff_as_json(d: rekindle.Diff) -> dict:
    """A Diff as the CLI's JSON: the header keys, then the lists."""
    return {**as_json(d.header), **{k: json_rows(v) for k, v in d.items()}}


@pytest.mark.parametrize("old,new", PAIRS)
def test_diff_equals_the_cli_json(old, new):
    for a, b in [(old, new), (zip_of(old), zip_of(new)), (old, zip_of(new))]:
        d = rekindle.diff(SAMPLES / a, SAMPLES / b)
        want = cli_json("diff", a, b)
        assert diff_as_json(d) == want, f"diff {a} {b}"
        # Every key, each in the JSON's order: the lists in the Diff, the rest in .header.
        assert list(d) == [k for k, v in want.items() if isinstance(v, list)]
        assert list(d.header) == [k for k, v in want.items() if not isinstance(v, list)]
        for key, df in d.items():
            assert isinstance(df, pl.DataFrame)
            if want[key]:
                assert df.columns == list(want[key][0].keys()), f"{key} column order"
        assert d.header["counts"] == {k: df.height for k, df in d.items()}
        assert isinstance(d.header["new"]["as_of"], datetime.date)


def test_diff_frames_are_typed_even_when_empty():
    old, _ = PAIRS[0]
    same = rekindle.diff(SAMPLES / old, SAMPLES / old)
    assert len(same) == 6 and all(df.height == 0 for df in same.values())
    assert same["new_connections"].schema["connected_on"] == pl.Date
    assert same["job_changes"].schema["depth"] == pl.Float64
    assert diff_as_json(same) == cli_json("diff", old, old)


def test_diff_in_either_order_warns_as_the_cli_notes(recwarn):
    old, new = PAIRS[0]
    straight = rekindle.diff(SAMPLES / old, SAMPLES / new)
    assert len(recwarn) == 0
    a, b = str(SAMPLES / new), str(SAMPLES / old)
    with pytest.warns(UserWarning) as caught:
        swapped = rekindle.diff(a, b)
    assert len(caught) == 1
    done = cli("diff", a, b, "--format", "json")
    assert done.returncode == 0
    assert done.stderr == f"rekindle: {caught[0].message}\n"
    assert diff_as_json(swapped) == diff_as_json(straight) == json.loads(done.stdout)


def test_diff_options_match_the_cli_flags():
    old, new = PAIRS[0]
    for kwargs, flags in [
        ({"redact": True}, ["--redact"]),
        ({"include_spam": True}, ["--include-spam"]),
        ({"strict": True}, ["--strict"]),
    ]:
        got = diff_as_json(rekindle.diff(SAMPLES / old, SAMPLES / new, **kwargs))
        assert got == cli_json("diff", old, new, *flags), kwargs
    redacted = rekindle.diff(SAMPLES / old, SAMPLES / new, redact=True)
    assert redacted["job_changes"]["name"][0].startswith("Person ")
    assert redacted["removed_connections"]["name"][0].startswith("Old person ")
    with pytest.raises(ValueError, match="as_of does not apply") as caught:
        rekindle.diff(SAMPLES / old, SAMPLES / new, as_of="2025-01-01")
    done = cli("diff", old, new, "--as-of", "2025-01-01")
    assert done.stderr == "rekindle: " + str(caught.value).replace("as_of", "--as-of") + "\n"


def test_diff_whose_old_is_broken_is_an_export_error_with_file_and_line(tmp_path):
    old, new = PAIRS[0]
    broken = broken_copy(SAMPLES / old, tmp_path / "broken")
    # Not strict: a counted warning, the same diff as the CLI's.
    assert diff_as_json(rekindle.diff(broken, SAMPLES / new)) == cli_json("diff", str(broken), new)
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.diff(broken, SAMPLES / new, strict=True)
    err = caught.value
    assert (err.path, err.file, err.line) == (str(broken), "messages.csv", 3)
    done = cli("diff", str(broken), new, "--strict")
    assert done.returncode == 2
    assert done.stderr == f"rekindle: {err}\n"
    # The NEW side broken names NEW.
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.diff(SAMPLES / new, broken, strict=True)
    assert caught.value.path == str(broken)
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.diff(SAMPLES / old, tmp_path / "missing")
    assert caught.value.path == caught.value.file == str(tmp_path / "missing")
    assert cli("diff", old, str(tmp_path / "missing")).stderr == f"rekindle: {caught.value}\n"


def test_diff_of_two_owners_is_an_export_error_as_the_cli(tmp_path):
    old, new = PAIRS[0]
    other = tmp_path / "other"
    shutil.copytree(SAMPLES / new, other)
    for f in other.rglob("*.csv"):
        text = f.read_text(encoding="utf-8")
        f.write_text(
            text.replace("avery-quinn-7c1e20", "robin-vale-0a0a0a").replace("Avery", "Robin").replace("Quinn", "Vale"),
            encoding="utf-8",
        )
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.diff(SAMPLES / old, other)
    assert "different people" in str(caught.value)
    assert cli("diff", old, str(other)).stderr == f"rekindle: {caught.value}\n"


# --- ledger ----------------------------------------------------------------------


def test_a_ledger_that_snoozes_someone_removes_them_as_the_cli_does(tmp_path):
    export = "2026"
    ledger = tmp_path / "ledger.toml"
    before = rekindle.open(SAMPLES / export).neglected()
    first = before["name"][0]
    done = cli("snooze", export, first, "--until", "2099-01-01", "--ledger", str(ledger))
    assert done.returncode == 0, done.stderr
    assert ledger.exists()

    for path in [ledger, str(ledger)]:
        analysis = rekindle.open(SAMPLES / export, ledger=path)
        after = analysis.neglected()
        assert first not in after["name"].to_list()
        assert json_rows(after) == cli_json("neglected", export, "--ledger", str(ledger))
    assert after.height == before.height - 1
    snoozed = analysis.metrics().filter(pl.col("name") == first)
    assert snoozed["snoozed_until"].to_list() == [datetime.date(2099, 1, 1)]
    assert json_rows(analysis.metrics()) == cli_json("metrics", export, "--ledger", str(ledger))
    assert json_rows(analysis.plan(limit=0)) == cli_json("plan", export, "--limit", "0", "--ledger", str(ledger))
    assert first not in analysis.plan(limit=0)["name"].to_list()
    # Without the ledger, they are back.
    assert json_rows(rekindle.open(SAMPLES / export).neglected()) == json_rows(before)


def test_a_ledger_applies_to_both_sides_of_a_diff_as_in_the_cli(tmp_path):
    old, new = PAIRS[0]
    ledger = tmp_path / "ledger.toml"
    gone_cold = rekindle.diff(SAMPLES / old, SAMPLES / new)["gone_cold"]["name"][0]
    done = cli("ignore", new, gone_cold, "--ledger", str(ledger))
    assert done.returncode == 0, done.stderr
    d = rekindle.diff(SAMPLES / old, SAMPLES / new, ledger=ledger)
    assert gone_cold not in d["gone_cold"]["name"].to_list()
    assert diff_as_json(d) == cli_json("diff", old, new, "--ledger", str(ledger))


def test_a_missing_ledger_file_is_no_ledger_and_is_not_created(tmp_path):
    missing = tmp_path / "no-ledger.toml"
    got = rekindle.open(SAMPLES / "2026", ledger=missing).neglected()
    assert json_rows(got) == cli_json("neglected", "2026", "--ledger", str(missing))
    assert json_rows(got) == json_rows(rekindle.open(SAMPLES / "2026").neglected())
    assert not missing.exists()


def test_a_ledger_that_does_not_parse_is_an_export_error_naming_its_line(tmp_path):
    ledger = tmp_path / "ledger.toml"
    ledger.write_text('version = 1\n\n[people."linkedin.com/in/x"]\nname = "X"\nsnoozed_until = "someday"\n', encoding="utf-8")
    with pytest.raises(rekindle.ExportError) as caught:
        rekindle.open(SAMPLES / "2026", ledger=ledger)
    err = caught.value
    assert (err.path, err.file, err.line) == (str(SAMPLES / "2026"), str(ledger), 5)
    done = cli("neglected", "2026", "--ledger", str(ledger))
    assert done.returncode == 2
    assert done.stderr == f"rekindle: {err}\n"
    assert ledger.read_text(encoding="utf-8").endswith('"someday"\n'), "never rewritten"

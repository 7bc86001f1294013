"""The everyday analysis of your own LinkedIn export, from Python (a plain
script; paste the cells into a notebook as you like).

    pip install ./crates/rekindle-py
    python examples/notebook.py [EXPORT.zip] [MY_NOTES.csv] [OLDER_EXPORT.zip]

Without arguments it reads the invented 2026 sample and an invented notes file.
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

import polars as pl

import rekindle

root = Path(__file__).resolve().parent.parent
export = sys.argv[1] if len(sys.argv) > 1 else root / "data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip"
analysis = rekindle.open(export)
print(analysis)

# 1. Who to write to this week: the top neglected, with why.
top = analysis.neglected().select("name", "company", "last_interaction", "score", "reason").head(5)
print(top)

# 2. A plot-ready monthly series: per month, connections made and people
#    last heard from (where relationships went quiet), every month present.
metrics = analysis.metrics()


def per_month(column: str, name: str) -> pl.DataFrame:
    return (
        metrics.drop_nulls(column)
        .group_by(month=pl.col(column).dt.truncate("1mo"))
        .agg(pl.len().alias(name))
    )


first_day = min(d for d in (metrics["connected_on"].min(), metrics["last_interaction"].min()) if d)
as_of = datetime.date.fromisoformat(analysis.summary()["as_of"])
months = pl.DataFrame({"month": pl.date_range(first_day.replace(day=1), as_of, "1mo", eager=True)})
monthly = (
    months.join(per_month("connected_on", "connected"), on="month", how="left")
    .join(per_month("last_interaction", "went_quiet"), on="month", how="left")
    .fill_null(0)
    .sort("month")
)
print(monthly.tail(12))  # e.g. monthly.plot.line(x="month", y="went_quiet")

# 3. A join with your own CSV: notes you keep about people, by profile URL.
if len(sys.argv) > 2:
    notes = pl.read_csv(sys.argv[2])
else:
    first = analysis.neglected().head(2)
    invented = pl.DataFrame({"profile_url": first["profile_url"], "note": ["met at the offsite", "owes me a coffee"]})
    with tempfile.TemporaryDirectory() as folder:
        invented.write_csv(Path(folder) / "my-notes.csv")
        notes = pl.read_csv(Path(folder) / "my-notes.csv")
joined = analysis.neglected().join(notes, on="profile_url", how="inner").select("name", "score", "note")
print(joined)

# 4. This week's plan, and what changed since an older export of yours (the
#    invented 2025 pair unless you give your own: OLD.zip as a third argument).
older = sys.argv[3] if len(sys.argv) > 3 else root / "data-samples/2025"
newer = export if len(sys.argv) > 3 else root / "data-samples/2025-later"
print(rekindle.open(newer).plan(since=older).select("action", "name", "why_now"))
changes = rekindle.diff(older, newer)
print({name: frame.height for name, frame in changes.items()}, changes.header["counts"])
print(changes["job_changes"].select("name", "kind", "reason"))

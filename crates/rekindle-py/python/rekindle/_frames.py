"""Frames the Rust half hands over, typed where its polars cannot: the plan's
``gave`` (a list of objects, JSON text there) becomes a list of structs."""

from __future__ import annotations

import datetime as _datetime
from typing import Any

import polars as pl

#: What they gave you, as ``rekindle plan --format json`` writes each one.
GIVEN = pl.List(pl.Struct({"what": pl.String, "skill": pl.String, "date": pl.Date}))


def plan(df: pl.DataFrame) -> pl.DataFrame:
    """The plan frame with ``gave`` decoded to ``list[struct{what, skill, date}]``."""
    return df.with_columns(pl.col("gave").str.json_decode(GIVEN))


def header(value: Any) -> Any:
    """The diff's header with every ``as_of`` a ``datetime.date``."""
    if isinstance(value, dict):
        return {
            k: _datetime.date.fromisoformat(v) if k == "as_of" and isinstance(v, str) else header(v)
            for k, v in value.items()
        }
    return value

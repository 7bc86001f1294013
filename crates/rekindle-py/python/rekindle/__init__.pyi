"""Type stubs of rekindle: the API editors complete."""

import datetime
import os
from typing import Any, Optional, Union

import polars

__all__ = ["Analysis", "ExportError", "open"]

class ExportError(ValueError):
    """An export that cannot be read. The message is the one the CLI prints
    after ``rekindle: ``."""

    path: Optional[str]
    """The export as given to ``open``."""
    file: Optional[str]
    """The file the problem is in (inside the export, or the path itself)."""
    line: Optional[int]
    """The 1-based line in ``file``, when the problem is on one."""

class Analysis:
    """An export read and analysed: every report of it. Made by ``rekindle.open``.

    Every DataFrame has the columns, in the order, of the CLI's ``--format json``
    for the same report; days are ``pl.Date``, counts ``pl.Int64``.
    """

    def summary(self) -> dict[str, Any]:
        """Owner, as-of date, files, counts and warnings (``rekindle summary --format json``)."""
    def neglected(self) -> polars.DataFrame:
        """People you were close to and have let go cold, most worth rekindling first."""
    def strongest(self) -> polars.DataFrame:
        """Your strongest relationships that are active now, deepest first."""
    def unanswered(self) -> polars.DataFrame:
        """Direct conversations where the other person wrote last, newest first."""
    def never_contacted(self) -> polars.DataFrame:
        """Connections with no two-way exchange ever, newest first."""
    def companies(self, company: Optional[str] = None) -> polars.DataFrame:
        """Connections and depth per company; ``company`` keeps names containing it."""
    def metrics(self) -> polars.DataFrame:
        """The per-person metrics table, as ``rekindle metrics --format json`` shows it
        (ratios and scores rounded as there), one row per person."""
    def person(self, query: str) -> dict[str, Any]:
        """Everything about the one person whose name or profile URL contains ``query``
        (``rekindle person --format json``). Raises ``LookupError`` for nobody or several."""
    def graph(self) -> tuple[polars.DataFrame, polars.DataFrame]:
        """The relationship graph as ``(nodes, edges)``: the nodes and edges of
        ``rekindle graph --format json``; edges carry every tie kind's keys, null
        where a kind has none."""
    def warnings(self) -> list[dict[str, Any]]:
        """Rows skipped or values left empty: ``file``, ``line``, ``message``, ``value``."""

def open(
    path: Union[str, os.PathLike[str]],
    *,
    as_of: Union[datetime.date, str, None] = None,
    include_spam: bool = False,
    redact: bool = False,
    strict: bool = False,
    ledger: Optional[Union[str, os.PathLike[str]]] = None,
) -> Analysis:
    """Read and analyse the export at ``path`` (.zip, folder, or one CSV file).

    ``as_of``: compute as of this day instead of the export's own date.
    ``include_spam``: count the SPAM folder too. ``redact``: pseudonyms, no links.
    ``strict``: the first warning (a skipped row) is an ``ExportError``.
    ``ledger``: accepted for the coming ledger; until it lands, passing one
    raises ``NotImplementedError``.

    Raises ``ExportError`` when the export cannot be read.
    """

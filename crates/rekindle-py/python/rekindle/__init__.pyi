"""Type stubs of rekindle: the API editors complete."""

import datetime
import os
from typing import Any, Optional, Union

import polars

__all__ = ["Analysis", "Diff", "ExportError", "diff", "open"]

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
    def plan(
        self,
        since: Union[str, os.PathLike[str], None] = None,
        *,
        limit: int = 7,
    ) -> polars.DataFrame:
        """What to do this week, and why now (``rekindle plan --format json``): one item
        per person, reply / congratulate / reciprocate / follow_up / ask / reconnect.

        ``since``: an older export's path (``plan --since OLD``); its job changes add
        "congratulate" items. Read with this analysis' options and ledger; it must be
        the older one and cannot be combined with ``redact`` (``ValueError``).
        ``limit``: at most this many items; 0 means every candidate. ``also`` is a
        ``list[str]``, ``gave`` a ``list[struct{what, skill, date}]``."""
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
    ``ledger``: your ledger file (what ``rekindle touch/snooze/ignore/cadence --ledger
    FILE`` write), applied as of today as the CLI's ``--ledger FILE``; a file that does
    not exist is no ledger; ``None``: no ledger at all (the CLI's ``--no-ledger``).

    Raises ``ExportError`` when the export (or the ledger) cannot be read.
    """

class Diff(dict[str, polars.DataFrame]):
    """What changed between two exports: one DataFrame per list of ``rekindle diff OLD
    NEW --format json``, in its order: ``job_changes``, ``new_connections``,
    ``removed_connections``, ``renamed_profiles``, ``rekindled``, ``gone_cold``."""

    header: dict[str, Any]
    """The JSON's other keys: ``old`` and ``new`` (``{"as_of": datetime.date, "owner":
    {"name", "profile_url"}}``), ``counts`` (each list's length), ``ambiguous``."""

def diff(
    old: Union[str, os.PathLike[str]],
    new: Union[str, os.PathLike[str]],
    *,
    as_of: Union[datetime.date, str, None] = None,
    include_spam: bool = False,
    redact: bool = False,
    strict: bool = False,
    ledger: Optional[Union[str, os.PathLike[str]]] = None,
) -> Diff:
    """What changed between two exports of yours (``rekindle diff OLD NEW``), in either
    order (a ``UserWarning`` when ``new`` is the older). Each is read as of its own date:
    ``as_of`` given is a ``ValueError``. ``redact``: pseudonyms of the newer export.

    Raises ``ExportError`` naming the export, file and line that cannot be read, or
    when the two exports belong to different people.
    """

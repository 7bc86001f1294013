"""rekindle: which LinkedIn relationships are you letting go cold, and why?

Reads your own LinkedIn data export (the .zip as downloaded, its folder, or one
CSV file, any era since 2020) with the rekindle library and answers as polars
DataFrames, the same rows and columns as the CLI's ``--format json``::

    import rekindle
    analysis = rekindle.open("Complete_LinkedInDataExport_10-05-2026.zip")
    print(analysis.neglected().head(10))

Everything runs on this machine; nothing is sent anywhere; message text is
never returned.
"""

from __future__ import annotations

import datetime as _datetime
import os as _os
import warnings as _warnings
from typing import Any, Optional, Union

from . import _frames
from ._rekindle import Analysis, ExportError, _diff, _open

__all__ = ["Analysis", "Diff", "ExportError", "diff", "open"]

_Path = Union[str, "_os.PathLike[str]"]


class Diff(dict):
    """What changed between two exports (``rekindle.diff``): a ``dict`` of one
    ``polars.DataFrame`` per list of ``rekindle diff OLD NEW --format json``, in its
    order: ``job_changes``, ``new_connections``, ``removed_connections``,
    ``renamed_profiles``, ``rekindled``, ``gone_cold`` (columns = that list's row fields).

    ``.header``: the JSON's other keys, as a dict: ``old`` and ``new`` (each
    ``{"as_of": datetime.date, "owner": {"name", "profile_url"}}``), ``counts`` (each
    list's length) and ``ambiguous`` (people left out because who is who cannot be told).
    """

    header: dict[str, Any]

    def __init__(self, sections: Any, header: dict[str, Any]) -> None:
        super().__init__(sections)
        self.header = header

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}: {v.height}" for k, v in self.items())
        return f"<rekindle.Diff {self.header['old']['as_of']} -> {self.header['new']['as_of']}: {counts}>"


def _as_of(as_of: Union[_datetime.date, str, None]) -> Optional[str]:
    if isinstance(as_of, _datetime.datetime):
        raise TypeError("as_of must be a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(as_of, _datetime.date):
        return as_of.isoformat()
    if as_of is not None and not isinstance(as_of, str):
        raise TypeError(f"as_of must be a datetime.date or 'YYYY-MM-DD', not {type(as_of).__name__}")
    return as_of


def _ledger(ledger: Optional[_Path]) -> tuple[Optional[str], Optional[str]]:
    """The ledger's path and today (the local day it is applied as of, as the CLI's)."""
    if ledger is None:
        return None, None
    return _os.fspath(ledger), _datetime.date.today().isoformat()


def open(
    path: Union[str, "_os.PathLike[str]"],
    *,
    as_of: Union[_datetime.date, str, None] = None,
    include_spam: bool = False,
    redact: bool = False,
    strict: bool = False,
    ledger: Optional[Union[str, "_os.PathLike[str]"]] = None,
) -> Analysis:
    """Read and analyse the export at ``path``.

    ``as_of``: compute as of this day (a ``datetime.date`` or ``"YYYY-MM-DD"``)
    instead of the export's own date. ``include_spam``: count the SPAM folder
    too. ``redact``: stable pseudonyms instead of names, no profile links.
    ``strict``: the first warning (a skipped row) is an ``ExportError``.
    ``ledger``: the path of your ledger file (``rekindle touch/snooze/ignore/cadence
    --ledger FILE`` write it) applied as of today, as the CLI's ``--ledger FILE``: people
    it snoozes or ignores leave the lists, touches count as being in touch. A file that
    does not exist is no ledger (as the CLI); one that does not parse is an
    ``ExportError`` naming it and its line. ``None`` (the default): no ledger, the
    export alone decides (the CLI's ``--no-ledger``; no default location is looked up).

    Raises ``ExportError`` (a ``ValueError``) when the export cannot be read,
    with ``.path``, ``.file`` and ``.line``; the GIL is released while reading.
    """
    ledger_path, today = _ledger(ledger)
    return _open(_os.fspath(path), _as_of(as_of), include_spam, redact, strict, ledger_path, today)


def diff(
    old: _Path,
    new: _Path,
    *,
    as_of: Union[_datetime.date, str, None] = None,
    include_spam: bool = False,
    redact: bool = False,
    strict: bool = False,
    ledger: Optional[_Path] = None,
) -> Diff:
    """What changed between two exports of yours, as ``rekindle diff OLD NEW --format
    json``: job changes, new and gone connections, changed profile links, rekindled,
    gone cold. A ``Diff``: a dict of one DataFrame per list, the rest in ``.header``.

    Either order works: the older is found by its date; when ``new`` is the older, a
    ``UserWarning`` says so (the CLI's note on stderr) and it is compared to ``old``.
    Each export is read as of its own date, so ``as_of`` does not apply (given, it is a
    ``ValueError``, as the CLI's ``--as-of``). ``include_spam``, ``strict`` and
    ``ledger`` read both exports as ``open`` does. ``redact``: pseudonyms of the newer
    export (connections gone are ``Old person N``), no profile links.

    Raises ``ExportError`` naming the export (``.path``), file and line that cannot be
    read, or when the two exports belong to different people.
    """
    if as_of is not None:
        raise ValueError("diff reads each export as of its own date: as_of does not apply")
    ledger_path, today = _ledger(ledger)
    note, header, sections = _diff(
        _os.fspath(old), _os.fspath(new), include_spam, redact, strict, ledger_path, today
    )
    if note is not None:
        _warnings.warn(note, UserWarning, stacklevel=2)
    return Diff(sections, _frames.header(header))

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
from typing import Optional, Union

from ._rekindle import Analysis, ExportError, _open

__all__ = ["Analysis", "ExportError", "open"]


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
    ``ledger``: not available yet (raises ``NotImplementedError``).

    Raises ``ExportError`` (a ``ValueError``) when the export cannot be read,
    with ``.path``, ``.file`` and ``.line``; the GIL is released while reading.
    """
    if ledger is not None:
        raise NotImplementedError("rekindle.open(ledger=...): the ledger is not available yet")
    if isinstance(as_of, _datetime.datetime):
        raise TypeError("as_of must be a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(as_of, _datetime.date):
        as_of = as_of.isoformat()
    elif as_of is not None and not isinstance(as_of, str):
        raise TypeError(f"as_of must be a datetime.date or 'YYYY-MM-DD', not {type(as_of).__name__}")
    return _open(_os.fspath(path), as_of, include_spam, redact, strict)

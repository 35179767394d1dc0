"""The build's date from ``SOURCE_DATE_EPOCH``, checked as a person sets it.

MkDocs turns the variable into the sitemap's dates with ``int()``: a word gives a
traceback, ``-1`` a date in 1969, a huge number an error deep in a page. Checked
here first, it is refused in one line naming it.
"""

from __future__ import annotations

import re

#: 9999-12-31 23:59:59 UTC, the last second a date of Python's can hold.
LATEST = 253_402_300_799


def source_date_epoch(value: str | None) -> int | None:
    """The seconds since 1970 that ``value`` (the variable's text, or None if unset)
    gives, or ``ValueError`` naming the variable.

    >>> source_date_epoch("1700000000"), source_date_epoch(None)
    (1700000000, None)
    >>> source_date_epoch("-1")
    Traceback (most recent call last):
    ...
    ValueError: SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to 253402300799, got '-1'
    """
    if value is None:
        return None
    if re.fullmatch(r"[0-9]{1,12}", value) and int(value) <= LATEST:
        return int(value)
    shown = value if len(value) <= 40 else value[:37] + "..."
    raise ValueError(
        f"SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to {LATEST}, got {shown!r}"
    )

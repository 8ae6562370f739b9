"""Today's date, for everything that depends on it: reviews falling due, pilots ending,
announced changes taking effect, briefings.

`HANDBOOK_TODAY=YYYY-MM-DD` builds or lints the handbook as of another day: to see what
will fall due next month, to reproduce a past build, or to keep a test suite about a
sample handbook from failing the day its pilot ends.
"""

from __future__ import annotations

import datetime as dt
import os

VARIABLE = "HANDBOOK_TODAY"


class BadToday(ValueError):
    """HANDBOOK_TODAY is set to something that is not a date."""


def today() -> dt.date:
    """The date the handbook is built as of: HANDBOOK_TODAY when set, else the system's."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadToday(
            f"{VARIABLE}={value!r} is not a date: write it as YYYY-MM-DD "
            "(e.g. 2027-03-01), or unset it to use today's date"
        ) from None


def problem() -> str | None:
    """What is wrong with HANDBOOK_TODAY, checked once before a run, or None."""
    try:
        today()
    except BadToday as bad:
        return str(bad)
    return None

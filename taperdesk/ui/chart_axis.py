"""Calendar dates on the chart's x axis.

The chart's x is seconds since the epoch at UTC midnight of each day, and this axis
labels it in UTC too, so a tick sits exactly on the day a step starts whatever the
PC's time zone (pyqtgraph's DateAxisItem labels in local time, which puts every
label hours off a step's edge west of Greenwich). Ticks are whole days, Mondays or
month starts, far enough apart that their labels never touch.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pyqtgraph as pg

from taperdesk.ui.translation import ui_date

DAY = 86400.0
MIN_LABEL_PX = 84.0
"""The least room between two labelled ticks ("28 Dec 2026" fits in it)."""
DAY_STEPS = (1, 7, 14)
MONTH_STEPS = (1, 2, 3, 6, 12)
EPOCH = date(1970, 1, 1)
_EPOCH_DAY = EPOCH.toordinal()


def ts(d: date) -> float:
    """A date as the chart's x (seconds since the epoch, UTC midnight). Whole days times
    86 400, the value datetime(..., tzinfo=UTC).timestamp() gives, at a sixth of its cost
    (a 300-step plan asks for some 600 of these at each edit)."""
    return (d.toordinal() - _EPOCH_DAY) * DAY


def day_of(x: float) -> date:
    """The date nearest a chart x."""
    return datetime.fromtimestamp(round(x / DAY) * DAY, tz=UTC).date()


def _month_starts(first: date, last: date, every: int) -> list[date]:
    y, m = first.year, first.month
    out: list[date] = []
    while True:
        d = date(y, m, 1)
        if d > last:
            return out
        if d >= first and (m - 1) % every == 0:
            out.append(d)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


class DayAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """A bottom axis of calendar days: daily, weekly (Mondays), fortnightly or monthly
    labels, whichever leaves room; the year shows on the first label and in January."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self._monthly = False
        self._day_labels = False

    def tickValues(self, minVal: float, maxVal: float, size: float):  # type: ignore[no-untyped-def]  # noqa: N802, N803
        if size <= 0 or maxVal <= minVal:
            return []
        px_per_day = size * DAY / (maxVal - minVal)
        try:
            first, last = day_of(minVal), day_of(maxVal)
        except (OverflowError, OSError, ValueError):
            return []
        first = max(first, EPOCH)
        # A label centred on a tick too near the left end would be cut off (and dropped by
        # pyqtgraph): start at the first tick that has room, so it is the one with the year.
        room = day_of(minVal + MIN_LABEL_PX / 2 / px_per_day * DAY + DAY / 2)
        ticks: list[tuple[float, list[float]]] = []
        for n in DAY_STEPS:
            if n * px_per_day >= MIN_LABEL_PX:
                self._monthly, self._day_labels = False, n == 1
                start = room if n == 1 else room + timedelta(days=-room.weekday() % 7)
                days = [start + timedelta(days=i) for i in range(0, (last - start).days + 1, n)]
                ticks.append((n * DAY, [ts(d) for d in days]))
                if n > 1 and px_per_day >= 6:  # unlabelled day lines between the weeks
                    ticks.append((DAY, [ts(first + timedelta(days=i))
                                        for i in range((last - first).days + 1)]))
                return ticks
        self._monthly = True
        for every in MONTH_STEPS:
            if every * 30 * px_per_day >= MIN_LABEL_PX or every == MONTH_STEPS[-1]:
                months = _month_starts(room, last, every)
                return [(every * 30 * DAY, [ts(d) for d in months])]
        return []

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if spacing < DAY * 0.99 or (spacing == DAY and not self._day_labels):
            return [""] * len(values)
        out: list[str] = []
        for i, x in enumerate(values):
            d = day_of(x)
            if self._monthly:
                out.append(ui_date(d, "%b %Y") if i == 0 or d.month == 1 else ui_date(d, "%b"))
            else:
                show_year = i == 0 or (d.month == 1 and d.day <= spacing / DAY)
                out.append(
                    f"{d.day} {ui_date(d, '%b %Y')}" if show_year else f"{d.day} {ui_date(d, '%b')}"
                )
        return out

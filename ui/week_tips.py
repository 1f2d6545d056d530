"""What the week's tooltips say: a block's activity, market and times on both clocks, and what a
market ruler's hour is on the rep's clock."""

from __future__ import annotations

import datetime as dt
from html import escape

from planner.schedule import Event
from planner.timezones import zone as time_zone

from .week_paint import WeekLayout
from .week_view import WeekData, local_date, tr


def block_tip(data: WeekData, event: Event) -> str:
    """A block's tooltip: what, the rep's local time and the prospect's, and how it was placed."""
    rep_zone = time_zone(data.timezone)
    market = data.scenario.market(event.market)
    m_zone = time_zone(market.timezone)
    a, b = event.start.astimezone(rep_zone), event.end.astimezone(rep_zone)
    c, e = event.start.astimezone(m_zone), event.end.astimezone(m_zone)
    kind = tr("Live work, {minutes} min") if event.live else tr("Async work, {minutes} min")
    lines = [f"<b>{escape(event.activity, False)}: {escape(event.market, False)}</b>",
             escape(kind.format(minutes=event.minutes), False),
             escape(tr("Your time: {day} {start}-{end} {zone}").format(
                 day=local_date(a.date(), "ddd"), start=a.strftime("%H:%M"), end=b.strftime("%H:%M"),
                 zone=a.tzname()), False),
             escape(tr("Prospect's time: {day} {start}-{end} {zone} ({tz})").format(
                 day=local_date(c.date(), "ddd"), start=c.strftime("%H:%M"), end=e.strftime("%H:%M"),
                 zone=c.tzname(), tz=market.timezone), False)]
    if event.outside_hours:
        lines.append(escape(tr("Outside your working hours"), False))
    if event.pinned:
        lines.append(escape(tr("Placed by hand"), False))
    return "<br>".join(lines)


def ruler_tip(data: WeekData, layout: WeekLayout, ruler_day: int, ruler: int, hour: int) -> str:
    """What ruler ``ruler``'s markets' clocks read when the rep's reads ``hour``:00 on ``ruler_day``."""
    shown = layout.rulers[ruler]
    time, weekday = shown.labels[ruler_day][hour]
    day = local_date(data.monday + dt.timedelta(days=ruler_day), "ddd")
    return tr("{markets}: {time} {weekday} when it is {hour}:00 {day} for you").format(
        markets=", ".join(shown.markets), time=time, weekday=weekday or day, hour=f"{hour:02d}", day=day)

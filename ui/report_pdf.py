"""The report as a PDF: the core's report (planner/report.py) laid out with QPdfWriter.

Text pages (the summary, the territory table, the workload flags) are rich text paginated by
QTextDocument, tables repeating their header on each page. Each rep's week is the Week view's own
canvas and header (ui/week_canvas.py) painted onto the page, on a landscape page, cut to the hours
in use. Text stays text: searchable, with its fonts embedded.

The CLI reaches this module from ``rep-planner report`` only (planner/cli_report.py), importing it
when the command runs: the core never imports Qt.
"""

from __future__ import annotations

import html
import math
import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QFontInfo, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QRawFont, QRegion, QResizeEvent, QTextDocument)
from PySide6.QtWidgets import QApplication

from planner.errors import PlannerError
from planner.i18n import amount, number, percent
from planner.timezones import week_monday, zone as time_zone

from .view_parts import tr
from .week_canvas import WeekCanvas, WeekHeader
from .week_page import legend_html, legend_key, placed_summary, week_data
from .week_view import DAY_HEADER_H, HEADER_H, HOUR_H, local_date

PAGE_SIZES = {"A4": QPageSize.A4, "Letter": QPageSize.Letter}
MARGIN_MM = 15
WEEK_WIDTH = 1000   # the canvas's width in screen pixels, as in a window of the app


def no_font() -> str:
    """Why no report can be written on a machine with no font, in the reader's language."""
    return tr("no font found to write the report's text with: install one (Debian and Ubuntu: apt-get install "
              "fonts-dejavu-core)")


def application() -> QApplication:
    """The running QApplication, or one for the command line: offscreen when there is no display,
    so the report is written on a server as on a desktop."""
    app = QApplication.instance()
    if app is None:
        if not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(sys.argv[:1])
        _as_the_app_starts(app)
    return app


def _as_the_app_starts(app: QApplication) -> None:
    """What ui.app gives the window, given to the command line's QApplication too: the bundle's fonts
    (a machine with none would get a PDF without a word) and the report's own words in the language
    of the core's sentences (``--lang``, else LANG)."""
    from planner import i18n

    from . import app as desktop

    desktop.use_bundled_fonts(app, desktop.FONTS)  # read now: a test points FONTS at a folder of its own
    if i18n.current().language != "en":
        desktop.install_translator(app, i18n.current().language)


def font_problem(font: QFont | None = None) -> str | None:
    """Why text cannot be written, or None. With no font installed Qt writes a PDF with no text at
    all and reports success: the font it falls back on has no family and no character map."""
    font = font or QFont()
    raw = QRawFont.fromFont(font)
    if not QFontInfo(font).family() or not raw.isValid() or not raw.fontTable("cmap"):
        return no_font()
    return None


def default_page() -> str:
    """Letter where the locale measures in inches (the US), else A4."""
    from PySide6.QtCore import QLocale

    return "Letter" if QLocale().measurementSystem() == QLocale.ImperialUSSystem else "A4"


def render(report, page: str = "A4") -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    if page not in PAGE_SIZES:
        raise PlannerError(f"--page: give {' or '.join(PAGE_SIZES)} (got {page!r})")
    app = application()
    problem = font_problem(app.font())
    if problem:
        raise PlannerError(problem)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(tr("Plan for {period}: {name}").format(period=report.period, name=report.scenario.name))
    writer.setCreator("Rep Planner")
    # One pixel of the page is one of the screen, so the week's canvas lays out as in a window and
    # its fonts (in points) keep their size beside its geometry (in pixels).
    screen = QGuiApplication.primaryScreen()
    writer.setResolution(round(screen.logicalDotsPerInchY()) if screen else 96)
    writer.setPageLayout(_layout(page, QPageLayout.Portrait))
    painter = QPainter(writer)
    pages = _Pages(writer, painter, page)
    pages.text(_summary_html(report))
    for rep_page in report.rep_weeks:
        pages.week(report.scenario, rep_page)
    pages.text(_flags_html(report))
    pages.close()
    painter.end()
    buffer.close()
    pdf = bytes(data)
    if b"/FontFile" not in pdf:  # no text made it into the file: never hand over a report without words
        raise PlannerError(no_font())
    return pdf, pages.count


def write(report, path, page: str = "A4", *, database=None) -> int:
    """Write the report to ``path`` whole or not at all (planner.files.write_whole); its pages."""
    from planner.files import write_whole

    pdf, count = render(report, page)
    write_whole(path, pdf, database=database)
    return count


def _layout(page: str, orientation) -> QPageLayout:
    return QPageLayout(QPageSize(PAGE_SIZES[page]), orientation, QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Millimeter)


class _Pages:
    """Pages added one after another to the writer, portrait for text and landscape for weeks."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, page: str):
        self.writer, self.painter, self.page = writer, painter, page
        self.count = 0
        self.widgets: tuple[WeekCanvas, WeekHeader] | None = None

    def _week_widgets(self) -> tuple[WeekCanvas, WeekHeader]:
        """The Week view's canvas and header, made once for all the weeks: sized, styled and
        polished before the first week, each week is then laid out once."""
        if self.widgets is None:
            canvas = WeekCanvas()
            canvas.setFont(page_font())
            canvas.setPalette(QApplication.style().standardPalette())  # printed on white, whatever the theme
            header = WeekHeader(canvas)
            header.setPalette(canvas.palette())
            header.setFont(canvas.font())
            canvas.resize(WEEK_WIDTH, HEADER_H + 24 * HOUR_H)
            header.resize(WEEK_WIDTH, DAY_HEADER_H)
            for widget in (canvas, header):
                widget.ensurePolished()
                QApplication.sendPostedEvents(widget)
                QApplication.sendEvent(widget, QResizeEvent(widget.size(), widget.size()))
                widget.setAttribute(Qt.WA_PendingResizeEvent, False)
            self.widgets = canvas, header
        return self.widgets

    def close(self) -> None:
        for widget in reversed(self.widgets or ()):
            widget.deleteLater()

    def _next(self, orientation) -> QRectF:
        layout = _layout(self.page, orientation)
        if self.count:
            self.writer.setPageLayout(layout)
            self.writer.newPage()
        self.count += 1
        return QRectF(layout.paintRectPixels(self.writer.resolution()).translated(
            -layout.paintRectPixels(self.writer.resolution()).topLeft()))

    def text(self, body: str) -> None:
        doc = _document(self.writer, body)
        size = _layout(self.page, QPageLayout.Portrait).paintRectPixels(self.writer.resolution()).size()
        doc.setPageSize(QSizeF(size))
        for i in range(doc.pageCount()):
            area = self._next(QPageLayout.Portrait)
            self.painter.save()
            self.painter.translate(0, -i * area.height())
            doc.drawContents(self.painter, QRectF(0, i * area.height(), area.width(), area.height()))
            self.painter.restore()

    def week(self, scenario, rep_page) -> None:
        area = self._next(QPageLayout.Landscape)
        data, styles = week_data(scenario, rep_page.account, rep_page.year, rep_page.week)
        monday = week_monday(rep_page.year, rep_page.week)
        title = tr("{rep} ({zone}), {week}: {first} to {last}").format(
            rep=rep_page.rep, zone=rep_page.timezone, week=rep_page.account.week,
            first=local_date(monday, "d MMM"), last=local_date(monday.fromordinal(monday.toordinal() + 6), "d MMM yyyy"))
        above = _document(self.writer, f"<h3>{html.escape(title)}</h3><p>{legend_html(styles)}<br>"
                                       f"<small>{html.escape(placed_summary(rep_page.account))}</small></p>")
        above.setTextWidth(area.width())
        below = _document(self.writer, f"<p><small>{html.escape(legend_key())}</small></p>")
        below.setTextWidth(area.width())
        top, bottom = above.size().height(), below.size().height()
        self.painter.save()
        above.drawContents(self.painter)
        self.painter.restore()
        first, last = _hours_in_use(data)
        canvas, header = self._week_widgets()
        canvas.set_data(data)
        height = DAY_HEADER_H + (last - first) * HOUR_H + HEADER_H
        scale = min(area.width() / WEEK_WIDTH, (area.height() - top - bottom) / height)
        self.painter.save()
        self.painter.translate(0, top)
        self.painter.scale(scale, scale)
        header.render(self.painter, QPoint(0, 0))   # PySide6 wants the target point given
        self.painter.translate(0, DAY_HEADER_H)
        canvas.render(self.painter, QPoint(0, 0),
                      QRegion(0, first * HOUR_H, WEEK_WIDTH, (last - first) * HOUR_H + HEADER_H + 1))
        self.painter.restore()
        self.painter.save()
        self.painter.translate(0, top + height * scale)
        below.drawContents(self.painter)
        self.painter.restore()


def page_font() -> QFont:
    """The app's font without ligatures: a PDF keeps "fl" as one glyph, and a reader searching
    for "flags" would not find it."""
    font = QFont(QApplication.font())
    font.setStyleStrategy(QFont.PreferNoShaping)
    return font


def _document(writer: QPdfWriter, body: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(page_font())
    # Laid out for the page's resolution, not the screen's: else the text comes out a third of its size.
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultStyleSheet("th { text-align: left; background: #e8eaed; } td, th { padding: 2px 6px; } "
                             "h1 { font-size: x-large; } .critical { color: #c5221f; } .warning { color: #b06000; }")
    doc.setHtml(body)
    return doc


def _hours_in_use(data) -> tuple[int, int]:
    """The hours of the rep's clock a page shows: the working hours and the work, an hour either side."""
    zone = time_zone(data.timezone)
    minutes = [m for _, start, end in data.working for m in (start, end)]
    for e in data.schedule.events:
        start = e.start.astimezone(zone)
        first = start.hour * 60 + start.minute
        minutes += [first, min(1440, first + e.minutes)]
    if not minutes:
        return 8, 18
    return max(0, min(minutes) // 60 - 1), min(24, math.ceil(max(minutes) / 60) + 1)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' border='0.5' width='99%'><thead><tr>{head}</tr></thead>{body}</table>"


def _tag(name: str, text: str) -> str:
    """``text`` as an HTML element. (Qt's lupdate finds no tr() inside an f-string: each is called outside.)"""
    return f"<{name}>{html.escape(text)}</{name}>"


def _summary_html(report) -> str:
    plan, e = report.plan, html.escape
    share = plan.value / plan.total_value if plan.total_value else 0.0
    parts = [_tag("h1", tr("Plan for {period}: {name}").format(period=report.period, name=report.scenario.name)),
             "<p>" + e(tr("Value covered: {value} of {total} ({share}); {covered} of {markets} markets have a rep; "
                          "the busiest rep is at {util} of capacity.").format(
                 value=amount(plan.value), total=amount(plan.total_value), share=percent(share),
                 covered=report.covered_markets, markets=len(report.territory),
                 util=percent(plan.max_utilisation))) + "</p>"]
    if plan.locked_problems:
        parts.append(_tag("h2", tr("Assigned, and the week cannot hold them")) + "<ul>")
        parts += [f"<li><b>{e(x.rep)}</b>: {e(x.reason)}</li>" for x in plan.locked_problems]
        parts.append("</ul>")
    parts.append(_tag("h2", tr("Markets left out")))
    if plan.unassigned:
        parts.append("<ul>" + "".join(f"<li><b>{e(u.market)}</b> ({amount(u.value)}): {e(u.reason)}</li>"
                                      for u in plan.unassigned) + "</ul>")
    else:
        parts.append(_tag("p", tr("None: every market has a rep.")))
    parts.append(_tag("h2", tr("Where to hire next")))
    if plan.hire:
        parts.append("<ul>" + "".join("<li>" + e(tr("A rep in {zone} ({hours}) would take {markets}: {value}").format(
            zone=h.timezone, hours=h.hours, markets=", ".join(h.markets), value=amount(h.value))) + "</li>"
            for h in plan.hire) + "</ul>")
    else:
        parts.append(_tag("p", tr("No hire suggested: no market is left out, or no new rep would take one.")))
    parts.append(_tag("h2", tr("Reps")))
    parts.append(_table([tr("Rep"), tr("Markets"), tr("Work planned (h)"), tr("Capacity (h)"), tr("Load")],
                        [[r.rep, str(r.markets), number(r.load_hours), number(r.capacity_hours), percent(r.utilisation)]
                         for r in plan.reps]))
    parts.append(_tag("h2", tr("Territory")))
    parts.append(_table(
        [tr("Market"), tr("Time zone"), tr("Tier"), tr("Value"), tr("Rep"), tr("Shared h"), tr("Fit"), tr("Work h")],
        [[t.market, t.timezone, t.tier, amount(t.value),
          (t.rep + (" " + tr("(locked)") if t.locked else "")) if t.rep else tr("left out"),
          number(t.shared_hours) if t.rep else "", percent(t.fit) if t.rep else "",
          number(t.load_hours) if t.rep else ""] for t in report.territory]))
    return "".join(parts)


def _flags_html(report) -> str:
    e = html.escape
    parts = [_tag("h2", tr("Workload flags, {period}").format(period=report.period))]
    if not report.flags:
        parts.append(_tag("p", tr("No workload flags: every week keeps the rules.")))
        return "".join(parts)
    severity = {"critical": tr("critical"), "warning": tr("warning"), "info": tr("info")}
    head = "".join(f"<th>{e(h)}</th>" for h in (tr("Rep"), tr("Week"), tr("Severity"), tr("Rule"), tr("What, and why it matters")))
    rows = "".join(f"<tr><td>{e(f.rep)}</td><td>{e(f.week)}</td><td class='{f.severity}'>"
                   f"{e(severity.get(f.severity, f.severity))}</td><td>{e(f.rule)}</td><td>{e(f.message)}<br>"
                   f"<small><i>{e(f.source)}</i></small></td></tr>" for f in report.flags)
    parts.append(f"<table cellspacing='0' border='0.5' width='99%'><thead><tr>{head}</tr></thead>{rows}</table>")
    return "".join(parts)

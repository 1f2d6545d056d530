"""``rep-planner report``: the plan, the reps' weeks and the workload flags as a PDF for the meeting.

The content is the core's (planner/report.py); the pages are drawn with Qt (ui/report_pdf.py), so
that each rep's week is the Week view's own drawing. This is the one command that reaches into
``ui``, and only when it runs: importing the core loads no Qt (tests/test_architecture.py).
"""

from __future__ import annotations

from .cli import _say, _store, _week, command
from .errors import PlannerError
from .i18n import _

PAGES = ("A4", "Letter")


def add_parsers(add) -> None:
    """``report``'s arguments (``add`` is :func:`planner.cli.build_parser`'s helper)."""
    p = add("report", _("write a PDF for the meeting: the plan's summary, the territory table, each rep's week "
                      "and the workload flags"))
    p.add_argument("--week", help=_("ISO week such as 2027-W11 (default: this week)"))
    p.add_argument("--weeks", type=int, default=1, help=_("weeks of each rep drawn and checked, 1 to 52 (default 1)"))
    p.add_argument("--page", choices=PAGES, default="A4", help=_("paper size (default A4)"))
    p.add_argument("-o", "--output", required=True, help=_("the .pdf file to write"))


def _drawing():
    """ui.report_pdf, or why it cannot be loaded (Qt's libraries missing on a bare server)."""
    try:
        from ui import report_pdf
    except ImportError as exc:
        raise PlannerError(_("report: the PDF is drawn with Qt, which cannot be loaded here ({problem}); see the "
                             "README's list of system packages").format(problem=exc)) from None
    return report_pdf


@command("report")
def cmd_report(args, today):
    from .report import build_report, check_weeks

    check_weeks(args.weeks)  # bad options and a missing database refused before Qt is loaded
    store = _store(args)
    report_pdf = _drawing()
    year, week = _week(args, today)
    report = build_report(store, year, week, args.weeks)
    pages = report_pdf.write(report, args.output, args.page, database=store.path)
    _say(_("Wrote {pages} pages ({paper}) to {path}: {markets} markets, {reps} reps' weeks, {flags} workload "
           "flags").format(pages=pages, paper=args.page, path=args.output, markets=len(report.territory),
                           reps=len({p.rep for p in report.rep_weeks}), flags=len(report.flags)))

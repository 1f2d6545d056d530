"""The Territories grid's model: markets (rows) x reps (columns), filtered and sorted from index arrays.

Every cell is served from lookups built once per change: the core's fit table (a dict keyed by rep
and market, built when reps, markets or the week change), each market's rep (rebuilt from the
assignments alone) and each cell's heat (0 red, 1 amber, 2 green). What is shown is two index lists,
the markets' and the reps', chosen by a :class:`GridFilter` and put in a :class:`GridOrder`; a row
or column of the grid is an index into them, so ``data`` is O(1) per cell at any size, and a filter
or sort walks the 1,500 names, never the 500,000 cells. (A QSortFilterProxyModel calls Python per
row and per comparison, about 70 ms of CPU to sort the 1,000 rows of the Markets table, and would
pass every cell's data through its mapping.)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import itemgetter

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from planner.model import TIERS
from planner.regions import REGIONS, region_of
from planner.territories import RepLoad
from planner.territories.fit import EPS

DISPLAY, TOOLTIP, ALIGN = Qt.DisplayRole, Qt.ToolTipRole, Qt.TextAlignmentRole
BACKGROUND, FOREGROUND, FONT = Qt.BackgroundRole, Qt.ForegroundRole, Qt.FontRole
HORIZONTAL = Qt.Horizontal
CENTRE = int(Qt.AlignCenter)
HEAT_COLOURS = ("#f4c7c3", "#fce8b2", "#b7e1cd")  # no shared hours, too few for the live work, enough
MARKET_ORDERS = ("name", "value", "tier", "shared")
REP_ORDERS = ("name", "load")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def region_label(region: str) -> str:
    return {"Americas": tr("Americas"), "EMEA": tr("EMEA"), "APAC": tr("APAC")}.get(region, region)


@dataclass(frozen=True)
class GridFilter:
    """What the grid shows. ``text`` narrows the markets and the reps whose names contain it (a text
    naming only markets keeps every rep, and the other way round); ``region`` keeps the markets and
    reps whose time zone lies in it; ``tier`` the markets of that tier; ``rep`` only that rep's column,
    and with ``rep_markets_only`` only the markets assigned to them."""

    text: str = ""
    region: str | None = None
    tier: str | None = None
    rep: str | None = None
    rep_markets_only: bool = False

    @property
    def active(self) -> bool:
        return self != GridFilter()


@dataclass(frozen=True)
class GridOrder:
    """Markets by name (A to Z), value (highest first), tier (A first, then by value) or the hours
    they share with ``shared_with`` (most first); reps by name or load (busiest first)."""

    markets: str = "name"
    shared_with: str | None = None
    reps: str = "name"


class TerritoryModel(QAbstractTableModel):
    """Markets (rows) x reps (columns): shared hours as a heat colour; assigned and locked marked.

    ``show`` sets the filter and order; ``cell`` and ``market_row``/``rep_column`` map between grid
    positions and the scenario's reps and markets through them.
    """

    lookups_changed = Signal()  # reps, markets or the week changed: the names and regions may differ
    shown_changed = Signal()    # the rows or columns shown, or their order, changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = None
        self.scenario = None
        self.filter, self.order = GridFilter(), GridOrder()
        self._reps: list = []
        self._markets: list = []
        self._fits: dict = {}
        self._rep_names: list[str] = []
        self._market_names: list[str] = []
        self._rep_regions: list[str] = []
        self._market_regions: list[str] = []
        self._rep_folded: list[str] = []    # names in lower case, for the text filter
        self._market_folded: list[str] = []
        self._heat: list[bytes] = []        # per market: each rep's heat, in the scenario's rep order
        self._assigned: dict[int, tuple[int, bool]] = {}  # market -> (rep, locked), scenario indexes
        self._loads: list[RepLoad] = []
        self._rows: list[int] = []          # the markets shown, in order (scenario indexes)
        self._cols: list[int] = []
        self._row_of: dict[int, int] = {}   # market -> grid row, for the markets shown
        self._col_of: dict[int, int] = {}
        self._row_names: list[str] = []     # the names of the markets shown, for O(1) fit lookups
        self._col_names: list[str] = []
        self._brushes = tuple(QBrush(QColor(c)) for c in HEAT_COLOURS)
        self._ink = QBrush(QColor("#202124"))
        self._bold = QFont()
        self._bold.setBold(True)

    # --- lookups ---
    def set_fit(self, scenario, table) -> None:
        """A new fit table (reps, markets or the week changed): rebuild every lookup, keep the filter."""
        self.beginResetModel()
        self.scenario, self.table = scenario, table
        self._reps, self._markets = list(scenario.reps), list(scenario.markets)
        self._rep_names, self._market_names = [r.name for r in self._reps], [m.name for m in self._markets]
        self._fits = fits = table.fits
        self._rep_regions = [region_of(r.timezone) for r in self._reps]
        self._market_regions = [region_of(m.timezone) for m in self._markets]
        self._rep_folded = [n.casefold() for n in self._rep_names]
        self._market_folded = [n.casefold() for n in self._market_names]
        self._heat = heat_by_market(fits, self._rep_names, self._market_names)
        self._index_assignments()
        self._shown()
        self.endResetModel()
        self.lookups_changed.emit()
        self.shown_changed.emit()

    def set_assignments(self, scenario) -> None:
        """Only the assignments changed: update the rows whose rep changed, or the whole grid when
        what it shows depends on them (only a rep's markets, reps by load)."""
        before = self._assigned
        self.scenario = scenario
        self._index_assignments()
        if self.filter.rep_markets_only or self.order.reps == "load":
            self.show(self.filter, self.order)
            return
        last = len(self._cols) - 1
        for market in {m for m in before.keys() | self._assigned.keys() if before.get(m) != self._assigned.get(m)}:
            row = self._row_of.get(market)
            if row is not None and last >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _index_assignments(self) -> None:
        markets = {name: i for i, name in enumerate(self._market_names)}
        reps = {name: j for j, name in enumerate(self._rep_names)}
        self._assigned = {markets[a.market]: (reps[a.rep], a.locked) for a in self.scenario.assignments
                          if a.market in markets and a.rep in reps}
        load = [0.0] * len(self._reps)
        count = [0] * len(self._reps)
        for market, (rep, _locked) in self._assigned.items():
            load[rep] += self._fits[(self._rep_names[rep], self._market_names[market])].load_hours
            count[rep] += 1
        capacity = self.table.capacity
        self._loads = [RepLoad(name, load[j], capacity.get(name, 0.0), count[j])
                       for j, name in enumerate(self._rep_names)]

    # --- what is shown ---
    def show(self, grid_filter: GridFilter, order: GridOrder) -> None:
        """Show the markets and reps ``grid_filter`` keeps, in ``order``."""
        self.beginResetModel()
        self.filter, self.order = grid_filter, order
        self._shown()
        self.endResetModel()
        self.shown_changed.emit()

    def _shown(self) -> None:
        f, markets, reps = self.filter, range(len(self._markets)), range(len(self._reps))
        text = f.text.strip().casefold()
        if text:
            named_markets = [i for i in markets if text in self._market_folded[i]]
            named_reps = [j for j in reps if text in self._rep_folded[j]]
            if named_markets or named_reps:
                markets = named_markets or markets
                reps = named_reps or reps
            else:
                markets = reps = ()
        if f.region:
            markets = [i for i in markets if self._market_regions[i] == f.region]
            reps = [j for j in reps if self._rep_regions[j] == f.region]
        if f.tier:
            markets = [i for i in markets if self._markets[i].tier == f.tier]
        if f.rep:
            rep = self._rep_index(f.rep)
            reps = [j for j in reps if j == rep]
            if f.rep_markets_only:
                markets = [i for i in markets if self._assigned.get(i, (None,))[0] == rep]
        self._rows = self._ordered_markets(list(markets))
        self._cols = self._ordered_reps(list(reps))
        self._row_of = {m: i for i, m in enumerate(self._rows)}
        self._col_of = {r: j for j, r in enumerate(self._cols)}
        self._row_names = [self._market_names[i] for i in self._rows]
        self._col_names = [self._rep_names[j] for j in self._cols]

    def _rep_index(self, name: str | None) -> int | None:
        try:
            return self._rep_names.index(name)
        except ValueError:
            return None

    def _ordered_markets(self, markets: list[int]) -> list[int]:
        o, names, all_ = self.order, self._market_folded, self._markets
        markets.sort(key=names.__getitem__)  # ties in what follows stay in name order
        if o.markets == "value":
            markets.sort(key=lambda i: -all_[i].value)
        elif o.markets == "tier":
            rank = {t: k for k, t in enumerate(TIERS)}
            markets.sort(key=lambda i: (rank.get(all_[i].tier, len(rank)), -all_[i].value))
        elif o.markets == "shared" and o.shared_with in self._rep_names:
            fits, rep = self._fits, o.shared_with
            markets.sort(key=lambda i: -fits[(rep, self._market_names[i])].overlap_hours)
        return markets

    def _ordered_reps(self, reps: list[int]) -> list[int]:
        reps.sort(key=self._rep_folded.__getitem__)
        if self.order.reps == "load":
            reps.sort(key=lambda j: -self._loads[j].utilisation)
        return reps

    def counts(self) -> tuple[int, int, int, int]:
        """Markets shown, markets in all, reps shown, reps in all."""
        return len(self._rows), len(self._markets), len(self._cols), len(self._reps)

    def rep_names(self) -> list[str]:
        return list(self._rep_names)

    def regions(self) -> list[str]:
        """The regions of the reps and markets, in the order of planner.regions.REGIONS."""
        present = set(self._rep_regions) | set(self._market_regions)
        return [r for r in REGIONS if r in present]

    def market_row(self, name: str) -> int | None:
        """The grid row of market ``name``, or None when it is not shown."""
        try:
            return self._row_of.get(self._market_names.index(name))
        except ValueError:
            return None

    def rep_column(self, name: str) -> int | None:
        index = self._rep_index(name)
        return None if index is None else self._col_of.get(index)

    def rep_at(self, column: int) -> str:
        return self._col_names[column]

    def heat_rows(self) -> list[bytes]:
        """Each shown market's heat for the reps shown (0 red, 1 amber, 2 green), in grid order."""
        if not self._cols:
            return [b"" for _ in self._rows]
        if len(self._cols) == 1:
            only = self._cols[0]
            return [self._heat[m][only:only + 1] for m in self._rows]
        pick = itemgetter(*self._cols)
        return [bytes(pick(self._heat[m])) for m in self._rows]

    def assigned_cells(self) -> list[tuple[int, int, bool]]:
        """(row, column, locked) of each assignment the grid shows."""
        col_of = self._col_of
        return [(row, col_of[rep], locked) for row, (rep, locked) in
                ((self._row_of[m], a) for m, a in self._assigned.items() if m in self._row_of) if rep in col_of]

    # --- Qt ---
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._cols)

    def cell(self, index):
        """The rep and the market of a grid cell."""
        return self._reps[self._cols[index.column()]], self._markets[self._rows[index.row()]]

    def data(self, index, role=DISPLAY):
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows)) or not (0 <= column < len(self._cols)):
            return None
        if role == DISPLAY:
            assigned = self._assigned.get(self._rows[row])
            mark = ""
            if assigned is not None and assigned[0] == self._cols[column]:
                mark = (" \u2713 " + tr("locked")) if assigned[1] else " \u2713"
            return f"{self._fits[(self._col_names[column], self._row_names[row])].overlap_hours:g} h{mark}"
        if role == ALIGN:
            return CENTRE
        if role == BACKGROUND:
            return self._brushes[self._heat[self._rows[row]][self._cols[column]]]
        if role == FOREGROUND:
            return self._ink
        if role == FONT:
            assigned = self._assigned.get(self._rows[row])
            return self._bold if assigned is not None and assigned[0] == self._cols[column] else None
        if role == TOOLTIP:
            rep, market = self.cell(index)
            fit = self._fits[(rep.name, market.name)]
            text = tr("{rep} and {market} share {hours:g} h a week; its live work needs {live:g} h.").format(
                rep=rep.name, market=market.name, hours=fit.overlap_hours, live=fit.live_hours)
            assigned = self._assigned.get(self._rows[row])
            if assigned is not None and assigned[0] == self._cols[column]:
                text += " " + (tr("Assigned and locked.") if assigned[1] else tr("Assigned."))
            return text
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if role not in (DISPLAY, TOOLTIP):
            return None
        if orientation == HORIZONTAL:
            if not 0 <= section < len(self._cols):
                return None
            name = self._col_names[section]
            if role == DISPLAY:
                return name + (" \u25be" if self.order.markets == "shared" and self.order.shared_with == name else "")
            return self._rep_tip(self._loads[self._cols[section]])
        if not 0 <= section < len(self._rows):
            return None
        market = self._markets[self._rows[section]]
        if role == DISPLAY:
            return market.name
        return tr("{market}: tier {tier}, value {value}, {region}.\nClick: sort the markets by name, then by "
                  "value, then by tier.").format(market=market.name, tier=market.tier, value=f"{market.value:,.0f}",
                                                region=region_label(self._market_regions[self._rows[section]]))

    @staticmethod
    def _rep_tip(load: RepLoad) -> str:
        return tr("{rep}: {markets} markets, {load:g} h of work a week, {share:.0%} of the {capacity:g} h they can "
                  "take.\nClick: sort the markets by the hours they share with {rep}, most first.\n"
                  "Shift+click: sort the reps by name, then by load.").format(
            rep=load.rep, markets=load.markets, load=round(load.load_hours, 2), share=load.utilisation,
            capacity=round(load.capacity_hours, 2))


def heat(fit) -> int:
    """0 (red): no shared hours; 1 (amber): too few for the market's live work; 2 (green): enough."""
    return 0 if fit.overlap_hours == 0 else 2 if fit.live_hours <= fit.overlap_hours + EPS else 1


def heat_by_market(fits: dict, reps: list[str], markets: list[str]) -> list[bytes]:
    """Each market's heat with every rep, in ``reps`` order: one bytes object per market.

    fit_table fills its dict rep by rep, markets in the scenario's order. When the keys say so (the
    count, the first and last reps' markets, every rep's first market), the heat is read in one pass
    over the values and each market's row sliced out of it: 0.07 s rather than 0.4 s at 500 x 1,000,
    where a full check of the keys would cost more than it saves. Otherwise pair by pair.
    """
    n = len(markets)
    keys = list(fits)
    if n and reps and len(keys) == len(reps) * n and keys[:n] == [(reps[0], m) for m in markets] \
            and keys[::n] == [(r, markets[0]) for r in reps] and keys[-n:] == [(reps[-1], m) for m in markets]:
        flat = bytes(0 if f.overlap_hours == 0 else 2 if f.live_hours <= f.overlap_hours + EPS else 1
                     for f in fits.values())
        return [flat[i::n] for i in range(n)]
    return [bytes(heat(fits[(r, m)]) for r in reps) for m in markets]


def with_shared_hours(order: GridOrder, rep: str) -> GridOrder:
    """``order`` with the markets sorted by the hours they share with ``rep``."""
    return replace(order, markets="shared", shared_with=rep)

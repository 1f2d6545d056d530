"""Territories: which rep covers which market, chosen by HiGHS and explained.

Read it one part at a time:

* :mod:`.fit`: what each rep and market share in the week (hours, fit, capacity);
* :mod:`.rules`: the rules a rep's set of markets keeps, the scheduler's check last;
* :mod:`.search`: a first plan, repairs, and local moves toward balance and fit;
* :mod:`.model`: the HiGHS model, tightened by cuts from refused weeks (LBBD);
* :mod:`.bounds`: a linear relaxation that bounds value and fit on large territories;
* :mod:`.optimiser`: the three objectives in order: value, balance band, fit;
* :mod:`.explain` and :mod:`.plan`: the plan and every choice in words;
* :mod:`.hiring`: where to hire next.
"""

from .fit import Fit, FitTable, fit_table, mean_fit
from .model import Progress
from .optimiser import greedy_assignment, optimise
from .plan import (HireOption, LeftOut, LockedProblem, Plan, PlannedAssignment, RepLoad, apply_plan,
                   plan_to_dict)

__all__ = ["Fit", "FitTable", "HireOption", "LeftOut", "LockedProblem", "Plan", "PlannedAssignment", "Progress",
           "RepLoad", "apply_plan", "fit_table", "greedy_assignment", "mean_fit", "optimise", "plan_to_dict"]

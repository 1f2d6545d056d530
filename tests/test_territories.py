import random
import threading

import pytest

from planner.errors import PlannerError
from planner.model import ActivityType, Assignment, Market, Rep, Scenario, Settings
from planner.territories import fit_table, optimise

WEEK = (2027, 11)


@pytest.fixture(scope="module")
def demo_plan(demo):
    return optimise(demo, *WEEK)


def test_demo_never_gives_a_market_to_a_rep_whose_hours_cannot_hold_its_live_work(demo, demo_plan):
    table = fit_table(demo, *WEEK)
    assert demo_plan.status == "optimal" and demo_plan.gap == 0
    for a in demo_plan.assignments:
        assert table.get(a.rep, a.market).live_hours <= table.get(a.rep, a.market).overlap_hours
    for rep in demo_plan.reps:
        assert rep.load_hours <= rep.capacity_hours


def test_demo_covers_the_reachable_high_value_markets_and_explains_the_rest(demo, demo_plan):
    covered = {a.market for a in demo_plan.assignments}
    assert {"US East", "UK & Ireland", "DACH", "Gulf"} <= covered
    left = {u.market: u for u in demo_plan.unassigned}
    assert set(left) == {m.name for m in demo.markets} - covered
    # Zurich office hours never meet Sydney's or Auckland's, nor enough of Los Angeles'.
    for market in ("US West", "Australia", "New Zealand"):
        assert left[market].code == "no_overlap"
        assert "live work" in left[market].reason
    assert all(u.reason for u in demo_plan.unassigned)
    assert all(a.reason.startswith(a.rep) for a in demo_plan.assignments)


def test_hire_suggestions_cover_what_is_left_out(demo_plan):
    assert 1 <= len(demo_plan.hire) <= 3
    left = {u.market for u in demo_plan.unassigned}
    for option in demo_plan.hire:
        assert set(option.markets) <= left and option.value > 0
    # A rep in the Americas would take US West, the most valuable market left out.
    assert "US West" in demo_plan.hire[0].markets


def test_locked_assignments_stay(demo):
    locked = demo.replace(assignments=[Assignment("Laura", "India", locked=True)])
    plan = optimise(locked, *WEEK, hire=False)
    assert any(a.market == "India" and a.rep == "Laura" and a.locked for a in plan.assignments)


@pytest.mark.parametrize("change,message", [
    (lambda s: s.replace(reps=(), assignments=()), "no reps"),
    (lambda s: s.replace(markets=(), assignments=()), "no markets"),
    (lambda s: s.replace(assignments=[Assignment("Laura", m.name, locked=True) for m in s.markets[:8]]),
     "Locked markets give Laura"),
])
def test_impossible_inputs_get_a_clear_message(demo, change, message):
    with pytest.raises(PlannerError, match=message):
        optimise(change(demo), *WEEK)


def test_a_rep_on_holiday_all_week_takes_nothing(demo):
    # The rep's only working day in 2027-W51 is Saturday 25 December, Christmas Day.
    rep = Rep("Holiday", "Europe/Zurich", "CH", "Sat 09:00-17:00")
    plan = optimise(demo.replace(reps=(rep,), assignments=()), 2027, 51, hire=False)
    assert plan.assignments == () and plan.reps[0].capacity_hours == 0


def test_progress_is_reported_and_cancel_stops(demo):
    seen = []
    optimise(demo, *WEEK, progress=seen.append, hire=False)
    assert seen and {p.phase for p in seen} <= {"value", "balance", "fit"}
    from benchmarks.generate import generate
    big = generate(60, 150, seed=3)
    stop = threading.Event()
    stop.set()
    plan = optimise(big, *WEEK, should_stop=stop.is_set, hire=False, time_limit=60)
    assert plan.status == "cancelled"  # the best plan so far, marked as such
    assert plan.seconds < 30 and plan.assignments


# --- against brute force ---------------------------------------------------------------------

ZONES = ["Europe/Zurich", "America/New_York", "Asia/Kolkata", "Asia/Riyadh", "Australia/Sydney", "Europe/London"]
HOURS = ["Mon-Fri 09:00-12:00", "Mon-Fri 10:00-13:00", "Mon-Fri 14:00-17:00", "Mon,Wed,Fri 08:00-18:00",
         "Sun-Thu 09:00-11:00", "Tue-Thu 12:00-15:00"]
ACTIVITIES = (ActivityType("Call", 60, True), ActivityType("Email", 30, False))


def random_scenario(rng: random.Random) -> Scenario:
    reps = [Rep(f"R{i}", rng.choice(ZONES), "CH", rng.choice(HOURS), max_weekly_hours=rng.choice([4, 8, 12, 20]))
            for i in range(rng.randint(1, 4))]
    markets = [Market(f"M{j}", rng.choice(ZONES), "CH", rng.choice(HOURS), "B", rng.randint(1, 20) * 10,
                      {"Call": rng.randint(1, 8), "Email": rng.randint(0, 6)})
               for j in range(rng.randint(1, 7))]
    settings = Settings(max_markets_per_rep=rng.randint(1, 4), max_offset_spread_hours=rng.choice([0, 2, 5, 26]))
    return Scenario("random", ACTIVITIES, reps, markets, (), settings)


def brute_force(scenario: Scenario) -> tuple[float, float, float]:
    """The best (value, -excess over the balance band, total fit score) by enumerating every
    plan whose every rep's week the scheduler keeps, with the optimiser's rules."""
    from planner.schedule import build_week
    from planner.territories.rules import fit_score

    table = fit_table(scenario, *WEEK, holidays=False)
    markets = [m.name for m in scenario.markets]
    value = [scenario.market(m).value for m in markets]
    load = [table.get(scenario.reps[0].name, m).load_hours for m in markets]
    settings = scenario.settings
    margin = settings.balance_margin_points / 100
    caps = {r.name: table.capacity[r.name] for r in scenario.reps if table.capacity[r.name] > 0}
    per_rep = []
    for rep in scenario.reps:
        cap = table.capacity[rep.name]
        options = [(0, 0.0, 0.0, 0.0)]
        for subset in range(1, 1 << len(markets)):
            chosen = [j for j in range(len(markets)) if subset >> j & 1]
            total = sum(load[j] for j in chosen)
            offsets = [table.offsets[markets[j]] for j in chosen]
            if cap <= 0 or total > cap + 1e-9 or len(chosen) > settings.max_markets_per_rep:
                continue
            if max(offsets) - min(offsets) > settings.max_offset_spread_hours + 1e-9:
                continue
            ordered = sorted((scenario.markets[j] for j in chosen), key=lambda m: (-m.value, m.name))
            if build_week(scenario, rep.name, *WEEK, holidays=False, markets=ordered).unplaced:
                continue
            options.append((subset, sum(value[j] for j in chosen), total,
                            sum(fit_score(table.get(rep.name, markets[j]).fit) for j in chosen)))
        per_rep.append(options)
    best = None

    def search(i, used, total_value, loads, fit):
        nonlocal best
        if i == len(per_rep):
            average = sum(loads[r] for r in caps) / sum(caps.values()) if caps else 0.0
            excess = max([0.0] + [loads[r] / c - average - margin for r, c in caps.items()])
            key = (round(total_value, 6), -round(excess, 9), round(fit, 6))
            best = key if best is None or key > best else best
            return
        name = scenario.reps[i].name
        for subset, v, l, f in per_rep[i]:
            if subset & used == 0:
                search(i + 1, used | subset, total_value + v, loads | {name: l}, fit + f)

    search(0, 0, 0.0, {}, 0.0)
    return best


def test_optimiser_matches_brute_force_on_random_small_instances():
    """Value first, then every rep within the balance band (or as near it as can be), then the
    most fit: the optimiser's proven plan equals the best of every plan the scheduler keeps."""
    from planner.territories.rules import fit_score

    rng = random.Random(20271)
    checked = 0
    for _ in range(220):
        scenario = random_scenario(rng)
        plan = optimise(scenario, *WEEK, hire=False, holidays=False)
        value, neg_excess, fit = brute_force(scenario)
        assert plan.status == "optimal", scenario
        assert plan.value == pytest.approx(value), scenario
        assert -plan.excess == pytest.approx(neg_excess, abs=1e-6), scenario
        assert sum(fit_score(a.fit) for a in plan.assignments) == pytest.approx(fit), scenario
        checked += 1
    assert checked >= 200


# --- the search's own safeguards ----------------------------------------------------------------

def _problem_of(scenario):
    from planner.territories.rules import WeekCheck, problem
    return problem(scenario, fit_table(scenario, *WEEK, holidays=False), WeekCheck(scenario, *WEEK, holidays=False))


def test_a_plan_whose_live_work_clashes_is_repaired_without_losing_a_market_another_rep_can_take():
    from planner.territories.rules import joint_violations
    from planner.territories.search import repair
    # Both markets need 2 h of calls on Monday 09:00-12:00 (Zurich); a rep working those 3 h
    # can hold either, not both. Ana holds both; Ben can take one.
    calls = (ActivityType("Call", 60, True),)
    reps = [Rep(name, "Europe/Zurich", "CH", "Mon 09:00-12:00") for name in ("Ana", "Ben")]
    markets = [Market(name, "Europe/Zurich", "CH", "Mon 09:00-12:00", "A", value, {"Call": 2})
               for name, value in (("Bern", 300), ("Basel", 100))]
    scenario = Scenario("clash", calls, reps, markets, (), Settings())
    problem = _problem_of(scenario)
    both = [problem.pairs.index(("Ana", "Bern")), problem.pairs.index(("Ana", "Basel"))]
    assert joint_violations(problem, both)
    repaired = {problem.pairs[k] for k in repair(problem, both, float('inf'))}
    assert repaired == {("Ana", "Bern"), ("Ben", "Basel")}  # the cheaper market moves
    # Without Ben, Basel is left out and Ana keeps the more valuable market.
    alone = scenario.replace(reps=reps[:1])
    problem = _problem_of(alone)
    both = [problem.pairs.index(("Ana", "Bern")), problem.pairs.index(("Ana", "Basel"))]
    assert {problem.pairs[k] for k in repair(problem, both, float('inf'))} == {("Ana", "Bern")}


def test_an_over_capacity_territory_gets_a_plan_within_the_band_quickly():
    # 10 reps cannot take all 80 markets: the value is proven, every rep is within the band,
    # and the fit is proven or within 1%, long before the time limit.
    from benchmarks.generate import generate
    plan = optimise(generate(10, 80, seed=1), *WEEK, hire=False, time_limit=120)
    assert plan.value < plan.total_value and plan.gap == 0
    assert plan.excess == 0 and plan.max_utilisation <= plan.band + 1e-9
    assert plan.fit_gap is not None and plan.fit_gap <= 0.01
    assert plan.seconds < 60


# --- time-zone fit ------------------------------------------------------------------------------

def _six_reps() -> Scenario:
    """The team from the issue: two in Zurich, one each in Singapore, Chicago, Sydney and Kolkata."""
    acts = (ActivityType("Demo", 45, True), ActivityType("Call", 30, True), ActivityType("Admin", 60, False))
    reps = [Rep("Anna", "Europe/Zurich", "CH", "Mon-Fri 08:00-17:00"),
            Rep("Beat", "Europe/Zurich", "CH", "Mon-Fri 08:00-12:00, 14:00-19:00"),
            Rep("Mei", "Asia/Singapore", "SG", "Mon-Fri 09:00-18:00"),
            Rep("Jake", "America/Chicago", "US", "Mon-Fri 08:00-17:00"),
            Rep("Olivia", "Australia/Sydney", "AU", "Mon-Fri 08:00-17:00"),
            Rep("Priya", "Asia/Kolkata", "IN", "Mon-Sat 09:30-18:30", max_weekly_hours=30)]
    zones = [("US Central", "America/Chicago", "US"), ("US East", "America/New_York", "US"),
             ("Brazil", "America/Sao_Paulo", "BR"), ("DACH", "Europe/Berlin", "DE"),
             ("UK", "Europe/London", "GB"), ("Gulf", "Asia/Dubai", "AE"), ("India", "Asia/Kolkata", "IN"),
             ("ASEAN", "Asia/Singapore", "SG"), ("Japan", "Asia/Tokyo", "JP"),
             ("Australia", "Australia/Sydney", "AU"), ("New Zealand", "Pacific/Auckland", "NZ")]
    markets = [Market(name, tz, country, "Mon-Fri 09:00-17:30", "A", 100_000 + 10_000 * i,
                      {"Demo": 4, "Call": 4, "Admin": 4})
               for i, (name, tz, country) in enumerate(zones)]
    return Scenario("six reps", acts, reps, markets, (), Settings())


def test_a_market_goes_to_the_rep_in_its_own_zone_not_half_a_world_away():
    scenario = _six_reps()
    plan = optimise(scenario, *WEEK, hire=False)
    owner = {a.market: a for a in plan.assignments}
    assert plan.status == "optimal"
    assert owner["US Central"].rep == "Jake" and owner["Australia"].rep == "Olivia"
    assert owner["ASEAN"].rep == "Mei" and owner["India"].rep == "Priya"
    assert "best time-zone fit" in owner["US Central"].reason or "as well as any" in owner["US Central"].reason


def test_no_market_stays_with_a_rep_while_a_better_fitting_rep_has_room():
    """Every assignment of a proven plan: no rep who fits the market better could also take it
    (capacity, the band, focus limits and the week's schedule all permitting)."""
    from benchmarks.generate import generate
    from planner.schedule import build_week
    from planner.territories.rules import fit_score

    for scenario in (_six_reps(), generate(20, 60, seed=4)):
        plan = optimise(scenario, *WEEK, hire=False)
        table = fit_table(scenario, *WEEK)
        assert plan.status == "optimal"
        mine = {r.name: [a.market for a in plan.assignments if a.rep == r.name] for r in scenario.reps}
        load = {r.rep: r.load_hours for r in plan.reps}
        settings = scenario.settings
        for a in plan.assignments:
            for rep in scenario.reps:
                other = table.get(rep.name, a.market)
                if rep.name == a.rep or fit_score(other.fit) <= fit_score(a.fit) or not other.fits:
                    continue
                after = load[rep.name] + other.load_hours
                cap = table.capacity[rep.name]
                offsets = [table.offsets[m] for m in mine[rep.name] + [a.market]]
                room = (after <= min(cap, plan.band * cap) + 1e-9
                        and len(mine[rep.name]) < settings.max_markets_per_rep
                        and max(offsets) - min(offsets) <= settings.max_offset_spread_hours)
                if room:
                    markets = sorted((scenario.market(m) for m in mine[rep.name] + [a.market]),
                                     key=lambda m: (-m.value, m.name))
                    room = not build_week(scenario, rep.name, *WEEK, markets=markets).unplaced
                assert not room, f"{a.market} stays with {a.rep} though {rep.name} fits it better and has room"


def test_every_plan_is_one_the_week_keeps_with_busy_times_and_pins(demo):
    """The optimiser schedules with the busy times `schedule` will see: a rep whose Tuesday to
    Friday are full of meetings does not get markets whose live work needs those days."""
    import datetime as dt

    from planner.schedule import build_week
    from planner.territories import apply_plan
    from planner.timezones import local_to_utc, week_monday

    monday = week_monday(*WEEK)
    busy = {"Laura": [(local_to_utc(monday + dt.timedelta(days=d), 8 * 60, "Europe/Zurich"),
                       local_to_utc(monday + dt.timedelta(days=d), 18 * 60, "Europe/Zurich")) for d in range(1, 5)]}
    plan = optimise(demo, *WEEK, busy=busy, hire=False)
    applied = apply_plan(demo, plan)
    for rep in demo.reps:
        week = build_week(applied, rep.name, *WEEK, busy=busy.get(rep.name, ()))
        assert week.unplaced == (), (rep.name, week.unplaced)
    free = optimise(demo, *WEEK, hire=False)
    laura = lambda p: sum(a.load_hours for a in p.assignments if a.rep == "Laura")  # noqa: E731
    assert laura(plan) < laura(free)  # her meetings cost her markets


def test_locked_markets_the_week_cannot_hold_are_kept_and_reported(demo):
    # Zurich office hours never meet Sydney's: locked to Laura by hand, Australia stays with her,
    # its live blocks are reported as impossible, and her week still takes work that fits.
    locked = demo.replace(assignments=[Assignment("Laura", "Australia", locked=True)])
    plan = optimise(locked, *WEEK, hire=False)
    laura = {a.market for a in plan.assignments if a.rep == "Laura"}
    assert "Australia" in laura and len(laura) > 1
    [problem] = plan.locked_problems
    assert problem.rep == "Laura" and problem.markets == ("Australia",) and problem.blocks > 0
    assert "cannot be placed" in problem.reason and "never meet" in problem.reason
    from planner.schedule import build_week
    from planner.territories import apply_plan
    week = build_week(apply_plan(locked, plan), "Laura", *WEEK)
    assert {u.market for u in week.unplaced} == {"Australia"}  # nothing else of hers is left out


# --- review findings: each failed before its fix ------------------------------------------------

def test_many_markets_sharing_the_same_hours_keep_to_the_time_limit():
    # 18 markets in one rep's hours: the live-time test enumerated 2^18 subsets per step.
    calls = (ActivityType("Call", 15, True),)
    rep = Rep("A", "Europe/Zurich", "CH", "Mon-Fri 08:00-18:00", max_weekly_hours=60)
    markets = tuple(Market(f"M{i}", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", "B", 1000 + i, {"Call": 1})
                    for i in range(18))
    scenario = Scenario("crowd", calls, (rep,), markets, (), Settings(max_markets_per_rep=18))
    plan = optimise(scenario, *WEEK, time_limit=1.0, hire=False)
    assert len(plan.assignments) == 18 and plan.seconds < 3


def test_a_packing_worth_more_is_said_as_such():
    mail = (ActivityType("Mail", 60, False),)
    rep = Rep("A", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", max_weekly_hours=10)
    markets = (Market("Big", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", "B", 100, {"Mail": 6}),
               Market("S1", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", "B", 90, {"Mail": 5}),
               Market("S2", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", "B", 90, {"Mail": 5}))
    plan = optimise(Scenario("pack", mail, (rep,), markets, (), Settings()), *WEEK, hire=False)
    [big] = plan.unassigned
    assert big.market == "Big" and "higher value come first" not in big.reason
    assert "S1, S2 instead, worth 180 together" in big.reason


def test_a_rep_with_no_capacity_this_week_is_not_called_a_mismatch_of_hours():
    work = (ActivityType("Call", 30, True),)
    rep = Rep("Zero", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", max_weekly_hours=0)
    market = Market("M1", "Europe/Zurich", "CH", "Mon-Fri 09:00-17:00", "B", 1000, {"Call": 3})
    plan = optimise(Scenario("zero", work, (rep,), (market,), (), Settings()), *WEEK, hire=False)
    [left] = plan.unassigned
    assert left.code == "no_capacity" and "never meet" not in left.reason and "long enough" not in left.reason

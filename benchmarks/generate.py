"""Deterministic scenarios of any size: mixed zones, workweeks and hours.

``python -m benchmarks.generate --reps 100 --markets 250 [--profile tight] -o big.json``
writes a scenario file; the same arguments always give the same file.

Profiles (``--profile``, default ``default``):

``default``
    Reps on 8-9 h days, light markets (about 2.5 h of live and 2.75 h of
    async work a week each): most reps have room to spare. Unchanged since the
    first version: the same arguments give the same file as before profiles.
``tight``
    Reps on 7-8 h days (``09:00-16:30``, ``08:30-16:30``, ``09:00-17:00``,
    ``08:00-15:30``, a few ``08:30-12:00, 13:00-17:00``) of which the scheduler
    keeps the 12:00 lunch hour free, so 6.5-7.5 h of work a day. Markets are
    heavy and mostly live (3-8 demos and 3-8 calls a week before scaling), and
    their weekly counts are scaled so that the whole territory's work is about
    90% of the whole team's capacity: many reps' weeks end up near full, and
    the live work of several markets competes for the same few shared hours.
``over``
    The same reps and markets as ``tight`` with the work scaled to about 1.5
    times the team's capacity: more work than the team can do, so a plan must
    leave markets out.

Capacity here is each rep's working hours minus the lunch the scheduler keeps
free, capped at the rep's maximum weekly hours (public holidays not counted).
"""

from __future__ import annotations

import argparse
import random

from planner import scenario_file
from planner.model import ActivityType, Market, Rep, Scenario, Settings

# (zone, country, typical workweek); odd offsets and both hemispheres on purpose.
ZONES = [
    ("America/Los_Angeles", "US", "Mon-Fri"), ("America/Denver", "US", "Mon-Fri"),
    ("America/Chicago", "US", "Mon-Fri"), ("America/New_York", "US", "Mon-Fri"),
    ("America/Toronto", "CA", "Mon-Fri"), ("America/Mexico_City", "MX", "Mon-Fri"),
    ("America/Bogota", "CO", "Mon-Fri"), ("America/Sao_Paulo", "BR", "Mon-Fri"),
    ("America/Santiago", "CL", "Mon-Fri"), ("America/Argentina/Buenos_Aires", "AR", "Mon-Fri"),
    ("America/St_Johns", "CA", "Mon-Fri"), ("Europe/London", "GB", "Mon-Fri"),
    ("Europe/Dublin", "IE", "Mon-Fri"), ("Europe/Lisbon", "PT", "Mon-Fri"),
    ("Europe/Paris", "FR", "Mon-Fri"), ("Europe/Zurich", "CH", "Mon-Fri"),
    ("Europe/Berlin", "DE", "Mon-Fri"), ("Europe/Stockholm", "SE", "Mon-Fri"),
    ("Europe/Warsaw", "PL", "Mon-Fri"), ("Europe/Athens", "GR", "Mon-Fri"),
    ("Europe/Istanbul", "TR", "Mon-Fri"), ("Africa/Casablanca", "MA", "Mon-Fri"),
    ("Africa/Lagos", "NG", "Mon-Fri"), ("Africa/Cairo", "EG", "Sun-Thu"),
    ("Africa/Nairobi", "KE", "Mon-Fri"), ("Africa/Johannesburg", "ZA", "Mon-Fri"),
    ("Asia/Jerusalem", "IL", "Sun-Thu"), ("Asia/Riyadh", "SA", "Sun-Thu"),
    ("Asia/Dubai", "AE", "Mon-Fri"), ("Asia/Tehran", "IR", "Sat-Wed"),
    ("Asia/Karachi", "PK", "Mon-Fri"), ("Asia/Kolkata", "IN", "Mon-Sat"),
    ("Asia/Kathmandu", "NP", "Sun-Fri"), ("Asia/Dhaka", "BD", "Sun-Thu"),
    ("Asia/Bangkok", "TH", "Mon-Fri"), ("Asia/Singapore", "SG", "Mon-Fri"),
    ("Asia/Shanghai", "CN", "Mon-Fri"), ("Asia/Tokyo", "JP", "Mon-Fri"),
    ("Asia/Seoul", "KR", "Mon-Fri"), ("Australia/Perth", "AU", "Mon-Fri"),
    ("Australia/Adelaide", "AU", "Mon-Fri"), ("Australia/Sydney", "AU", "Mon-Fri"),
    ("Australia/Lord_Howe", "AU", "Mon-Fri"), ("Pacific/Auckland", "NZ", "Mon-Fri"),
    ("Pacific/Chatham", "NZ", "Mon-Fri"),
]
DAY_HOURS = ["08:00-17:00", "09:00-17:00", "09:00-18:00", "08:30-17:30", "10:00-18:30", "07:30-16:00"]
ACTIVITIES = [ActivityType("Demo", 45, True), ActivityType("Discovery call", 30, True),
              ActivityType("Follow-up", 15, False), ActivityType("Proposal", 60, False)]

PROFILES = ("default", "tight", "over")
TIGHT_DAY_HOURS = ["09:00-16:30", "08:30-16:30", "09:00-17:00", "08:00-15:30"]
LOAD = {"tight": 0.9, "over": 1.5}  # the territory's weekly work / the team's capacity


def _hours(rng: random.Random, days: str) -> str:
    if rng.random() < 0.1:  # a split shift
        return f"{days} 08:00-12:00, 14:00-19:00"
    return f"{days} {rng.choice(DAY_HOURS)}"


def capacity_hours(rep: Rep, settings: Settings) -> float:
    """Hours of work ``rep`` can do in a week: working hours minus the lunch kept free, capped."""
    lunch_start, lunch_end = settings.lunch_start_minute, settings.lunch_start_minute + settings.lunch_minutes
    minutes = sum(s.minutes - max(0, min(s.end, lunch_end) - max(s.start, lunch_start)) for s in rep.hours.shifts)
    return min(float(rep.max_weekly_hours), minutes / 60)


def workload_hours(scenario: Scenario) -> float:
    """The territory's weekly work, live and async, in hours."""
    return sum(scenario.workload(m).total_hours for m in scenario.markets)


def generate(reps: int, markets: int, seed: int = 0, profile: str = "default") -> Scenario:
    """A scenario with ``reps`` reps and ``markets`` markets; same arguments, same scenario.

    ``profile`` is one of :data:`PROFILES` (see the module docstring)."""
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    if profile != "default":
        return _heavy(reps, markets, seed, profile)
    rng = random.Random(seed)
    rep_list = []
    for i in range(reps):
        zone, country, days = rng.choice(ZONES)
        rep_list.append(Rep(f"Rep {i + 1:04d}", zone, country, _hours(rng, days),
                            max_weekly_hours=rng.choice([38, 40, 42, 45]), rules="eu-wtd"))
    market_list = []
    for j in range(markets):
        zone, country, days = rng.choice(ZONES)
        tier = rng.choices("ABC", weights=[2, 3, 5])[0]
        value = {"A": 400_000, "B": 150_000, "C": 50_000}[tier] * rng.uniform(0.5, 1.5)
        weekly = {"Demo": rng.randint(0, 4), "Discovery call": rng.randint(0, 4),
                  "Follow-up": rng.randint(2, 12), "Proposal": rng.randint(0, 2)}
        market_list.append(Market(f"Market {j + 1:04d}", zone, country, _hours(rng, days), tier,
                                  round(value, -3), weekly))
    return Scenario(f"Generated {reps}x{markets} (seed {seed})", ACTIVITIES, rep_list, market_list, (),
                    Settings())


def _heavy(reps: int, markets: int, seed: int, profile: str) -> Scenario:
    """The ``tight`` and ``over`` profiles: short days, heavy live markets, work scaled to LOAD."""
    rng = random.Random(f"heavy:{seed}")  # tight and over: the same territory, more work
    settings = Settings()
    rep_list = []
    for i in range(reps):
        zone, country, days = rng.choice(ZONES)
        shift = "08:30-12:00, 13:00-17:00" if rng.random() < 0.1 else rng.choice(TIGHT_DAY_HOURS)
        rep_list.append(Rep(f"Rep {i + 1:04d}", zone, country, f"{days} {shift}",
                            max_weekly_hours=rng.choice([38, 40, 42, 45]), rules="eu-wtd"))
    drafts = []
    for j in range(markets):
        zone, country, days = rng.choice(ZONES)
        tier = rng.choices("ABC", weights=[2, 3, 5])[0]
        value = {"A": 400_000, "B": 150_000, "C": 50_000}[tier] * rng.uniform(0.5, 1.5)
        weekly = {"Demo": rng.randint(3, 8), "Discovery call": rng.randint(3, 8),
                  "Follow-up": rng.randint(4, 12), "Proposal": rng.randint(0, 2)}
        drafts.append(Market(f"Market {j + 1:04d}", zone, country, f"{days} {rng.choice(DAY_HOURS)}", tier,
                             round(value, -3), weekly))
    draft = Scenario("draft", ACTIVITIES, rep_list, drafts, (), settings)
    capacity = sum(capacity_hours(r, settings) for r in rep_list)
    work = workload_hours(draft)
    factor = LOAD[profile] * capacity / work if work else 1.0
    market_list = []
    for m in drafts:
        weekly = {}
        for activity, count in m.weekly.items():  # scale, rounding up or down at random
            scaled = count * factor
            weekly[activity] = min(1000, int(scaled) + (rng.random() < scaled - int(scaled)))
        market_list.append(Market(m.name, m.timezone, m.country, m.hours, m.tier, m.value, weekly))
    return Scenario(f"Generated {reps}x{markets} (seed {seed}, {profile})", ACTIVITIES, rep_list, market_list, (),
                    settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--markets", type=int, default=250)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", choices=PROFILES, default="default")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    scenario_file.save(generate(args.reps, args.markets, args.seed, args.profile), args.output)


if __name__ == "__main__":
    main()

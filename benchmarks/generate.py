"""Deterministic scenarios of any size: mixed zones, workweeks and hours.

``python -m benchmarks.generate --reps 100 --markets 250 -o big.json`` writes
a scenario file; the same arguments always give the same file.
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


def _hours(rng: random.Random, days: str) -> str:
    if rng.random() < 0.1:  # a split shift
        return f"{days} 08:00-12:00, 14:00-19:00"
    return f"{days} {rng.choice(DAY_HOURS)}"


def generate(reps: int, markets: int, seed: int = 0) -> Scenario:
    """A scenario with ``reps`` reps and ``markets`` markets; same arguments, same scenario."""
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--markets", type=int, default=250)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    scenario_file.save(generate(args.reps, args.markets, args.seed), args.output)


if __name__ == "__main__":
    main()

"""Sales regions from time zones: the three a sales organisation reports by, with the borders it draws."""

import pytest

from planner.regions import REGIONS, region_of
from planner.timezones import zone_names


@pytest.mark.parametrize("zone, region", [
    ("America/New_York", "Americas"), ("America/Sao_Paulo", "Americas"), ("America/St_Johns", "Americas"),
    ("Europe/Zurich", "EMEA"), ("Africa/Lagos", "EMEA"), ("Europe/Istanbul", "EMEA"),
    ("Asia/Jerusalem", "EMEA"), ("Asia/Dubai", "EMEA"), ("Asia/Tehran", "EMEA"),  # the Middle East sells from EMEA
    ("Asia/Kabul", "APAC"), ("Asia/Karachi", "APAC"), ("Asia/Kolkata", "APAC"), ("Asia/Tokyo", "APAC"),
    ("Australia/Perth", "APAC"), ("Pacific/Auckland", "APAC"), ("Pacific/Chatham", "APAC"),
    ("Pacific/Galapagos", "Americas"), ("Pacific/Easter", "Americas"),  # Ecuador's and Chile's islands
    ("Atlantic/Azores", "EMEA"), ("Atlantic/Reykjavik", "EMEA"), ("Atlantic/Bermuda", "Americas"),
    ("Indian/Mauritius", "EMEA"), ("Indian/Maldives", "APAC"), ("UTC", "EMEA"),
])
def test_a_zone_lies_in_the_region_a_sales_organisation_puts_it(zone, region):
    assert region_of(zone) == region


def test_every_zone_has_one_of_the_three_regions():
    assert {region_of(z) for z in zone_names()} == set(REGIONS)


def test_a_name_that_is_no_zone_has_no_region():
    assert region_of("Mars/Olympus_Mons") == region_of("../etc") == ""

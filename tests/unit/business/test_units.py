"""A business unit's settings as an admin sends them (parley_business.units): the time zone its days are counted
in is an IANA name, checked when it is set."""

from datetime import datetime

import pytest
from pydantic import ValidationError

from parley_business import BusinessUnit, UnitSettings


def test_a_unit_counts_its_days_in_utc_unless_told_otherwise():
    unit = BusinessUnit.model_validate({"tenant": "demo"})  # a document stored before the setting existed
    assert unit.time_zone == "UTC" and unit.zone.utcoffset(datetime(2026, 12, 6)) is not None


def test_an_iana_time_zone_is_taken():
    unit = BusinessUnit(**UnitSettings(time_zone="America/Argentina/Buenos_Aires").model_dump(), tenant="solmar")
    assert unit.zone.key == "America/Argentina/Buenos_Aires"
    assert unit.zone.utcoffset(datetime(2026, 12, 6)).total_seconds() == -3 * 3600


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "", "../../etc/passwd", "GMT-3 "])
def test_an_unknown_time_zone_is_refused_with_the_reason(name):
    with pytest.raises(ValidationError, match="unknown time zone"):
        UnitSettings(time_zone=name)

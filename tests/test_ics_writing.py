"""The quicker ways of writing iCalendar give icalendar's own bytes: the VTIMEZONE search and the unfolded lines."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from agenda.export.ical_text import FOLD_AT, ical_bytes
from agenda.export.vtimezone import add_missing_timezones

ZONES = ["Asia/Seoul", "Europe/Berlin", "America/Nuuk", "Australia/Lord_Howe", "America/Sao_Paulo",
         "Pacific/Chatham", "UTC", "Etc/GMT+5"]


def _calendar_in(*zones: str) -> Calendar:
    calendar = Calendar()
    for number, zone in enumerate(zones):
        event = Event()
        event.add("uid", f"event-{number}")
        event.add("dtstart", datetime(2024, 6, 1, 9, tzinfo=ZoneInfo(zone)))
        calendar.add_component(event)
    return calendar


@pytest.mark.parametrize("zone", ZONES)
def test_a_zone_that_ends_at_the_last_date_gives_icalendars_own_vtimezone(zone):
    ours, theirs = _calendar_in(zone), _calendar_in(zone)
    add_missing_timezones(ours, date(2023, 1, 1), date(2026, 1, 1))
    theirs.add_missing_timezones(first_date=date(2023, 1, 1), last_date=date(2026, 1, 1))
    assert ours.to_ical() == theirs.to_ical()


def test_a_spell_shorter_than_icalendars_stride_is_kept_where_icalendar_drops_it():
    """Casablanca's Ramadan hour of 2024 (10 March to 14 April, on +00): icalendar, striding 64 days from
    2022, steps over it; ours lists both its onsets, and otherwise what icalendar writes."""
    ours, theirs = _calendar_in("Africa/Casablanca"), _calendar_in("Africa/Casablanca")
    add_missing_timezones(ours, date(2022, 1, 1), date(2028, 1, 1))
    theirs.add_missing_timezones(first_date=date(2022, 1, 1), last_date=date(2028, 1, 1))
    spell = [b"20240310T030000", b"20240414T030000"]
    assert all(onset in ours.to_ical().replace(b"\r\n ", b"") for onset in spell)
    assert not any(onset in theirs.to_ical().replace(b"\r\n ", b"") for onset in spell)  # the day icalendar finds it, this test says so


def test_a_spell_of_under_a_week_is_kept_too():
    """Gaza's summer time comes back for 6.96 days in October 2040 (20th to 27th): a week's stride stepped
    over it, and the calendar read 24 October an hour off."""
    calendar = Calendar()
    event = Event()
    event.add("dtstart", datetime(2040, 10, 24, 10, tzinfo=ZoneInfo("Asia/Gaza")))
    calendar.add_component(event)
    add_missing_timezones(calendar, date(2039, 1, 1), date(2042, 1, 1))
    written = calendar.to_ical().replace(b"\r\n ", b"")
    assert b"20401020T030000" in written and b"20401027T020000" in written


def test_the_vtimezones_of_several_zones_come_in_tzid_order():
    calendar = _calendar_in("Europe/Berlin", "Asia/Seoul", "America/Nuuk")
    add_missing_timezones(calendar, date(2023, 1, 1), date(2026, 1, 1))
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == \
        ["America/Nuuk", "Asia/Seoul", "Europe/Berlin"]


@pytest.mark.parametrize("text", [
    "x" * (FOLD_AT - len("SUMMARY:") - 1),  # one octet short of a fold: left as it is
    "x" * (FOLD_AT - len("SUMMARY:")),  # exactly at the fold
    "한" * 30,  # three octets a character: folded by octets, not characters
    "x" * 65 + "한국어" * 10,
    "x" * 64 + ",;\\" * 20,  # escapes across the fold stay whole
    "줄\n바꿈 " * 40,
])
def test_unfolded_lines_are_the_bytes_icalendar_writes(text):
    event = Event()
    event.add("summary", text)
    event.add("description", text * 3)
    event.add("location", text[:10])
    assert ical_bytes(event) == event.to_ical()

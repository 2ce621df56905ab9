"""Every zone's transitions, 2023-2026: JSON, .ics, CSV and the findings agree on every instant.

For each zone in the time-zone database, the transitions (clocks going back,
and going forward) are found by scanning the UTC offset. Around each one a forum is built
whose times are known independently, from UTC arithmetic alone: it opens 90
minutes before the transition and lasts 240 minutes; two hours of segments
cross the transition, then a segment is pinned to the wall clock that two
hours after the start shows, which (when the repeated span is longer than 30
minutes) names a time in the repeated span, read as its first pass, and so
overlaps the segment before it by exactly the length of the repeated span.
(Where the clocks go forward, nothing is repeated, and nothing overlaps.)
Every output is read back by an independent reader (json, csv, icalendar),
and one night of each kind (all the years together) by the shared checker.
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest
from icalendar import Calendar

from agenda.loading.analysis import analyze_text
from agenda.export.formats import export_bytes
from agenda.core.planner import Plan
from calendar_tools import check_ics_batch
from helpers import run

UTC = timezone.utc
YEARS = range(2023, 2027)
MINUTE = timedelta(minutes=1)
NOW = datetime(2026, 11, 26, tzinfo=UTC)


@dataclass(frozen=True)
class Transition:
    zone: str
    at: datetime  # the first instant on the new offset (UTC)
    change: timedelta  # new offset - old: negative where the clocks go back

    @property
    def repeated(self) -> timedelta:
        """How long the wall clock repeats itself: how far the clocks go back, else nothing."""
        return max(-self.change, timedelta(0))


def usable_zone_names() -> list[str]:
    """Zone names a forum file may use: not the `posix/` and `right/` copies, nor `localtime` and such."""
    return sorted(name for name in available_timezones()
                  if "/" in name and not name.startswith(("posix/", "right/")))


def transitions(name: str) -> Iterator[Transition]:
    """Each time the zone's UTC offset changes within YEARS, found by scanning and halving."""
    tz = ZoneInfo(name)
    moment, end, step = datetime(YEARS[0], 1, 1, tzinfo=UTC), datetime(YEARS[-1] + 1, 1, 1, tzinfo=UTC), timedelta(hours=12)
    offset = moment.astimezone(tz).utcoffset()
    while moment < end:
        later = moment + step
        new = later.astimezone(tz).utcoffset()
        if new != offset:
            low, high = moment, later
            while high - low > MINUTE:
                middle = low + ((high - low) // MINUTE // 2) * MINUTE
                low, high = (middle, high) if middle.astimezone(tz).utcoffset() == offset else (low, middle)
            if new is not None and offset is not None:
                yield Transition(name, high, new - offset)
            offset = new
        moment = later


@cache
def all_transitions() -> tuple[Transition, ...]:
    """Every zone's transitions (about 1,500; a second to find, so only when a test asks)."""
    return tuple(change for name in usable_zone_names() for change in transitions(name))


def all_nights() -> tuple[Transition, ...]:
    """The nights the clocks go back (about 730)."""
    return tuple(night for night in all_transitions() if night.repeated)


def slug(night: Transition) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", night.zone).strip("-").lower() + night.at.strftime("-%Y%m%d")


@dataclass(frozen=True)
class Expected:
    window: tuple[datetime, datetime]
    segments: dict[str, tuple[datetime, datetime]]
    items: list[tuple[datetime, datetime]]
    codes: set[str]
    overlap: int  # minutes, 0 when none


def forum_text(night: Transition) -> str:
    tz = ZoneInfo(night.zone)
    start = (night.at - timedelta(minutes=90)).astimezone(tz)
    pin = (night.at + timedelta(minutes=30)).astimezone(tz)
    return json.dumps({
        "forum": {"id": slug(night), "title": f"Fall back in {night.zone}", "date": start.date().isoformat(),
                  "start": f"{start:%H:%M}", "duration": "240m", "timezone": night.zone, "language": "en"},
        "program": [
            {"kind": "presentation", "id": "a", "duration": "60m"},
            {"kind": "panel", "id": "b", "items": [{"title": "x", "duration": 40}, {"title": "y", "duration": 20}]},
            {"kind": "qa", "id": "c", "at": f"{pin:%H:%M}", "duration": "30m"},
            {"kind": "closing", "id": "d", "duration": "fill"},
        ],
        "rules": {"ignore": ["crosses-midnight", "legacy-zone"]},  # the name is not what is tested
    })


def expected(night: Transition) -> Expected:
    """The instants, from UTC arithmetic and the length of the repeated span only."""
    start = night.at - timedelta(minutes=90)
    minutes = lambda n: start + timedelta(minutes=n)  # noqa: E731
    pinned_late = night.repeated > timedelta(minutes=30)  # the pinned wall clock is in the repeated span
    c_start = minutes(120) - night.repeated if pinned_late else minutes(120)
    codes = {"overlap", "ambiguous-time"} if pinned_late else set()
    if night.repeated > timedelta(minutes=90):
        codes.add("ambiguous-time")  # the forum's start itself is in the repeated span
    if c_start < start:
        codes.add("before-window")
    return Expected(
        window=(start, minutes(240)),
        segments={"a": (start, minutes(60)), "b": (minutes(60), minutes(120)),
                  "c": (c_start, c_start + timedelta(minutes=30)), "d": (c_start + timedelta(minutes=30), minutes(240))},
        items=[(minutes(60), minutes(100)), (minutes(100), minutes(120))],
        codes=codes,
        overlap=int(night.repeated / MINUTE) if pinned_late else 0,
    )


def repeated_wall_time(moment: datetime, tz: ZoneInfo) -> bool:
    local = moment.astimezone(tz)
    return local.utcoffset() != local.replace(fold=1 - local.fold).utcoffset()


def disagreements(night: Transition, plan: Plan, findings: list) -> list[str]:
    """What each reader makes of the forum, against the expected instants; empty when all agree."""
    want, tz, wrong = expected(night), ZoneInfo(night.zone), []

    def check(what: str, got: object, expected_value: object) -> None:
        if got != expected_value:
            wrong.append(f"{night.zone} {night.at:%Y-%m-%d}: {what}: {got} != {expected_value}")

    def instant(text: str) -> datetime:
        moment = datetime.fromisoformat(text)
        check(f"offset of {text}", moment.utcoffset(), moment.astimezone(tz).utcoffset())
        return moment.astimezone(UTC)

    data = json.loads(export_bytes("json", [plan]))
    check("json window", (instant(data["forum"]["start"]), instant(data["forum"]["end"])), want.window)
    for seg in data["segments"]:
        start, end = want.segments[seg["id"]]
        check(f"json {seg['id']}", (instant(seg["start"]), instant(seg["end"]), seg["minutes"]),
              (start, end, int((end - start) / MINUTE)))
    check("json items", [(instant(i["start"]), instant(i["end"])) for i in data["segments"][1]["items"]], want.items)
    # the segments cover the window from end to end, whatever overlaps inside it
    check("json totals", (data["scheduled_minutes"], data["slack_minutes"], data["overrun_minutes"]), (240, 0, 0))

    rows = list(csv.DictReader(io.StringIO(export_bytes("csv", [plan]).decode("utf-8-sig"), newline="")))
    spans = [want.segments["a"], want.segments["b"], *want.items, want.segments["c"], want.segments["d"]]
    wall = lambda m: m.astimezone(tz)  # noqa: E731
    check("csv rows", [(r["date"], r["start"], r["end"], r["minutes"]) for r in rows],
          [(f"{wall(s):%Y-%m-%d}", f"{wall(s):%H:%M}", f"{wall(e):%H:%M}", str(int((e - s) / MINUTE)))
           for s, e in spans])
    check("csv instants", [(instant(r["start_iso"]), instant(r["end_iso"])) for r in rows], spans)

    calendar = Calendar.from_ical(export_bytes("ics", [plan], segments=True, now=NOW))
    read = {}
    for event in calendar.walk("VEVENT"):
        read[str(event["UID"])] = (event.decoded("DTSTART").astimezone(UTC), event.decoded("DTEND").astimezone(UTC))
        for name in ("DTSTART", "DTEND"):
            moment = event.decoded(name)
            in_utc = "TZID" not in event[name].params
            check(f"{event['UID']} {name} written in UTC", in_utc, repeated_wall_time(moment, tz))
    uid = f"{slug(night)}@agenda.forum"
    check("ics", read, {uid: want.window} | {uid.replace("@", f".{k}@"): v for k, v in want.segments.items()})

    check("findings", {f.code for f in findings}, want.codes)
    overlaps = [(f.args["start"], f.args["ends"], f.args["minutes"]) for f in findings if f.code == "overlap"]
    check("overlap", overlaps,
          [(want.segments["c"][0], want.segments["b"][1], want.overlap)] if want.overlap else [])
    return wrong


def planned(night: Transition) -> tuple[Plan, list]:
    analysis = analyze_text(forum_text(night), f"{slug(night)}.json")
    assert analysis.plan is not None, analysis.findings
    return analysis.plan, analysis.findings


def test_the_sweep_finds_the_nights_it_should():
    zones = {night.zone for night in all_nights()}
    assert {"America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Antarctica/Troll"} <= zones
    assert "Asia/Seoul" not in zones
    assert Transition("America/New_York", datetime(2024, 11, 3, 6, tzinfo=UTC), -timedelta(hours=1)) in all_nights()
    assert Transition("Australia/Lord_Howe", datetime(2024, 4, 6, 15, tzinfo=UTC), -timedelta(minutes=30)) in all_nights()
    assert Transition("America/New_York", datetime(2024, 3, 10, 7, tzinfo=UTC), timedelta(hours=1)) in all_transitions()
    assert len(all_nights()) > 600 and len(all_transitions()) > 2 * 600


@pytest.mark.slow
@pytest.mark.parametrize("year", YEARS)
def test_every_reader_agrees_on_every_transition(year):
    wrong = []
    for night in all_transitions():
        if night.at.year == year:
            wrong += disagreements(night, *planned(night))
    assert not wrong, "\n".join(wrong[:40]) + f"\n({len(wrong)} disagreements)"


@cache
def distinct_nights() -> tuple[Transition, ...]:
    """One night for each kind, over all the years: the offset before, the length of the repeated span and
    the wall-clock time the clocks go back at. Nights alike in these are written alike (the zone's name, the
    date and the onsets listed are what differ), and the readers above have read every one of them."""
    kinds: dict[tuple[timedelta | None, timedelta, object], list[Transition]] = {}
    for night in all_nights():
        before = (night.at - MINUTE).astimezone(ZoneInfo(night.zone))
        kinds.setdefault((before.utcoffset(), night.repeated, before.time()), []).append(night)
    # the k-th kind's night from the k-th year where it has one, so that every year is read too
    chosen = []
    for k, alike in enumerate(kinds.values()):
        year = YEARS[k % len(YEARS)]
        chosen.append(next((night for night in alike if night.at.year == year), alike[0]))
    return tuple(chosen)


FORUMS_A_CALENDAR = 16
CALENDARS = 2


@pytest.mark.slow
@pytest.mark.parametrize("share", range(CALENDARS))
def test_the_shared_checker_reads_every_kind_of_fall_back_night(tmp_path, share):
    """Each kind of night once, in calendars of at most 16 forums (a calendar a test, so the two workers
    share them), read in one run of the checker (one per zone and year would take hours); khal reads the
    first.

    Not one calendar of all: the checker asks its Radicale for each event by a time-range REPORT, and
    each REPORT reads the whole collection, so the cost grows with the square of a calendar's events."""
    nights = distinct_nights()
    assert len(nights) > FORUMS_A_CALENDAR * (CALENDARS - 1) and len(nights) <= FORUMS_A_CALENDAR * CALENDARS
    assert {night.at.year for night in nights} == set(YEARS)
    plans = [planned(night)[0] for night in nights[share * FORUMS_A_CALENDAR:(share + 1) * FORUMS_A_CALENDAR]]
    path = tmp_path / f"fall-back-{share + 1}.ics"
    path.write_bytes(export_bytes("ics", plans, segments=True, now=NOW))
    reports = check_ics_batch([(path, () if share == 0 else ("khal",))], tmp_path / "checker")
    assert len(reports) == 1 and "RESULT: PASS" in reports[0]


@pytest.mark.slow
def test_the_checkers_batch_reads_each_calendar_as_a_run_of_its_own_would(tmp_path):
    """vobject keeps the first definition of a TZID it reads, and each year's calendar defines New York
    afresh (its own onsets only): read in one process, 2024 was read with 2023's zone, an hour off."""
    calendars = []
    for year in (2023, 2024):
        night = next(n for n in all_nights() if n.zone == "America/New_York" and n.at.year == year)
        path = tmp_path / f"new-york-{year}.ics"
        path.write_bytes(export_bytes("ics", [planned(night)[0]], segments=True, now=NOW))
        calendars.append((path, ("ics", "rie", "icaljs", "libical", "khal", "radicale")))
    reports = check_ics_batch(calendars, tmp_path / "checker")
    assert all("PASS  vobject" in report and "RESULT: PASS" in report for report in reports)


def assert_every_onset_is_an_rdate(raw: bytes) -> None:
    observances = [o for zone in Calendar.from_ical(raw).walk("VTIMEZONE") for o in zone.subcomponents if "RDATE" in o]
    assert observances
    for observance in observances:
        rdates = observance["RDATE"] if isinstance(observance["RDATE"], list) else [observance["RDATE"]]
        assert observance.decoded("DTSTART") in [when.dt for rdate in rdates for when in rdate.dts]


def nuuk_2024() -> Transition:
    """Nuuk's summer time began in 2024; ical.js ignores an observance's DTSTART once it has RDATEs."""
    return next(n for n in all_nights() if n.zone == "America/Nuuk" and n.at.year == 2024)


def test_an_observance_with_rdates_repeats_its_dtstart_for_ical_js():
    assert_every_onset_is_an_rdate(export_bytes("ics", [planned(nuuk_2024())[0]], now=NOW))


def test_per_person_calendars_repeat_the_onsets_too(tmp_path):
    data = json.loads(forum_text(nuuk_2024()))
    data["program"][0]["speaker"] = {"name": "Ann Lee"}
    forum = tmp_path / "nuuk.json"
    forum.write_text(json.dumps(data), encoding="utf-8")
    run("export", forum, "--per-person", tmp_path / "people", "--force", env={"SOURCE_DATE_EPOCH": "1700000000"},
        exit_status=0)
    calendars = sorted((tmp_path / "people").glob("*.ics"))
    assert calendars
    for calendar in calendars:
        assert_every_onset_is_an_rdate(calendar.read_bytes())


@pytest.mark.slow
def test_every_transition_of_every_zone_is_an_onset_of_its_vtimezone_over_years():
    """The VTIMEZONE of a calendar covering 2022-2028 lists every change of offset the zone makes in
    YEARS. icalendar's search strides 64 days and stepped over Casablanca's five-week Ramadan hour of
    2022, 2024 and 2027; vobject and ical.js then read those weeks an hour off."""
    from icalendar import Event

    from agenda.export.vtimezone import add_missing_timezones

    changes: dict[str, list[tuple[datetime, datetime]]] = {}
    for change in all_transitions():
        after = change.at.astimezone(ZoneInfo(change.zone)).replace(tzinfo=None)
        # written on the clock before the change (RFC 5545) or after it (icalendar, where clocks go forward)
        changes.setdefault(change.zone, []).append((after - change.change, after))
    missing = []
    for zone, onsets in changes.items():
        cal = Calendar()
        event = Event()
        event.add("dtstart", datetime(2024, 6, 1, 12, tzinfo=ZoneInfo(zone)))
        cal.add_component(event)
        add_missing_timezones(cal, datetime(2022, 1, 1).date(), datetime(2028, 1, 1).date())
        (vtimezone,) = cal.walk("VTIMEZONE")
        written = set()
        for observance in vtimezone.subcomponents:
            written.add(observance.decoded("DTSTART"))
            listed = observance.get("RDATE", [])
            for prop in listed if isinstance(listed, list) else [listed]:
                written.update(value.dt for value in prop.dts)
        missing += [f"{zone} {onset}" for onset, other in onsets if onset not in written and other not in written]
    assert not missing, f"{len(missing)} onsets missing, the first: {missing[:10]}"

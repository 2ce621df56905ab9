"""Starting points for a new forum file: the seed's forum shape and a symposium, in Korean or English."""

import json
import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from agenda.core.durations import parse_clock

if TYPE_CHECKING:
    from agenda.core.planner import Plan

TEMPLATES = ("forum", "symposium")
DEFAULT_MINUTES = {"forum": 120, "symposium": 210}
DEFAULT_ZONE = {"ko": "Asia/Seoul", "en": "UTC"}

_WORDS = {
    "ko": {
        "forum_title": "새 토론회", "symposium_title": "새 심포지엄",
        "mc": "사회자", "moderator": "좌장", "presenter": "발제자", "panelist": "토론자", "keynote": "기조연설자",
        "affiliation": "소속", "title": "직함",
        "anthem": "국민의례", "congratulations": "축사", "welcome": "인사말",
        "registration": "사전 등록", "greeting": "장내 정리, 좌장 인사말",
        "presentation": "발제", "panel": "지정토론", "qa": "질의응답", "keynote_talk": "기조연설",
        "break": "휴식", "panel_a": "세션 1 토론", "panel_b": "세션 2 토론", "closing": "폐회",
    },
    "en": {
        "forum_title": "New forum", "symposium_title": "New symposium",
        "mc": "MC", "moderator": "Moderator", "presenter": "Presenter", "panelist": "Panelist",
        "keynote": "Keynote speaker", "affiliation": "Organisation", "title": "Position",
        "anthem": "Anthem", "congratulations": "Congratulatory remarks", "welcome": "Welcome",
        "registration": "Registration", "greeting": "Moderator's welcome",
        "presentation": "Presentation", "panel": "Panel", "qa": "Q&A", "keynote_talk": "Keynote",
        "break": "Break", "panel_a": "Panel 1", "panel_b": "Panel 2", "closing": "Closing",
    },
}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or fallback


def check_options(*, day: str | None, start: str, end: str | None, zone: str | None) -> None:
    """Refuse options a template cannot use, in the words of the option (exit 2), before writing anything."""
    from pydantic_core import PydanticCustomError

    from agenda.core.errors import UsageError
    from agenda.core.zones import check_zone_name

    for option, value in (("--start", start), ("--end", end)):
        if value is not None:
            try:
                parse_clock(value)
            except ValueError:
                raise UsageError("not-a-clock", option=option, value=value) from None
    if day is not None:
        try:
            date.fromisoformat(day)
        except ValueError:
            raise UsageError("not-a-date", value=day) from None
    if zone is not None:
        try:
            check_zone_name(zone)
        except PydanticCustomError as error:
            suggestion = (error.context or {}).get("suggestion")
            if suggestion:
                raise UsageError("unknown-zone", value=zone, suggestion=str(suggestion)) from None
            raise UsageError("unknown-zone", value=zone) from None


def too_short(plan: "Plan") -> tuple[int, int] | None:
    """(minutes the template's programme needs, minutes the window has) when it does not fit.

    A template is a starting point with a realistic programme; rather than
    cutting it to fit a short window, `init` says so and writes nothing.
    """
    from agenda.core.zones import minutes_between

    needed = minutes_between(plan.window_start, plan.program_end)
    return (needed, plan.window_minutes) if needed > plan.window_minutes else None


def _end_text(day: str, begin: time, finish: time) -> str:
    """`HH:MM`, or with the next day's date when the window runs past midnight (the file says so on purpose)."""
    if finish > begin:
        return f"{finish:%H:%M}"
    return f"{date.fromisoformat(day) + timedelta(days=1)} {finish:%H:%M}"


def render_template(template: str, language: str, *, title: str | None = None, day: str | None = None,
                    start: str = "14:00", end: str | None = None, zone: str | None = None) -> str:
    w = _WORDS[language]
    title = title or w[f"{template}_title"]
    day = day or date.today().isoformat()
    begin = parse_clock(start)
    if end is None:
        finish = datetime.combine(date(2000, 1, 1), begin) + timedelta(minutes=DEFAULT_MINUTES[template])
        end = f"{finish:%H:%M}"
    zone = zone or DEFAULT_ZONE[language]
    doors = datetime.combine(date(2000, 1, 1), begin) - timedelta(minutes=30)

    def person(pid: str, name: str) -> str:
        return f"  {pid}: {{name: {_q(name)}, affiliation: {_q(w['affiliation'])}, title: {_q(w['title'])}}}"

    head = [
        "# Made by `agenda init`. Check it with `agenda validate`, see it with `agenda plan`.",
        "# Editor completion: `agenda schema > forum.schema.json`, then put this first:",
        "#   # yaml-language-server: $schema=forum.schema.json",
        "forum:",
        f"  id: {_slug(title, template)}-{day}",
        f"  title: {_q(title)}",
        f"  date: {day}",
        f'  start: "{begin:%H:%M}"',
        f'  end: "{_end_text(day, begin, parse_clock(end))}"',
        f"  timezone: {zone}",
        f"  language: {language}",
        "  mc: mc",
        "  moderator: moderator",
        "  revision: 0",
        "",
        "people:",
        person("mc", w["mc"]),
        person("moderator", w["moderator"]),
    ]
    if template == "forum":
        people = [person("presenter", w["presenter"])] + [
            person(f"panelist-{n}", f"{w['panelist']} {n}") for n in (1, 2, 3)]
        program = f"""\
program:
  - kind: registration
    id: registration
    title: {_q(w['registration'])}
    at: "{doors:%H:%M}"
    until: "{begin:%H:%M}"
  - kind: opening
    id: opening
    duration: 15m
    mc: mc
    items:
      - {{title: {_q(w['anthem'])}}}
      - {{title: {_q(w['congratulations'])}}}
      - {{title: {_q(w['welcome'])}}}
  - kind: remarks
    id: moderator-greeting
    title: {_q(w['greeting'])}
    duration: 5m
    moderator: moderator
  - kind: presentation
    id: presentation
    duration: 25m
    speakers: [presenter]
  - kind: panel
    id: panel
    each: 15m
    speakers: [panelist-1, panelist-2, panelist-3]
    moderator: moderator
  - kind: qa
    id: qa
    duration: {{min: 10m}}
    moderator: moderator

rules:
  require: [opening, presentation, panel, qa]
"""
    else:
        people = [person("keynote", w["keynote"])] + [
            person(f"panelist-{n}", f"{w['panelist']} {n}") for n in (1, 2, 3, 4, 5, 6)]
        program = f"""\
program:
  - kind: opening
    id: opening
    duration: 10m
    mc: mc
  - kind: keynote
    id: keynote
    title: {_q(w['keynote_talk'])}
    duration: 40m
    speaker: keynote
  - kind: break
    id: break
    duration: 15m
  - kind: panel
    id: panel-1
    title: {_q(w['panel_a'])}
    each: 15m
    speakers: [panelist-1, panelist-2, panelist-3]
    moderator: moderator
  - kind: qa
    id: panel-1-qa
    duration: {{min: 10m, max: 20m}}
  - kind: panel
    id: panel-2
    title: {_q(w['panel_b'])}
    each: 15m
    speakers: [panelist-4, panelist-5, panelist-6]
    moderator: moderator
  - kind: qa
    id: panel-2-qa
    duration: {{min: 10m}}
  - kind: closing
    id: closing
    duration: 10m
    mc: mc

rules:
  require: [opening, panel, closing]
"""
    return "\n".join(head + people) + "\n\n" + program

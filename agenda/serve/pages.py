"""The three live pages as HTML: the programme on the wall, the speaker's timer, the desk.

Every text from the forum file is escaped here, and the pages carry no
inline script or style: the behaviour lives in /static/*.js, which the
Content-Security-Policy allows alone, so no title can ever run as code.
The first state is rendered into the page, so it reads right before the
scripts connect, and the scripts then keep it current.
"""

import json
from datetime import datetime
from html import escape

from agenda.core.planner import Plan
from agenda.day.projection import DayState, SegmentState, room_view
from agenda.messages.stage_words import STAGE_WORDS
from agenda.render.day_text import day_line, speaker_text, title_of
from agenda.messages.day_words import day_words
from agenda.messages.page_words import PAGE_WORDS, PageWords

WRAP_UP_MINUTES = 2
"""FORMAT.md's default for `rules.wrap_up`: when the stage turns amber and flashes."""


def _hm(state: DayState, moment: datetime | None) -> str:
    local = state.plan.local(moment)
    return "" if local is None else f"{local:%H:%M}"


def _mmss(seconds: int) -> str:
    minutes, secs = divmod(abs(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def wrap_up_seconds(plan: Plan) -> int:
    minutes = getattr(plan.document.rules, "wrap_up", None)
    return 60 * (minutes if isinstance(minutes, int) else WRAP_UP_MINUTES)


def _people(plan: Plan) -> dict[str, str]:
    """Who takes part in each segment, by id: the desk names them beside the running and the next part."""
    return {segment.id: speaker_text(segment) for segment in plan.segments}


def _words_attributes(state: DayState, words: PageWords, language: str, rehearsal: bool,
                      room: str | None = None) -> str:
    """The words the scripts need, as data attributes: the scripts stay free of any language.

    On a rehearsal clock (`--at`) the server's time is meant to differ from the
    browser's, so the pages do not warn about it.
    """
    statuses = day_words(language).statuses
    stage = STAGE_WORDS[language]
    data = {"left": words.left, "over": words.over, "next": words.next, "nothing": words.nothing_running,
            "starts": words.starts_at, "sent": words.sent, "refused": words.refused,
            "offline": words.offline, "statuses": statuses, "nextButton": stage.next_button,
            "nextLast": stage.next_last, "skipButton": stage.skip_button, "recordedAt": stage.recorded_at,
            "notConfirmed": stage.not_confirmed, "notRecorded": stage.not_recorded, "noToken": stage.no_token,
            "clockOff": stage.clock_off, "messageSent": stage.message_sent,
            "blackoutOn": stage.blackout_on, "blackoutOff": stage.blackout_off}
    people = json.dumps(_people(state.plan), ensure_ascii=False)
    return (f' data-words="{escape(json.dumps(data, ensure_ascii=False))}"'
            f' data-people="{escape(people)}" data-wrap-up="{wrap_up_seconds(state.plan)}"'
            f' data-rehearsal="{"1" if rehearsal else "0"}"'
            + (f' data-room="{escape(room)}"' if room is not None else ""))


def _page(state: DayState, language: str, name: str, heading: str, body: str, rehearsal: bool,
          room: str | None = None) -> str:
    words = PAGE_WORDS[language]
    title = state.plan.forum.title
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)} · {escape(title)}</title>\n"
        '<link rel="stylesheet" href="/static/live.css">\n'
        '<script src="/static/live.js" defer></script>\n'
        f'<script src="/static/{name}.js" defer></script>\n'
        f'</head>\n<body class="{name}"{_words_attributes(state, words, language, rehearsal, room)}>\n'
        f'<main>\n{_clock(state, language)}\n{body}\n'
        f'<p class="offline" hidden role="status">{escape(words.offline)}</p>\n</main>\n'
        "</body>\n</html>\n"
    )


def _row(state: DayState, s: SegmentState, language: str) -> str:
    statuses = day_words(language).statuses
    planned = f"{_hm(state, s.segment.start)}–{_hm(state, s.segment.end)}"
    actual = f"{_hm(state, s.start)}–{_hm(state, s.end)}" if s.start is not None else ""
    names = ", ".join(dict.fromkeys(role.person.name for role in s.segment.people))
    title = title_of(s, language)
    people = f'<span class="people">{escape(names)}</span>' if names else ""
    return (f'<tr class="status-{s.status}" data-id="{escape(s.id)}">'
            f'<td class="time">{escape(planned)}</td>'
            f'<td class="time actual">{escape(actual)}</td>'
            f'<td class="title">{escape(title)}{people}</td>'
            f'<td class="status">{escape(statuses[s.status])}</td></tr>')


def _clock(state: DayState, language: str) -> str:
    """The time of day in the forum's zone, and the warning (hidden) for a browser whose clock is off."""
    stage = STAGE_WORDS[language]
    local = state.plan.local(state.at)
    shown = "" if local is None else f"{local:%H:%M:%S}"
    return (f'<p class="clock"><span class="label">{escape(stage.time_of_day)}</span> '
            f'<time class="time-of-day">{escape(shown)}</time></p>\n'
            '<p class="clock-off" hidden role="alert"></p>')


def programme_page(state: DayState, language: str, rehearsal: bool = False) -> str:
    words = PAGE_WORDS[language]
    forum = state.plan.forum
    rows = "\n".join(_row(state, s, language) for s in state.segments)
    body = (
        f"<h1>{escape(forum.title)}</h1>\n"
        f'<p class="day-line" aria-live="polite">{escape(day_line(state, language))}</p>\n'
        f'<table>\n<thead><tr><th scope="col">{escape(words.planned)}</th>'
        f'<th scope="col">{escape(words.actual)}</th><th scope="col">{escape(words.segment)}</th>'
        f'<th scope="col">{escape(words.status)}</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'
    )
    return _page(state, language, "programme", words.programme, body, rehearsal)


def _timer(state: DayState, words: PageWords) -> tuple[str, str, str]:
    """(figures, class, caption) for the big countdown."""
    current = state.current
    if current is None:
        return "--:--", "idle", words.nothing_running
    if state.over_seconds > 0:
        return "+" + _mmss(state.over_seconds), "over", words.over
    amber = " amber" if state.remaining_seconds <= wrap_up_seconds(state.plan) else ""
    return _mmss(state.remaining_seconds), "running" + amber, words.left


def _room_name(state: DayState, room: str | None) -> str:
    """The room a page follows, by the name the file gives it ("" for a page of the whole day)."""
    return "" if room is None else state.plan.rooms[room].name


def stage_page(state: DayState, language: str, rehearsal: bool = False, room: str | None = None) -> str:
    """The speaker's timer. Its heading is never empty (axe `empty-heading`): with nothing running it is the
    forum's title. A message and the blackout are layers over it, hidden until the desk sends them.
    With a room, the room's running part while its block runs, and the room's name above it."""
    words = PAGE_WORDS[language]
    if room is not None:
        state = room_view(state, room)
    figures, css, caption = _timer(state, words)
    current = title_of(state.current, language) if state.current is not None else state.plan.forum.title
    following = state.next
    upcoming = (f"{words.next}: {title_of(following, language)} · {words.starts_at.format(time=_hm(state, following.start))}"
                if following is not None else "")
    where = f'<p class="room">{escape(_room_name(state, room))}</p>\n' if room is not None else ""
    body = (
        f'{where}<h1 class="current">{escape(current)}</h1>\n'
        f'<p class="timer {css}" role="timer"><span class="figures">{escape(figures)}</span>'
        f'<span class="caption">{escape(caption)}</span></p>\n'
        f'<p class="next">{escape(upcoming)}</p>\n'
        '<p class="message" hidden role="alert"></p>\n'
        '<div class="blackout" hidden></div>'
    )
    return _page(state, language, "stage", words.stage, body, rehearsal, room)


def _part_label(template: str, part: SegmentState | None, language: str, last: str) -> str:
    if part is None:
        return last
    people = speaker_text(part.segment)
    return template.format(title=title_of(part, language) + (f" · {people}" if people else ""))


def control_page(state: DayState, language: str, rehearsal: bool = False, room: str | None = None) -> str:
    """The desk, one-handed on a phone: the running part on top, the big "next" button under the thumb,
    skip and undo beside it, then the messages to the speaker, and the token last.
    With a room, the desk of that room: its part while its block runs, its name in the heading."""
    words = PAGE_WORDS[language]
    if room is not None:
        state = room_view(state, room)
    stage = STAGE_WORDS[language]
    figures, css, caption = _timer(state, words)
    running = title_of(state.current, language) if state.current is not None else words.nothing_running
    people = speaker_text(state.current.segment) if state.current is not None else ""
    following = state.next
    ready = "\n".join(f'<button type="button" class="ready" data-text="{escape(text)}">{escape(text)}</button>'
                      for text in stage.ready)
    body = (
        f"<h1>{escape(words.control)} · {escape(state.plan.forum.title)}"
        f"{escape(' · ' + _room_name(state, room)) if room is not None else ''}</h1>\n"
        f'<section class="running" aria-labelledby="running-label">'
        f'<h2 id="running-label">{escape(stage.running)}</h2>'
        f'<p class="part">{escape(running)}</p><p class="people">{escape(people)}</p>'
        f'<p class="timer {css}" role="timer"><span class="figures">{escape(figures)}</span>'
        f'<span class="caption">{escape(caption)}</span></p></section>\n'
        f'<p class="day-line" aria-live="polite">{escape(day_line(state, language))}</p>\n'
        f'<div class="buttons">\n'
        f'<button type="button" data-mark="next">'
        f'{escape(_part_label(stage.next_button, following, language, stage.next_last))}</button>\n'
        f'<button type="button" data-mark="skip"{"" if following else " disabled"}>'
        f'{escape(_part_label(stage.skip_button, following, language, words.buttons["skip"]))}</button>\n'
        f'<button type="button" data-mark="undo">{escape(words.buttons["undo"])}</button>\n'
        f'</div>\n'
        f'<p class="result" role="status" aria-live="polite"></p>\n'
        f'<section class="messages" aria-labelledby="messages-label">'
        f'<h2 id="messages-label">{escape(stage.messages)}</h2>\n'
        f'<div class="ready-list">\n{ready}\n</div>\n'
        f'<form class="message-form"><label for="message-text">{escape(stage.message_label)}</label>'
        f'<input id="message-text" name="text" type="text" maxlength="200" autocomplete="off">'
        f'<label class="switch"><input id="message-flash" type="checkbox"> {escape(stage.flash)}</label>'
        f'<button type="submit">{escape(stage.send)}</button></form>\n'
        f'<div class="message-buttons"><button type="button" class="clear">{escape(stage.clear)}</button>'
        f'<button type="button" class="blackout-switch" aria-pressed="false">{escape(stage.blackout_on)}</button>'
        f'</div>\n<p class="message-result" role="status" aria-live="polite"></p></section>\n'
        f'<form class="token-form"><label for="token">{escape(words.token)}</label>'
        f'<input id="token" name="token" type="password" autocomplete="off" aria-describedby="token-help">'
        f'<span id="token-help" class="help">{escape(words.token_help)}</span></form>'
    )
    return _page(state, language, "control", words.control, body, rehearsal, room)

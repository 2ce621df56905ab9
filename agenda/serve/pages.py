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

from agenda.day.projection import DayState, SegmentState
from agenda.render.day_text import day_line, title_of
from agenda.messages.day_words import day_words
from agenda.messages.page_words import PAGE_WORDS, PageWords


def _hm(state: DayState, moment: datetime | None) -> str:
    local = state.plan.local(moment)
    return "" if local is None else f"{local:%H:%M}"


def _mmss(seconds: int) -> str:
    minutes, secs = divmod(abs(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def _words_attributes(words: PageWords, language: str) -> str:
    """The words the scripts need, as data attributes: the scripts stay free of any language."""
    statuses = day_words(language).statuses
    data = {"left": words.left, "over": words.over, "next": words.next, "nothing": words.nothing_running,
            "starts": words.starts_at, "sent": words.sent, "refused": words.refused,
            "offline": words.offline, "statuses": statuses}
    return f' data-words="{escape(json.dumps(data, ensure_ascii=False))}"'


def _page(state: DayState, language: str, name: str, heading: str, body: str) -> str:
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
        f'</head>\n<body class="{name}"{_words_attributes(words, language)}>\n'
        f'<main>\n{body}\n<p class="offline" hidden role="status">{escape(words.offline)}</p>\n</main>\n'
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


def programme_page(state: DayState, language: str) -> str:
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
    return _page(state, language, "programme", words.programme, body)


def _timer(state: DayState, words: PageWords) -> tuple[str, str, str]:
    """(figures, class, caption) for the big countdown."""
    current = state.current
    if current is None:
        return "--:--", "idle", words.nothing_running
    if state.over_seconds > 0:
        return "+" + _mmss(state.over_seconds), "over", words.over
    amber = " amber" if state.remaining_seconds <= 120 else ""
    return _mmss(state.remaining_seconds), "running" + amber, words.left


def stage_page(state: DayState, language: str) -> str:
    words = PAGE_WORDS[language]
    figures, css, caption = _timer(state, words)
    current = title_of(state.current, language) if state.current is not None else ""
    following = state.next
    upcoming = (f"{words.next}: {title_of(following, language)} · {words.starts_at.format(time=_hm(state, following.start))}"
                if following is not None else "")
    body = (
        f'<h1 class="current">{escape(current)}</h1>\n'
        f'<p class="timer {css}" role="timer"><span class="figures">{escape(figures)}</span>'
        f'<span class="caption">{escape(caption)}</span></p>\n'
        f'<p class="next">{escape(upcoming)}</p>'
    )
    return _page(state, language, "stage", words.stage, body)


def control_page(state: DayState, language: str) -> str:
    words = PAGE_WORDS[language]
    buttons = "\n".join(f'<button type="button" data-mark="{mark}">{escape(label)}</button>'
                        for mark, label in words.buttons.items() if mark != "skip")
    body = (
        f"<h1>{escape(words.control)} · {escape(state.plan.forum.title)}</h1>\n"
        f'<p class="day-line" aria-live="polite">{escape(day_line(state, language))}</p>\n'
        f'<form class="token-form"><label for="token">{escape(words.token)}</label>'
        f'<input id="token" name="token" type="password" autocomplete="off" aria-describedby="token-help">'
        f'<span id="token-help" class="help">{escape(words.token_help)}</span></form>\n'
        f'<div class="buttons">\n{buttons}\n</div>\n'
        f'<p class="result" role="status" aria-live="polite"></p>'
    )
    return _page(state, language, "control", words.control, body)

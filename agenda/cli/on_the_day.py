"""`agenda mark`, `now`, `report`, `run` and `serve`: the live programme (FORMAT.md, "On the day")."""

import re
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from agenda.cli.feedback import FileLangOption, Lang, language_asked, note, plan_or_exit, say, stdout_console
from agenda.core.errors import UsageError
from agenda.core.status import ExitStatus
from agenda.export.formats import Shown, chosen_format, default_format, format_choices, format_for, format_help

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime
    from pathlib import Path

    from agenda.day.marks import DayWarning, Mark
    from agenda.day.projection import DayState
    from agenda.core.planner import Plan


class MarkWord(str, Enum):
    start = "start"
    end = "end"
    next = "next"
    skip = "skip"
    undo = "undo"


_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""A press's `id`: URL-safe, 1 to 64 characters (FORMAT.md)."""

NowFormat = Enum("NowFormat", format_choices("now"), type=str)  # type: ignore[misc]
DayReportFormat = Enum("DayReportFormat", format_choices("report"), type=str)  # type: ignore[misc]
"""Both from agenda.export.formats.FORMATS."""


ForumFileArgument = Annotated[str, typer.Argument(metavar="FILE", help="The forum file.")]
MarksLogOption = Annotated[str | None, typer.Option("--log", help="The marks log; default FILE's .actuals.jsonl.")]
AtOption = Annotated[str | None, typer.Option("--at", help="HH:MM[:SS] in the forum's zone, or ISO 8601; default now.")]


def _day_plan(file: str, lang: Lang | None) -> "Plan":
    """The plan to run the day by; a file with errors the planner cannot read exits 1."""
    from agenda.loading.analysis import analyze

    return plan_or_exit(analyze(file, language_asked(lang)), lang).read_in(language_asked(lang))


def _moment(text: str | None, plan: "Plan", log: "Path | None" = None) -> "datetime | None":
    """TIME; on a forum of several days a bare clock two days' windows hold is on the day of the log's
    latest mark (a desk on day 2 typing 12:20 means day 2's)."""
    from agenda.day.times import parse_moment

    if text is None:
        return None
    near = None
    if log is not None and plan.has_days:
        from agenda.day.marks import facts_from
        from agenda.day.marks_log import read_log

        # the latest mark still in force: an undo's own time (the clock it was pressed on, a rehearsal's
        # real date) and the marks it withdrew say nothing of the day the desk is on
        near = facts_from(plan, read_log(log, plan.zone)[0])[0].latest
    try:
        return parse_moment(text, plan, near)
    except ValueError as error:
        raise UsageError("at-not-a-time", value=text, problem=getattr(error, "reason", "")) from None


def _log_path(file: str, log: str | None, rehearsal: bool = False) -> "Path":
    from pathlib import Path

    from agenda.day.marks_log import default_log

    return Path(log) if log else default_log(file, rehearsal)


def _on_the_day(plan: "Plan", moment: "datetime") -> None:
    """Refuse a clock nowhere near the forum's day (exit 1): its marks and projections would be nonsense."""
    from agenda.day.times import off_the_day
    from agenda.render.day_text import window_text
    from agenda.messages.day_words import day_words

    if off_the_day(plan, moment):
        note(day_words(plan.language).off_the_day.format(**window_text(plan)))
        raise typer.Exit(ExitStatus.INVALID)


def _rehearsal_log(file: str, log: str | None, start: "datetime | None", plan: "Plan") -> "Path":
    """The marks log; a rehearsal on the default log starts afresh, the last one's marks kept aside."""
    path = _log_path(file, log, rehearsal=start is not None)
    if start is not None and log is None:
        from agenda.day.marks_log import begin_rehearsal
        from agenda.messages.day_words import day_words

        old = begin_rehearsal(path)
        if old is not None:
            note(day_words(plan.language).fresh_rehearsal.format(old=old))
    return path


def _usable_log(path: "Path", plan: "Plan") -> "Path":
    """Refuse a log that is no regular file or too big before a screen or a server starts (exit 2)."""
    from agenda.day.marks_log import read_log

    read_log(path, plan.zone)
    return path


RoomOption = Annotated[str | None, typer.Option(
    "--room", metavar="ID", help="A room of forum.rooms: during a parallel block, follow (or mark) its track.")]


def _room(room: str | None, plan: "Plan") -> str | None:
    """A room the file names, or a usage error (exit 2) listing them."""
    if room is not None and room not in plan.rooms:
        raise UsageError("room-not-in-file", room=room, rooms=", ".join(plan.rooms) or "-")
    return room


def _say(warnings: "Iterable[DayWarning]", plan: "Plan") -> None:
    from agenda.messages.day_words import warning_text

    for warning in warnings:
        note(warning_text(warning, plan.language))


def _project(plan: "Plan", marks: "list[Mark]", at: "datetime | None") -> "tuple[DayState, list[DayWarning]]":
    """The state at `at`; without one, as of the log's latest mark on the forum's day (what `report` shows)."""
    from agenda.day.projection import day_state
    from agenda.day.times import day_moment

    return day_state(plan, marks, at if at is not None else day_moment(plan, marks))


def _load_day(plan: "Plan", log: "Path", at: "datetime | None", every_day: bool = False) -> "DayState":
    """The log read once (refused with exit 2 when it is no regular file or too big), its warnings said once.

    Without `at`, the day as of the log's latest mark on the forum's day (`report`, a rehearsal's `now`).
    """
    from agenda.day.clocks import wall_clock
    from agenda.day.loader import load_day

    day = load_day(plan, log, at, wall_clock, latest_is_now=True, every_day=every_day)
    _say(day.warnings, plan)
    return day.state


def mark(
    file: ForumFileArgument,
    word: Annotated[MarkWord, typer.Argument(metavar="MARK", help="start, end, next, skip or undo.")],
    segment: Annotated[str | None, typer.Argument(metavar="[PART]", help="A part: SEGMENT or SEGMENT:ITEM.")] = None,
    at: AtOption = None,
    log: MarksLogOption = None,
    expect: Annotated[str | None, typer.Option(
        "--expect", help="The part you saw running (none: nothing); refused if the day has moved on.")] = None,
    key: Annotated[str | None, typer.Option(
        "--id", help="This press's own id (1-64 of A-Z a-z 0-9 _ -): sent again, it counts once.")] = None,
    mark_note: Annotated[str | None, typer.Option("--note", help="Why (kept in the log; `report` shows it).")] = None,
    room: RoomOption = None,
    lang: FileLangOption = None,
) -> None:
    """Record what happened: a part starts, ends, is skipped; undo the latest mark."""
    from agenda.day.clocks import wall_clock
    from agenda.day.loader import is_rehearsal_log
    from agenda.day.marks import ImpossibleMark, MarkKind
    from agenda.day.recording import Press, record_mark
    from agenda.render.day_text import day_line, mark_text

    plan = _day_plan(file, lang)
    if key is not None and not _KEY.fullmatch(key):
        raise UsageError("mark-id-invalid", value=key)
    path = _log_path(file, log)
    moment = _moment(at, plan, path)
    press = Press(MarkKind(word.value), segment, expect, key, mark_note, _room(room, plan))
    try:
        recorded = record_mark(plan, path, press, moment, wall_clock, rehearsal=is_rehearsal_log(path))
    except ImpossibleMark as why:
        from agenda.messages.day_words import day_words, impossible_text

        said = impossible_text(why.reason, why.details, plan.language)
        note(f"{path}: {day_words(plan.language).nothing_appended.format(why=said)}")
        raise typer.Exit(ExitStatus.INVALID)
    done = recorded.mark
    from agenda.day.times import off_the_day

    # an undo names no time of its own: made on another day (tidying the log the week after), a
    # projection at that moment would be millions of minutes late, so none is said
    elsewhere = done.kind is MarkKind.UNDO and off_the_day(plan, done.at)
    state, more = _project(plan, list(recorded.marks), None if elsewhere else done.at)
    _say([*recorded.warnings, *more], plan)
    said = mark_text(plan, done, recorded.withdrawn)
    if elsewhere:
        from agenda.render.day_text import window_text
        from agenda.messages.day_words import day_words

        line = day_words(plan.language).undo_elsewhere.format(**window_text(plan))
    else:
        line = day_line(state, plan.language)
    say(f"{said} · {line}\n")


def now(
    file: ForumFileArgument,
    at: AtOption = None,
    format: Annotated[NowFormat, typer.Option(
        "--format", "-f", help=f"{format_help('now')}.")] = NowFormat(default_format("now")),
    log: MarksLogOption = None,
    room: RoomOption = None,
    lang: FileLangOption = None,
) -> None:
    """What runs now, how long it has left, what comes next, and the day in words."""
    plan = _day_plan(file, lang)
    from agenda.day.clocks import wall_clock
    from agenda.day.loader import is_rehearsal_log
    from agenda.day.marks_log import read_log
    from agenda.day.times import day_moment

    path = _log_path(file, log)
    moment = _moment(at, plan, path)
    if moment is None and is_rehearsal_log(path):  # a rehearsal's "now" is its latest mark
        moment = day_moment(plan, read_log(path, plan.zone)[0])
    moment = moment or wall_clock()
    _on_the_day(plan, moment)
    state = _load_day(plan, path, moment)
    followed = _room(room, plan)
    if followed is not None:
        from agenda.day.projection import room_view

        state = room_view(state, followed)
    chosen = chosen_format("now", format.value)
    write = say if chosen.shown is Shown.WORDS else sys.stdout.write  # words for a person, or a document
    write(chosen.writer()(state, plan.language))


def report(
    file: ForumFileArgument,
    format: Annotated[DayReportFormat | None, typer.Option(
        "--format", "-f",
        help=f"{format_help('report')}; default: OUT's suffix, else {default_format('report')}.")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file; - for stdout.")] = "-",
    log: MarksLogOption = None,
    lang: FileLangOption = None,
) -> None:
    """Planned against actual for every segment, and the day's totals."""
    from agenda.export.output_files import write_output

    chosen = chosen_format("report", format_for(output, format.value if format else None, "report"))
    plan = _day_plan(file, lang)
    marks_log = _log_path(file, log)
    if not marks_log.exists():
        from agenda.messages.day_words import day_words

        note(day_words(plan.language).no_log.format(path=marks_log))
    state = _load_day(plan, marks_log, None, every_day=True)
    rendered = chosen.writer()(state, plan.language)
    if chosen.shown is Shown.DRAWING and output == "-":
        stdout_console().print(rendered)
        return
    if chosen.shown is Shown.DRAWING:
        import io

        from agenda.render.terminal import InertConsole

        buffer = io.StringIO()
        InertConsole(file=buffer, highlight=False, soft_wrap=False, width=100, color_system=None).print(rendered)
        rendered = buffer.getvalue()
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")  # a PDF is bytes already
    write_output(output, (b"\xef\xbb\xbf" if chosen.byte_order_mark else b"") + data)
    if output != "-":
        from agenda.messages.day_words import day_words

        note(day_words(plan.language).wrote.format(path=output))


def run_clock(
    file: ForumFileArgument,
    log: Annotated[str | None, typer.Option("--log", help="The marks log; default FILE's .actuals.jsonl "
                                            "(.rehearsal.jsonl with --at).")] = None,
    at: Annotated[str | None, typer.Option(
        "--at", help="Rehearse: the clock starts at this TIME and runs on.")] = None,
    room: RoomOption = None,
    lang: FileLangOption = None,
) -> None:
    """The full-screen clock for the desk: space/n next, s start, e end, u undo, q quit."""
    from agenda.day.clocks import rehearsal_clock, wall_clock
    from agenda.cli.desk import Desk, run_desk
    from agenda.render.terminal import InertConsole

    plan = _day_plan(file, lang)
    start = _moment(at, plan)
    if not sys.stdin.isatty():
        raise UsageError("needs-terminal")
    clock = wall_clock if start is None else rehearsal_clock(start)
    _on_the_day(plan, clock())
    desk = Desk(plan, _usable_log(_rehearsal_log(file, log, start, plan), plan), clock,
                rehearsal=start is not None, room=_room(room, plan))
    run_desk(desk, InertConsole(highlight=False), sys.stdin.fileno())
    from agenda.messages.day_words import warning_text

    for warning in desk.warnings:
        note(warning_text(warning, plan.language))


def serve(
    file: ForumFileArgument,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on; 0.0.0.0 lets phones on the network in.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8080,
    log: MarksLogOption = None,
    at: Annotated[str | None, typer.Option(
        "--at", help="Rehearsal: the clock starts at this time (HH:MM).")] = None,
    new_token: Annotated[bool, typer.Option("--new-token", help="Replace the kept token with a new one.")] = False,
    lang: FileLangOption = None,
) -> None:
    """Serve the live programme to browsers: the programme, the stage timer, and the desk's controls."""
    from agenda.day.clocks import rehearsal_clock, wall_clock
    from agenda.serve.live import LiveDay
    from agenda.serve.server import serve as run_server
    from agenda.serve.token import load_or_create, token_path

    plan = _day_plan(file, lang)
    start = _moment(at, plan)
    _on_the_day(plan, start or wall_clock())
    path = _usable_log(_rehearsal_log(file, log, start, plan), plan)
    language = lang.value if lang else plan.language
    live = LiveDay(plan, path, rehearsal_clock(start) if start else wall_clock, language,
                   note)
    keep = token_path(path)
    try:
        token = load_or_create(keep, renew=new_token)
    except OSError as error:
        raise UsageError("token-unkeepable", path=str(keep), error=error.strerror or str(error)) from None
    base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    from agenda.messages.page_words import PAGE_WORDS

    words = PAGE_WORDS[language]
    marks = f"{path}{words.banner_rehearsal.format(at=at) if start else ''}"
    from agenda.render.inert import shown

    sys.stdout.write(words.banner.format(title=shown(plan.forum.title), base=base, marks=shown(marks))
                     + words.banner_token.format(keep=keep) + f"\n{token}\n")
    sys.stdout.flush()
    run_server(live, token, host, port)

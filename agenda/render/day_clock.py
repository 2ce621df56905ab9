"""The desk clock of `agenda run`: one screen, read from across a room.

Pure: a state in, a Rich renderable out; the loop that reads keys and
redraws lives in `agenda.cli.desk`.
"""

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from agenda.day.projection import DayState, State, seconds_between
from agenda.render.day_text import day_line, hm, mmss, next_text, speaker_text, title_of
from agenda.messages.day_words import day_words
from agenda.render.day_clock_face import on_the_forums_clock

AMBER_SECONDS = 120


def big_figures(text: str, width: int) -> str:
    """`12:34` in block letters (pyfiglet), or as it is when the screen is too narrow for them."""
    import pyfiglet

    art = pyfiglet.figlet_format(text, font="ansi_regular", width=max(width, 20)).rstrip("\n ")
    lines = [line.rstrip() for line in art.splitlines() if line.strip()]
    if not lines or max(len(line) for line in lines) > width:
        return text
    return "\n".join(lines)


def timer(day: DayState) -> tuple[str, str, str]:
    """The figures, their colour and what they count: time left, time over, or time to the next start."""
    day = on_the_forums_clock(day)
    words = day_words(day.plan.language)
    if day.current is not None:
        if day.over_seconds:
            return mmss(day.over_seconds), "bold red", words.over.format(n="").strip()
        style = "bold yellow" if day.remaining_seconds <= AMBER_SECONDS else "bold green"
        return mmss(day.remaining_seconds), style, words.left.format(n="").strip()
    if day.next is not None:
        start = day.next.start or day.at
        seconds = max(0, seconds_between(day.at, start))
        return mmss(seconds), "bold cyan", words.next.format(title=title_of(day.next, day.plan.language), start=hm(day.next.start))
    return hm(day.end), "bold", words.states[State.AFTER]


def clock_view(day: DayState, width: int, rehearsal: bool = False, message: str = "") -> Panel:
    day = on_the_forums_clock(day)
    language = day.plan.language
    words = day_words(language)
    top = Text(f"{day.at:%H:%M:%S}", style="bold")
    if rehearsal:
        top.append(f"  ({words.rehearsal})", style="magenta")
    if day.room is not None:  # `run --room`: whose desk this is, before anything else
        room = day.plan.rooms.get(day.room)
        top.append(f"  {room.name if room is not None else day.room}", style="bold")
    top.append(f"  {day.plan.forum.title}", style="dim")
    if day.current is not None:
        heading = Text("")
        parent = day.current.parent
        if day.current.item is not None and parent is not None:  # a part: its segment's title above it
            heading.append(f"{title_of(parent, language)}\n", style="dim")
        heading.append(title_of(day.current, language), style="bold")
        people = speaker_text(day.current.segment)
        if people:
            heading.append(f"\n{people}", style="italic")
        heading.append(f"\n{words.until.format(end=hm(day.current_due))}", style="dim")
        if day.window_left_seconds is not None:  # the last part: the window's end beside its own clock
            heading.append(f"\n{words.window_left.format(n=mmss(day.window_left_seconds))}", style="dim")
    else:
        heading = Text(words.states[day.state], style="bold")
    figures, style, caption = timer(day)
    big = Text(big_figures(figures, width - 4), style=style)
    lines: list[RenderableType] = [top, Text(""), heading, Text(""), Align.center(big), Align.center(Text(caption, style=style))]
    if day.current is not None and day.next is not None:
        lines.append(Text(next_text(day, language)))
    lines += [Text(""), Text(day_line(day, language), style="bold")]
    if message:
        lines.append(Text(message, style="yellow"))
    lines.append(Text(words.keys, style="dim"))
    return Panel(Group(*lines), padding=(0, 1))



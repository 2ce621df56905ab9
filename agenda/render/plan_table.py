"""The plan as a table in the terminal, read like a printed programme.

The table is laid out for the width it is drawn at, and never breaks a
word: Korean words ("디지털미디어네트워크") and headers ("발표·토론자")
stay whole. Rich would shrink every wrapping column alike once the table is
too wide, below its longest word, and then fold words mid-way; so the
column widths are chosen here (each at least its longest word, the room
left shared by how much each column wants), lines are broken only at
spaces, and a column nobody writes in (notes, often) is left out. A person
whose name and affiliation do not fit on one line gets the affiliation on
the next.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderResult
from rich.table import Table
from rich.text import Text

from agenda.messages.labels import Labels, labels_for
from agenda.render.inert import shown as visible
from agenda.core.planner import Plan, Role
from agenda.render.line_breaks import breaks, wrap_at_spaces
from agenda.render.people import person_detail, role_name
from agenda.render.programme_rows import Row, forum_when, programme_rows

_ITEM_INDENT = "  · "
_HANG = " " * cell_len(_ITEM_INDENT)


def plan_table(plan: Plan, language: str | None = None) -> Group:
    labels = labels_for(language or plan.language)
    total = labels.total(plan.scheduled_minutes, plan.window_minutes, plan.slack_minutes, plan.overrun_minutes)
    style = "red" if plan.overrun_minutes else "yellow" if plan.slack_minutes else "green"
    return Group(ProgrammeTable(plan, labels), Text(total, style=style))


@dataclass(frozen=True)
class _Shown:
    """A row with what the table prints of it: its title styled, its people ready to lay out."""

    row: Row
    title: Text
    people: list["_Person"]


@dataclass(frozen=True)
class _Part:
    """What a cell holds besides the title: the texts it must fit, and its lines for a width."""

    texts: Callable[[_Shown], list[str]]
    lines: Callable[[_Shown, int], list[str]]
    style: str = ""


_PEOPLE = _Part(lambda shown: [p.whole for p in shown.people],
                lambda shown, width: [line for p in shown.people for line in p.lines(width)])
_NOTES = _Part(lambda shown: [visible(shown.row.note)] if shown.row.note else [],
               lambda shown, width: wrap_at_spaces(visible(shown.row.note), width) if shown.row.note else [], "dim")


@dataclass(frozen=True)
class _Column:
    heading: str
    fixed: bool  # times and minutes never wrap
    justify: JustifyMethod
    minimum: int  # the widest word (with its indent), or the whole text of a fixed column
    maximum: int  # the widest line unwrapped
    cell: Callable[[_Shown, int], Text]  # the cell laid out for a width


class ProgrammeTable:
    """The programme's rows as a Rich table, laid out when the console's width is known.

    The widest layout that fits without breaking a word wins: people and
    notes in columns of their own; else the notes under the titles; else
    the people too, so that 60 columns still split no word.
    """

    def __init__(self, plan: Plan, labels: Labels) -> None:
        self.plan = plan
        self.labels = labels
        self.shown = [_Shown(row, _title(row, labels), [_person(role, labels) for role in row.people])
                      for row in programme_rows(plan, labels)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for merged in range(3):
            columns = self._columns(merged)
            room = options.max_width - (3 * len(columns) + 1)
            if sum(c.minimum for c in columns) <= room:
                break
        widths = column_widths(columns, room)
        # The heading over the table, wrapped at the table's width as a table title is, but not padded
        # to it: a title line ends where its words do, without trailing spaces.
        table_width = min(options.max_width, sum(widths) + 3 * len(columns) + 1)
        yield from console.render(_heading(self.plan, self.labels), options.update(width=table_width,
                                                                                   justify="default"))
        for chunk in _chunks(self.shown):  # the programme, and a sub-table per room of a parallel block
            table = Table(expand=False)
            for column, width in zip(columns, widths):
                table.add_column(column.heading, justify=column.justify, width=width, no_wrap=column.fixed,
                                 overflow="fold")
            for shown in chunk:
                table.add_row(*(column.cell(shown, width) for column, width in zip(columns, widths)))
            yield table
        hosts = [_person(role, self.labels).whole for role in self.plan.hosts]
        if hosts:
            joined = " · ".join(hosts)
            yield Text(joined if cell_len(joined) <= options.max_width else "\n".join(hosts))

    def _columns(self, merged: int) -> list[_Column]:
        """Time, minutes and the programme; then people and notes as columns unless `merged` puts
        them under the titles (1: the notes, 2: the people too). A column nobody writes in is left out."""
        labels, shown = self.labels, self.shown
        under_title = [_PEOPLE, _NOTES][2 - merged:] if merged else []
        beside = [(labels.people_heading, _PEOPLE), (labels.notes_heading, _NOTES)][: 2 - merged]
        columns = [
            _fixed(labels.time_heading, shown, lambda s: s.row.when, "left"),
            _fixed(labels.minutes_heading, shown, lambda s: "" if s.row.minutes is None else str(s.row.minutes),
                   "right"),
            _flexible(labels.segment_heading, [s.title.plain for s in shown] + _texts(under_title, shown),
                      lambda s, width: _programme_cell(s, width, under_title), indent=len(_HANG)),
        ]
        for heading, part in beside:
            texts = _texts([part], shown)
            if texts:
                columns.append(_flexible(heading, texts, _cell_of(part)))
        return columns


def _chunks(shown: list[_Shown]) -> list[list[_Shown]]:
    out: list[list[_Shown]] = []
    for one in shown:
        if not out or out[-1][-1].row.track != one.row.track:
            out.append([])
        out[-1].append(one)
    return out


def _texts(parts: list[_Part], shown: list[_Shown]) -> list[str]:
    return [text for part in parts for s in shown for text in part.texts(s)]


def _programme_cell(shown: _Shown, width: int, under_title: list[_Part]) -> Text:
    """The title, and beneath it whatever has no column of its own, indented under its words."""
    text = _wrap_title(shown.title, shown.row, width)
    indent = _HANG if shown.row.depth else _HANG[: len(_HANG) // 2]
    for part in under_title:
        for line in part.lines(shown, width - len(indent)):
            text.append("\n" + indent + line, style=part.style)
    return text


def _cell_of(part: _Part) -> Callable[[_Shown, int], Text]:
    return lambda shown, width: Text("\n".join(part.lines(shown, width)))


def _fixed(heading: str, shown: list[_Shown], text: Callable[[_Shown], str], justify: JustifyMethod) -> _Column:
    widest = max(cell_len(line) for line in [heading, *map(text, shown)])
    return _Column(heading, True, justify, widest, widest, lambda s, width: Text(text(s)))


def _flexible(heading: str, texts: list[str], cell: Callable[[_Shown, int], Text], indent: int = 0) -> _Column:
    """At least as wide as the heading and the widest word (plus the indent it may sit at)."""
    widest_word = max([0] + [cell_len(word) for text in texts for word in text.split()])
    minimum = max(cell_len(heading), widest_word + indent)
    return _Column(heading, False, "left", minimum, max([0] + [cell_len(text) for text in texts]), cell)


def column_widths(columns: Sequence[_Column], room: int) -> list[int]:
    """Widths that fit `room` cells if the columns' widest words do: every column gets at least that,
    and the rest is shared in proportion to how much wider each would like to be."""
    wants = [max(c.minimum, c.maximum) for c in columns]
    if sum(wants) <= room:
        return wants
    widths = [c.minimum for c in columns]
    spare = room - sum(widths)
    if spare < 0:
        return _folding_the_longest_words(columns, widths, room)
    if spare == 0:
        return widths
    hunger = [want - width for want, width in zip(wants, widths)]
    total = sum(hunger)
    shares = [spare * h // total for h in hunger]
    for index in sorted(range(len(columns)), key=lambda i: -hunger[i])[: spare - sum(shares)]:
        shares[index] += 1
    return [width + share for width, share in zip(widths, shares)]


def _folding_the_longest_words(columns: Sequence[_Column], widths: list[int], room: int) -> list[int]:
    """Narrower than some word (a URL in an imported description): the times and minutes keep their
    widths, and the widest text column gives up cells until the table fits, so that only the words
    longer than it fold and a short word (a Korean one) stays whole. Left to Rich, every column would
    shrink alike: a blank, one-cell minutes column and `11:00~11`."""
    widths = list(widths)
    text_columns = [i for i, column in enumerate(columns) if not column.fixed]
    while sum(widths) > room and text_columns:
        widest = max(text_columns, key=lambda i: widths[i])
        floor = cell_len(columns[widest].heading)
        if widths[widest] <= floor:
            break  # narrower than the headings themselves: the terminal will have to fold
        widths[widest] -= 1
    return widths


@dataclass(frozen=True)
class _Person:
    name: str  # with the role, e.g. "좌장: 구본권"
    detail: str  # "(한겨레 사람과디지털연구소 소장)", or nothing

    @property
    def whole(self) -> str:
        return f"{self.name} {self.detail}" if self.detail else self.name

    def lines(self, width: int) -> list[str]:
        """On one line if it fits; else the name, and the affiliation on the lines below."""
        if cell_len(self.whole) <= width:
            return [self.whole]
        return wrap_at_spaces(self.name, width) + (wrap_at_spaces(self.detail, width) if self.detail else [])


def _person(role: Role, labels: Labels) -> _Person:
    detail = visible(person_detail(role.person, labels))
    return _Person(visible(role_name(role, labels)), f"({detail})" if detail else "")


def _title(row: Row, labels: Labels) -> Text:
    """The row's title, controls and bidi overrides as escapes already, so that its width is what is printed."""
    if row.state == "section":
        return Text(visible(row.title), style="bold reverse")
    if row.depth:
        return Text(f"{_ITEM_INDENT}{visible(row.title)}")
    if row.state == "cancelled":
        title = Text(visible(row.title), style="strike dim")
        title.append(f" ({labels.cancelled})", style="dim")
        return title
    return Text(visible(row.title), style="bold")


def _wrap_title(title: Text, row: Row, width: int) -> Text:
    """Broken at spaces only; an item's continuation lines hang under its first word."""
    hang = _HANG if row.depth else ""
    lines: list[Text] = []
    for line in title.split("\n"):
        for n, piece in enumerate(line.divide(breaks(line.plain, width, width - cell_len(hang)))):
            piece.rstrip()
            lines.append(Text(hang) + piece if n else piece)
    return Text("\n").join(lines)


def _heading(plan: Plan, labels: Labels) -> Text:
    forum = plan.forum
    heading = Text(visible(forum.title), style="bold")
    if forum.theme:
        heading.append(f"\n{visible(forum.theme)}", style="italic")
    details = [forum_when(plan, labels)]
    if forum.venue:
        details.append(visible(forum.venue))
    heading.append("\n" + " · ".join(details), style="none")
    return heading

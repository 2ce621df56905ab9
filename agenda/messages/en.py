"""Every finding in English: one sentence per code (and reason), from the finding's typed arguments."""

from agenda.core.findings import Arguments
from agenda.messages.arguments import Sentence, clock, day, hm, local, names, number, path, quoted, text

YAML_HINTS = {
    "tab": "YAML indents with spaces, not tabs; replace the tab",
    "quote-colon": "a value with ': ' in it needs quotes, e.g. title: \"AI: 정책\"",
    "indent": "this key is indented further than the line above it; line it up with the keys beside it",
    "missing-colon": "a key needs ': ' after it, or a value with a line break needs quotes",
    "alias": "an *alias needs an &anchor of the same name before it",
    "one-document": "one forum per file: move what follows '---' to its own file",
    "brackets": "check the brackets and quotes on this line and the one before",
}

NOT_A_FORUM = {
    "list": "this is not a forum file (a list); it needs forum, program and, optionally, people and rules",
    "no-forum-key": "this is not a forum file (no `forum` key); it needs forum, program and, optionally, "
                    "people and rules",
    "text": "this is not a forum file (plain text); `agenda init` writes one to start from",
}


def _slack(a: Arguments) -> str:
    if a["what"] == "empty":
        return f"the program is empty; the window has {number(a, 'window')} minutes"
    allowed = number(a, "allowed")
    tolerance = f" (rules.allow_slack is {allowed})" if allowed else ""
    return (f"the program ends at {hm(a, 'ends')} with {text(a, 'title')}, {number(a, 'minutes')} minutes "
            f"before the window closes at {hm(a, 'closes')}{tolerance}; lengthen a segment or make one flexible")


def _crosses_midnight(a: Arguments) -> str:
    if a["what"] == "window":
        return (f"the window runs past midnight, from {hm(a, 'start')} on {day(a, 'start')} "
                f"to {hm(a, 'end')} on {day(a, 'end')}")
    return f"{text(a, 'title')} runs past midnight, to {hm(a, 'end')} on {day(a, 'end')}"


def _end_before_start(a: Arguments) -> str:
    start, end = local(a, "start"), local(a, "end")
    if a["what"] == "dated":
        return f"the window ends at {end:%Y-%m-%d %H:%M}, at or before its start at {start:%Y-%m-%d %H:%M}"
    return (f"the window ends at {end:%H:%M}, at or before its start at {start:%H:%M}; if it really runs past "
            f"midnight, give duration or the end with its date (end: {end:%Y-%m-%d %H:%M})")


def _zero_duration(a: Arguments) -> str:
    minutes, title = number(a, "minutes"), text(a, "title")
    return {
        "window-duration": f"the window's duration is {minutes} minutes; it must be positive",
        "window": f"the window is {minutes} minutes long; it must be positive",
        "duration": f"{title} has a duration of {minutes} minutes",
        "each": f"{title} gives each speaker {minutes} minutes",
        "until": f"{title} ends at its start or before it ({minutes} minutes)",
        "item": f"{text(a, 'item')} in {title} has a duration of {minutes} minutes",
    }[str(a["what"])]


def _unknown_key(a: Arguments) -> str:
    if a.get("suggestion") and a.get("also"):
        return (f"unknown key {quoted(a, 'key')}; did you mean {quoted(a, 'suggestion')} (a start time, 14:00) "
                f"or {quoted(a, 'also')} (a length, 30m)?")
    if a.get("suggestion") and a.get("where"):
        return f"unknown key {quoted(a, 'key')}; did you mean {quoted(a, 'suggestion')} under {text(a, 'where')}?"
    if a.get("suggestion"):
        return f"unknown key {quoted(a, 'key')}; did you mean {quoted(a, 'suggestion')}?"
    if a.get("choices"):
        return f"unknown key {quoted(a, 'key')}; the keys here are: {', '.join(names(a, 'choices'))}"
    return f"unknown key {quoted(a, 'key')}"


def _missing(a: Arguments) -> str:
    where = f" in {path(a, 'parent')}" if a.get("parent") else ""
    example = f"; add it, e.g. `{text(a, 'example')}`" if a.get("example") else ""
    return f"{text(a, 'field')} is required{where}{example}"


def _schema(a: Arguments) -> str:
    message = text(a, "detail")
    if a.get("korean_word") and a.get("suggestion"):
        message += f"; {quoted(a, 'value')} is written {text(a, 'suggestion')} (kinds are English codes)"
    elif a.get("suggestion"):
        message += f"; did you mean {quoted(a, 'suggestion')}?"
    if a.get("title_word"):  # a lunch is a break, and its word the title
        message += f"{' Write' if message.endswith('?') else '; write'} kind: break, title: {text(a, 'title_word')}"
    if a.get("items"):
        message += f"; write a list in brackets: [{', '.join(names(a, 'items'))}]"
    return message


def _unknown_zone(a: Arguments) -> str:
    if a.get("suggestion"):
        return f"{quoted(a, 'value')} is not a time zone; did you mean {quoted(a, 'suggestion')}?"
    return f"{quoted(a, 'value')} is not a time zone; give an IANA name such as Asia/Seoul"


def _yaml_syntax(a: Arguments) -> str:
    hint = YAML_HINTS.get(text(a, "hint"))
    return f"YAML syntax: {text(a, 'detail')}" + (f"; {hint}" if hint else "")


def _unknown_person(a: Arguments) -> str:
    if a.get("named"):
        return (f"{quoted(a, 'id')} is a name, not a people id: write its id, {text(a, 'suggestion')} "
                f"(people lists {quoted(a, 'id')} under {quoted(a, 'suggestion')})")
    if a.get("suggestion"):
        hint = f"did you mean {quoted(a, 'suggestion')}?"
    elif a.get("addable"):
        hint = (f"add the person to people, e.g. `{text(a, 'id')}: {{name: ..., title: ..., affiliation: ...}}`, "
                f"or write them inline as {{name: ...}}")
    else:
        hint = "add the person to people, or write them inline as {name: ...}"
    return f"{quoted(a, 'id')} is not in people; {hint}"


def _unknown_room(a: Arguments) -> str:
    if a.get("named"):
        return (f"{quoted(a, 'room')} is a room's name, not its id: write its id, {text(a, 'suggestion')}")
    if not a.get("rooms"):
        return (f"{quoted(a, 'room')} names no room: the file has no forum.rooms; add "
                f"`rooms: {{{text(a, 'room')}: {{name: ...}}}}` under forum")
    hint = f"did you mean {quoted(a, 'suggestion')}?" if a.get("suggestion") else "add it to forum.rooms"
    return f"{quoted(a, 'room')} is not in forum.rooms; {hint}"


def _track_slack(a: Arguments) -> str:
    allowed = number(a, "allowed")
    tolerance = f" (rules.allow_slack is {allowed})" if allowed else ""
    return (f"{text(a, 'track')} ends at {hm(a, 'ends')}, {number(a, 'minutes')} minutes before {text(a, 'block')} "
            f"ends at {hm(a, 'closes')}{tolerance}; lengthen a segment or make one flexible")


def _double_booked(a: Arguments) -> str:
    this = text(a, "title") + (f" ({text(a, 'item')})" if a.get("item") else "") + \
        (f" in {text(a, 'room')}" if a.get("room") else "")
    other = text(a, "other") + (f" ({text(a, 'other_item')})" if a.get("other_item") else "") + \
        (f" in {text(a, 'other_room')}" if a.get("other_room") else "")
    return (f"{text(a, 'person')} is in {this} from {hm(a, 'start')} and in {other} until {hm(a, 'ends')}: "
            f"{number(a, 'minutes')} minutes in two places at once")


MESSAGES: dict[str, Sentence] = {
    "window-overflow": lambda a: (
        f"{text(a, 'title')} ends at {hm(a, 'end')}, {number(a, 'minutes')} minutes after the window closes at "
        f"{hm(a, 'closes')}; shorten the program or move forum.end"),
    "before-window": lambda a: (
        f"{text(a, 'title')} starts at {hm(a, 'start')}, {number(a, 'minutes')} minutes before the window "
        f"opens at {hm(a, 'opens')}"),
    "overlap": lambda a: (
        f"{text(a, 'title')} starts at {hm(a, 'start')}, {number(a, 'minutes')} minutes before "
        f"{text(a, 'before')} ends at {hm(a, 'ends')}"),
    "gap": lambda a: (
        f"{number(a, 'minutes')} idle minutes between {text(a, 'before')} (ends {hm(a, 'ends')}) and "
        f"{text(a, 'title')} (starts {hm(a, 'start')})"
        + (f"; gap_before allows {number(a, 'allowed')}" if a.get("allowed") else "")),
    "slack": _slack,
    "items-overflow": lambda a: (
        f"the items of {text(a, 'title')} add up to {number(a, 'total')} minutes, "
        f"{number(a, 'total') - number(a, 'minutes')} more than its {number(a, 'minutes')}"),
    "each-mismatch": lambda a: (
        f"{text(a, 'title')}: each {number(a, 'each')} minutes x {number(a, 'speakers')} speakers is "
        f"{number(a, 'each') * number(a, 'speakers')} minutes, but duration is {number(a, 'duration')}; "
        f"fix one or drop duration"),
    "missing-kind": lambda a: f"rules.require asks for a {text(a, 'kind')} segment, and the program has none",
    "unknown-person": _unknown_person,
    "unused-person": lambda a: f"{quoted(a, 'id')} ({text(a, 'name')}) is in people but takes no part",
    "duplicate-id": lambda a: (
        f"segment id {quoted(a, 'id')} is already used by {path(a, 'first')}; ids must be unique"),
    "zero-duration": _zero_duration,
    "nonexistent-time": lambda a: (
        f"{clock(a)} on {a['day']} does not exist in {text(a, 'zone_name')} (clocks jump forward); "
        f"pick another time"),
    "ambiguous-time": lambda a: (
        f"{clock(a)} on {a['day']} happens twice in {text(a, 'zone_name')} (clocks go back); "
        f"agenda takes the first"),
    "crosses-midnight": _crosses_midnight,
    "missing-id": lambda a: (
        f"forum.id is missing, so {quoted(a, 'id')} from the file name is used; add `id: {text(a, 'id')}` "
        f"so calendar entries survive a rename"),
    "duplicate-uid": lambda a: (
        f"the calendar UID {quoted(a, 'uid')} from {path(a, 'path')} is also given by {path(a, 'first')} in "
        f"{text(a, 'first_file')}; a calendar would keep only one of the two events: give one forum "
        f"(or segment) another id"),
    "end-before-start": _end_before_start,
    "unmailable-address": lambda a: (
        f"{text(a, 'name')}: {unmailable(quoted(a, 'address'), str(a['why']))}; `agenda notices` drafts their "
        f"notice without a To: header; give an address mail can carry"),
    "unknown-room": _unknown_room,
    "room-overlap": lambda a: (
        f"{text(a, 'title')} starts at {hm(a, 'start')} in {text(a, 'room')}, {number(a, 'minutes')} minutes "
        f"before {text(a, 'other')} there ends at {hm(a, 'ends')}"),
    "track-overflow": lambda a: (
        f"{text(a, 'track')} runs to {hm(a, 'end')} with {text(a, 'title')}, {number(a, 'minutes')} minutes past "
        f"the end of {text(a, 'block')} at {hm(a, 'closes')}; shorten the track or lengthen the block"),
    "track-slack": _track_slack,
    "double-booked": _double_booked,
    "legacy-zone": lambda a: (
        f"{text(a, 'zone_name')} is an old zone name (a fixed offset or an alias), not a city's clock; "
        f"write `timezone: {text(a, 'meant')}` so the times follow that city's daylight saving"),
    "ceremony-order": lambda a: (
        f"the national ceremony {quoted(a, 'item')} is item {number(a, 'position')} of {text(a, 'title')}, "
        f"after {quoted(a, 'first')}; protocol holds it before any other part (only the opening declaration "
        f"may come first)"),
    "unreadable/folder": lambda a: "is a folder; give a forum file (or use `agenda validate` on folders)",
    "unreadable/too-big": lambda a: (
        f"is over {number(a, 'limit') // 1024 // 1024} MiB; forum files are limited to "
        f"{number(a, 'limit') // 1024 // 1024} MiB. Is this the right file?"),
    "unreadable/not-regular": lambda a: "is not a regular file (a device, FIFO or socket); give a forum file",
    "unreadable/folder-unreadable": lambda a: (
        f"folder cannot be read ({text(a, 'detail')}); its files were not checked"),
    "unreadable/internal-error": lambda a: (
        f"internal error ({text(a, 'error')}: {text(a, 'detail')}); please report it with the file"),
    "unreadable/nested-too-deeply": lambda a: "nested too deeply; a forum file needs a few levels",
    "unreadable/too-many-digits": lambda a: "a number thousands of digits long; no value in a forum file needs one",
    "unreadable/number-too-large": lambda a: "a number too large for any value; no value in a forum file needs one",
    "unreadable/long-dotted-key": lambda a: (
        f"a dotted key of more than {number(a, 'limit')} parts; a forum file needs a few"),
    "unreadable/dangling-link": lambda a: (
        f"is a symbolic link to {text(a, 'target')}, which does not exist; fix the link or remove it"),
    "unreadable/missing": lambda a: "no such file; check the path",
    "unreadable/permission": lambda a: "permission denied; check the file's permissions",
    "unreadable/os-error": lambda a: f"cannot be read: {text(a, 'detail')}",
    "unreadable/not-utf8": lambda a: f"not UTF-8 (byte 0x{number(a, 'byte'):02x}); save the file as UTF-8",
    "unreadable/nul-byte": lambda a: "contains a NUL byte; is this a text file?",
    "unreadable/json-syntax": lambda a: f"JSON syntax: {text(a, 'detail')}",
    "unreadable/json-too-deep": lambda a: "JSON nested too deeply; a forum file needs a few levels",
    "unreadable/toml-syntax": lambda a: f"TOML syntax: {text(a, 'detail')}",
    "unreadable/yaml-syntax": _yaml_syntax,
    "unreadable/alias-expansions": lambda a: (
        f"more than {number(a, 'limit')} values made by expanding aliases (*name); a forum file needs far fewer"),
    "unreadable/too-deep": lambda a: f"nested deeper than {number(a, 'limit')} levels; a forum file needs far fewer",
    "unreadable/unsupported-tag": lambda a: f"unsupported tag {quoted(a, 'tag')}; remove it",
    "unreadable/complex-key": lambda a: "a key must be plain text, not a list or mapping",
    "unreadable/bad-tagged-value": lambda a: f"{quoted(a, 'text')} is not a valid !!{text(a, 'tag')}",
    "unreadable/empty": lambda a: "the file is empty; a forum file starts with `forum:`",
    "invalid-field/duplicate-key": lambda a: (
        f"duplicate key {quoted(a, 'key')}; the later value would silently win, keep one"),
    "invalid-field/unknown-key": _unknown_key,
    "invalid-field/missing": _missing,
    "invalid-field/not-a-forum": lambda a: NOT_A_FORUM[text(a, "found")],
    "invalid-field/schema": _schema,
    "invalid-field/control-character": lambda a: (
        f"control character {text(a, 'character')} at position {number(a, 'position')}; remove it"),
    "invalid-field/lone-surrogate": lambda a: (
        f"lone surrogate {text(a, 'character')} at position {number(a, 'position')}; remove it"),
    "invalid-field/line-break": lambda a: (
        f"a line break at position {number(a, 'position')}; this field is one line "
        f"(only description and note may have several)"),
    "invalid-field/not-an-email": lambda a: (
        f"{quoted(a, 'value')} is not an email address; write it as name@example.org"),
    "invalid-field/not-a-phone-number": lambda a: (
        f"{quoted(a, 'value')} is not a telephone number; write digits, e.g. 02-788-1234 or +82 2 788 1234"),
    "invalid-field/not-a-web-address": lambda a: (
        f"{quoted(a, 'value')} is not a web address; write it as https://example.org/page"),
    "invalid-field/not-a-part-name": lambda a: (
        f"{quoted(a, 'value')} is not a part name; write a segment id, or SEGMENT:ITEM such as panel:2"),
    "invalid-field/not-a-pdf-path": lambda a: (
        f"{quoted(a, 'value')} is not a PDF; give the path of a .pdf file, relative to the forum file"),
    "invalid-field/year-out-of-range": lambda a: (
        f"the year {number(a, 'year')} is outside {number(a, 'first')}-{number(a, 'last')}; check the date"),
    "invalid-field/not-a-people-id": lambda a: (
        f"{quoted(a, 'value')} is not a people id; use letters, digits, -, _ and . (not first), "
        f"e.g. kim-minsu or 김민수"),
    "invalid-field/end-with-offset": lambda a: (
        f"{quoted(a, 'value')} has a UTC offset; write the forum's local time, e.g. 2024-05-21 01:00"),
    "invalid-field/not-an-end-time": lambda a: (
        f"{quoted(a, 'value')} is not a time of day; write it as HH:MM, e.g. 16:00, or with its date "
        f"past midnight, e.g. 2024-05-21 01:00"),
    "invalid-field/end-too-late": lambda a: (
        f"end {text(a, 'end')} is more than a week after the start; a forum lasts at most a week"),
    "invalid-field/revision-out-of-range": lambda a: (
        f"{number(a, 'value')} is outside 0-{number(a, 'limit')}, the calendar's SEQUENCE range; "
        f"count published changes 0, 1, 2, ... (not a date)"),
    "invalid-field/duration-too-long": lambda a: (
        f"{quoted(a, 'value')} is longer than a week ({number(a, 'limit')} minutes), the most any duration "
        f"may be; check the number"),
    "invalid-field/date-and-time": lambda a: (
        f"{quoted(a, 'value')} is a date and time; write the date alone, e.g. 2023-12-13"),
    "invalid-field/not-a-date": lambda a: f"{quoted(a, 'value')} is not a date; write it as YYYY-MM-DD, e.g. 2023-12-13",
    "invalid-field/not-a-person": lambda a: (
        f"{quoted(a, 'value')} is not a person; give a people id or {{name: ..., affiliation: ...}}"),
    "invalid-field/max-below-min": lambda a: f"max ({number(a, 'max')}m) is less than min ({number(a, 'min')}m)",
    "invalid-field/no-end": lambda a: "the window needs an end: give end (HH:MM) or duration (e.g. 120m)",
    "invalid-field/end-and-duration": lambda a: "give end or duration, not both",
    "invalid-field/no-length": lambda a: (
        f"the {text(a, 'kind')} segment has no length: give duration, each, until, or items with durations"),
    "invalid-field/section-without-title": lambda a: "a section is a heading: give it a title, e.g. title: 제1부",
    "invalid-field/section-takes-nothing": lambda a: (
        f"a section is a heading and takes no time and no people; remove {text(a, 'keys')}, "
        f"or give the segment another kind"),
    "invalid-field/day-keys": lambda a: (
        f"{text(a, 'keys')} belong to a day heading (kind: day); a segment's times are at, until and duration"),
    "invalid-field/day-takes-nothing": lambda a: (
        f"a day heading starts a day: it takes a date, start and end (or duration), not {text(a, 'keys')}"),
    "invalid-field/tracks-outside-parallel": lambda a: (
        f"tracks belong to a block of kind: parallel, not to a {text(a, 'kind')} segment"),
    "invalid-field/parallel-without-tracks": lambda a: (
        "a parallel block needs tracks: [{room: ..., program: [...]}, ...], one per room"),
    "invalid-field/parallel-takes-tracks": lambda a: (
        f"a parallel block's people and rooms are its tracks'; move {text(a, 'keys')} into a track "
        f"(a fixed duration is fine)"),
    "invalid-field/nested-in-track": lambda a: (
        f"a track's program holds segments, not a {text(a, 'kind')}; put it in the main program"),
    "invalid-field/each-without-speakers": lambda a: "each is minutes per speaker, but the segment has no speakers",
    "invalid-field/each-and-flexible": lambda a: "each fixes the length; drop it or give a fixed duration",
    "invalid-field/overdetermined": lambda a: "at, until and duration all fix the length; give two of them",
    "invalid-field/not-a-time-range": lambda a: (
        f"{quoted(a, 'value')} is not a time or a range of times; write a start, 14:00, or a slot, 12:00~13:00"),
    "invalid-field/range-and-until": lambda a: (
        f"at {text(a, 'range')} already gives the end; drop until, or give at the start alone"),
    "invalid-field/range-and-flexible": lambda a: (
        f"at {text(a, 'range')} fixes the length at {number(a, 'span')} minutes, so it cannot be flexible; "
        f"drop duration"),
    "invalid-field/range-mismatch": lambda a: (
        f"at {text(a, 'range')} is {number(a, 'span')} minutes, but duration is {number(a, 'minutes')}; "
        f"fix one, or drop duration"),
    "invalid-field/unknown-code": lambda a: (
        f"{quoted(a, 'value')} is not a check code; the codes are: {', '.join(names(a, 'choices'))}"),
    "invalid-field/not-a-duration": lambda a: (
        f"{quoted(a, 'value')} is not a duration; write minutes as 15m, 1h30m, 30 min, 90, PT15M or 30분"),
    "invalid-field/duration-seconds": lambda a: f"{quoted(a, 'value')} has seconds; durations are whole minutes",
    "invalid-field/not-a-time": lambda a: f"{quoted(a, 'value')} is not a time of day; write it as HH:MM, e.g. 14:00",
    "invalid-field/unknown-zone": _unknown_zone,
}


def skipped(path: str) -> str:
    return f"{path}: skipped, not a forum file (no `forum` key)"


def nothing_written() -> str:
    return "nothing written: fix the errors above, or use --force to export anyway"


def uids_clash() -> str:
    return "nothing written (not even with --force): two events would share a UID, and a calendar would drop one"


def not_in_calendar(file: str, title: str) -> str:
    return f"{file}: {title} has no start and is not in the calendar; give it `at:` or a `duration`"


def left_out_of_schedule(cancelled: int, without_start: int, too_long: int) -> str:
    parts = [f"{cancelled} cancelled segment{'s' if cancelled != 1 else ''}" if cancelled else "",
             f"{without_start} segment{'s' if without_start != 1 else ''} without a start (registration)"
             if without_start else "",
             f"{too_long} segment{'s' if too_long != 1 else ''} longer than 99:59" if too_long else ""]
    return "left out of the schedule: " + ", ".join(p for p in parts if p)


_LEFT_BEHIND_EN = {"links": "links", "attachments": "attachments", "recording": "recording settings",
                   "language": "per-session languages", "url": "session pages (url)", "description": "descriptions",
                   "subtitle": "subtitles", "logo": "logos"}


def import_zone(file: str, said: str | None, offsets: tuple[str, ...], chosen: str) -> str:
    written = " and ".join(offsets)
    told = f"time_zone_name says {said}" if said else "there is no time_zone_name"
    return (f"{file}: {told}, but the sessions' times carry {written}; the forum file uses {chosen}, "
            "which gives every session the same instant")


def import_left_behind(file: str, counts: tuple[tuple[str, int], ...]) -> str:
    whole = {"longer-than-a-week": "longer than a week", "no-length": "of no length"}
    listed = ", ".join(f"{count} session{'s' if count != 1 else ''} {whole[what]}" if what in whole else
                       f"{_LEFT_BEHIND_EN.get(what, what)} of {count} session{'s' if count != 1 else ''}"
                       for what, count in counts)
    return f"{file}: not carried over (a forum file has no place for them): {listed}"


def summary(files: int, errors: int, warnings: int, unreadable: int) -> str:
    text_ = (f"{files} file{'s' if files != 1 else ''}: {errors} error{'s' if errors != 1 else ''}, "
             f"{warnings} warning{'s' if warnings != 1 else ''}")
    return text_ + (f", {unreadable} unreadable" if unreadable else "")


def options_refused() -> str:
    return "nothing written: fix the options above"


def nothing_written_unplanned() -> str:
    """A file gave no plan at all: --force cannot help, so it is not offered."""
    return "nothing written: fix the errors above"


def wrote(path: str) -> str:
    return f"wrote {path}"


def completion_installed(shell: str, path: str) -> str:
    return f"{shell} completion installed in {path}; it takes effect in a new terminal"


def wrote_calendars(count: int, folder: str) -> str:
    return f"wrote {count} calendar{'s' if count != 1 else ''} in {folder}"


def wrote_new_file(path: str) -> str:
    return f"wrote {path}; next: agenda plan {path}"


def wrote_notices(count: int, index: str, without_address: int) -> str:
    text_ = f"wrote {count} notice{'s' if count != 1 else ''} and {index}"
    return text_ + (f"; {without_address} without an address" if without_address else "")


def wrote_notices_and_invitations(count: int, invitations: int, index: str, without_address: int) -> str:
    text_ = (f"wrote {count} notice{'s' if count != 1 else ''}, {invitations} invitation"
             f"{'s' if invitations != 1 else ''} and {index}")
    return text_ + (f"; {without_address} without an address" if without_address else "")


def revision_not_raised(new: str, new_revision: int, old: str, old_revision: int) -> str:
    return (f"{new}: warning: forum.revision ({new_revision}) is not above {old}'s ({old_revision}); "
            f"calendars may ignore the update: raise it")


def no_notices_drafted(path: str) -> str:
    return f"no notices drafted: fix the errors in {path} first"


def notice_sent(label: str, recipient: str) -> str:
    return f"sent          {label} → {recipient}"


def notice_already_sent(label: str, recipient: str) -> str:
    return f"already sent  {label} → {recipient}"


def notice_not_sent(label: str) -> str:
    return f"not sent      {label}: no address"


UNMAILABLE = {
    "non-ascii": "has letters other than ASCII before the @, which mail carries only with SMTPUTF8, "
                 "and notices do not use it",
    "local-part": "has something before the @ that mail cannot carry (a space, a control character, "
                  "two dots in a row, brackets)",
    "domain": "has a domain that is not a host name mail can reach",
    "too-long": "is longer than mail allows (64 characters before the @, 254 in all)",
}


def unmailable(address: str, why: str) -> str:
    """Why mail cannot carry an address, as a clause that follows it: `'이상은@example.org' has …`."""
    return f"{address} {UNMAILABLE[why]}"


def notice_unmailable(label: str, address: str, why: str) -> str:
    return f"not sent      {label}: {unmailable(repr(address), why)}"


def drafted_without_address(label: str, address: str, why: str) -> str:
    return f"{label} has no To: {unmailable(repr(address), why)}; tell them yourself"


def notice_unconfirmed(label: str, recipient: str) -> str:
    return (f"unconfirmed   {label} → {recipient}: it may have arrived, so it is not sent again "
            f"(--resend-unconfirmed sends it)")


def sending_unconfirmed(label: str, recipient: str, cause: str, detail: str, sent: list[str], log: str) -> str:
    """The answer to a message handed over whole never came: the connection dropped, timed out, or the system said why."""
    why = {"disconnected": "", "timeout": " (no answer came in time)"}.get(cause, f" ({detail})" if detail else "")
    return (f"agenda: {label} → {recipient}: the connection was lost after the message was handed over{why}; "
            f"it may have arrived, so the log marks it unconfirmed and running again does not send it again "
            f"(--resend-unconfirmed does)\n"
            f"sent in this run: {', '.join(sent) or 'none'}; the log {log} lists every message "
            f"sent, and running the same command again sends only the rest")


def timeline_under_table_only(format_: str) -> str:
    return f"--timeline draws under the table only; --format {format_} has no timeline"


def sending_stopped(error: str, sent: list[str], log: str) -> str:
    return (f"agenda: {error}\nsent in this run: {', '.join(sent) or 'none'}; the log {log} lists every message "
            f"sent, and running the same command again sends only the rest")


DELIVERY_CAUSES = {
    "refused": "the server refused the connection; check the address and the port, and that the server is running",
    "timeout": "the server did not answer in time; try again later",
    "unknown-host": "no host by that name; check the server's address",
    "disconnected": "the server closed the connection unexpectedly",
    "answered": "the server said no: {detail}",
    "certificate": "the server's certificate is not trusted ({detail}); AGENDA_SMTP_CAFILE names an authority to trust",
    "system": "{detail}",
}


def delivery_cause(cause: str, detail: str) -> str:
    """Why mail did not go (agenda.notices.delivery.CAUSES); the server's answer and the system's text as they are."""
    return DELIVERY_CAUSES.get(cause, "{detail}").format(detail=detail)


def delivery_failed(where: str, cause: str, detail: str) -> str:
    return f"{where}: {delivery_cause(cause, detail)}"

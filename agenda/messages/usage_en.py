"""The command's own errors in English: one sentence per reason, from the error's typed arguments."""

from agenda.messages.usage import UsageArguments, UsageWords, names, number, quoted, text


def _listing(words: tuple[str, ...]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def _formats(a: UsageArguments) -> str:
    return _listing(names(a, "choices")) + "".join(f" ({alias} works too)" for alias in names(a, "aliases"))


def _pdf_print_failed(a: UsageArguments) -> str:
    said = names(a, "said")
    hint = ("; a snap-packaged Chromium cannot see the temporary folder: set TMPDIR to a folder in your home"
            if a.get("snap") else "")
    return (f"Chromium could not print the PDF (exit {number(a, 'status')}); nothing written"
            + (": " + " / ".join(said) if said else "") + hint)


def _unknown_zone(a: UsageArguments) -> str:
    hint = f"did you mean {quoted(a, 'suggestion')}?" if a.get("suggestion") else \
        "give an IANA name such as Asia/Seoul"
    return f"--timezone: {quoted(a, 'value')} is not a time zone; {hint}"


_MOMENT_PROBLEMS = {
    "not-a-clock": "{value} is not a time of day; write HH:MM or HH:MM:SS, e.g. 14:03",
    "not-a-time": ("{value} is not a time; write HH:MM, HH:MM:SS or an ISO 8601 date-time with offset, "
                   "e.g. 2023-12-13T14:03:00+09:00"),
    "no-offset": "{value} has no offset; add one (e.g. +09:00) or write HH:MM in the forum's zone",
    "out-of-range": "{value} is out of range; give a time of the forum's day",
}
"""Why TIME names no instant (agenda.day.times.NotAMoment's reasons)."""


def _moment(a: UsageArguments) -> str:
    return _MOMENT_PROBLEMS.get(text(a, "problem"), _MOMENT_PROBLEMS["not-a-time"]).format(value=quoted(a, "value"))


def _no_such_option(a: UsageArguments) -> str:
    """As Click says it, so that English output stays as it was."""
    suggestions = names(a, "suggestions")
    if not suggestions:
        return f"No such option: {text(a, 'option')}"
    if len(suggestions) == 1:
        return f"No such option: {text(a, 'option')} Did you mean {suggestions[0]}?"
    return f"No such option: {text(a, 'option')} (Possible options: {', '.join(suggestions)})"


USAGE: dict[str, UsageWords] = {
    # how a run ends when it does not finish
    "interrupted": lambda a: "interrupted",
    "stopped-by-signal": lambda a: f"stopped by {text(a, 'signal')}",
    "nested-too-deeply": lambda a: "the input is nested too deeply",
    "internal-error": lambda a: f"internal error ({text(a, 'error')}); please report it with the file",
    # options and arguments as Click reads them
    "try-help": lambda a: f"Try '{text(a, 'command')} --help' for help.",
    "no-such-option": _no_such_option,
    "no-such-command": lambda a: f"No such command {quoted(a, 'name')}.",
    "missing-argument": lambda a: f"Missing argument {text(a, 'name')}.",
    "missing-option": lambda a: f"Missing option {text(a, 'name')}.",
    "option-choice": lambda a: f"{text(a, 'option')}: choose {_listing(names(a, 'choices'))} (got {text(a, 'value')})",
    # files the command writes
    "output-unwritable": lambda a: f"{text(a, 'target')}: cannot be written: {text(a, 'error')}",
    "output-is-folder": lambda a: (
        f"{text(a, 'target')}: is a folder; give a file name such as {text(a, 'example')}"),
    "folder-missing": lambda a: (
        f"{text(a, 'target')}: the folder {text(a, 'folder')} does not exist; create it first"),
    "folder-unwritable": lambda a: (
        f"{text(a, 'target')}: cannot write in {text(a, 'folder')}: {text(a, 'error')}"),
    "folder-is-file": lambda a: f"{text(a, 'folder')}: is a file; give a folder (it is created if missing)",
    "folder-uncreatable": lambda a: f"{text(a, 'folder')}: cannot create the folder: {text(a, 'error')}",
    "person-file-name-too-long": lambda a: (
        f"{text(a, 'folder')}: the id {quoted(a, 'id')} is {number(a, 'size')} bytes, too long for a file name "
        f"(at most {number(a, 'limit')} before {text(a, 'suffix')}); shorten it in `people` (nothing was written)"),
    "schedule-unreadable": lambda a: f"{text(a, 'file')}: cannot be read: {text(a, 'error')}",
    "schedule-not-json-or-xml": lambda a: (
        f"{text(a, 'file')}:{number(a, 'line')}: neither JSON nor XML; give a schedule.json or schedule.xml "
        "as pretalx or frab publish it"),
    "schedule-not-a-schedule": lambda a: (
        f"{text(a, 'file')}: not a conference schedule (schedule.json needs schedule.conference.days, "
        "schedule.xml a <schedule> with <conference> and <day>s)"),
    "schedule-bad-value": lambda a: (
        f"{text(a, 'file')}: {text(a, 'where')}: {quoted(a, 'value')} is not a date and time with its offset "
        "or a duration (HH:MM); fix it in the schedule"),
    "schedule-empty": lambda a: f"{text(a, 'file')}: the schedule has no day with a session; nothing written",
    "file-exists": lambda a: (
        f"{text(a, 'file')} exists; choose another name or use --force to overwrite it"),
    "no-forum-files": lambda a: (
        f"no forum files (*.yaml, *.yml, *.json, *.toml) in {', '.join(names(a, 'paths'))}"),
    # the marks log of the day
    "marks-log-unreadable": lambda a: f"{text(a, 'path')}: cannot read the marks log: {text(a, 'error')}",
    "marks-log-unopenable": lambda a: f"{text(a, 'path')}: cannot open the marks log: {text(a, 'error')}",
    "marks-log-unwritable": lambda a: f"{text(a, 'path')}: cannot write the marks log: {text(a, 'error')}",
    "marks-log-too-big": lambda a: (
        f"{text(a, 'path')}: the marks log is over {number(a, 'limit') // 1024 // 1024} MiB; marks logs are limited "
        f"to {number(a, 'limit') // 1024 // 1024} MiB (a forum's day takes a few kilobytes). Is this the right "
        f"file? Give another with --log"),
    "marks-log-not-regular": lambda a: (
        f"{text(a, 'path')}: the marks log is not a regular file (a device, FIFO or socket); give a file with "
        f"--log, or leave --log out for FILE's .actuals.jsonl"),
    "marks-log-folder": lambda a: (
        f"{text(a, 'path')}: the marks log is a folder; give a file with --log, or leave --log out for "
        f"FILE's .actuals.jsonl"),
    "disk-full": lambda a: (
        f"{text(a, 'path')}: the disk took {number(a, 'written')} of {number(a, 'size')} bytes; check free space"),
    # options
    "output-missing": lambda a: "give -o OUT (a file, or - for stdout), or --per-person DIR",
    "per-person-one-file": lambda a: "--per-person takes one forum file",
    "calendar-only-options": lambda a: "--segments and --alarm are for calendars (.ics)",
    "unknown-format": lambda a: f"--format {quoted(a, 'value')}: choose {_formats(a)}",
    "format-not-known": lambda a: f"unknown format {quoted(a, 'value')}",
    "format-from-suffix": lambda a: (
        f"{text(a, 'output')}: cannot tell the format from {text(a, 'suffix') or 'no suffix'}; "
        f"use {_listing(names(a, 'suffixes'))}, or --format"),
    "alarm-not-a-duration": lambda a: f"--alarm {quoted(a, 'value')}: {text(a, 'detail')}; days work too, e.g. 1d",
    "alarm-not-positive": lambda a: (
        f"--alarm {quoted(a, 'value')}: give a positive time before the start, e.g. 1d or 30m"),
    "source-date-epoch": lambda a: f"SOURCE_DATE_EPOCH={quoted(a, 'value')} is not a number of seconds",
    "at-not-a-time": lambda a: f"--at: {_moment(a)}",
    "not-a-moment": _moment,
    "mark-id-invalid": lambda a: f"--id {quoted(a, 'value')}: use 1 to 64 of A-Z a-z 0-9 _ -",
    "room-not-in-file": lambda a: f"--room {quoted(a, 'room')}: the file has no such room; its rooms: {a['rooms']}",
    "needs-terminal": lambda a: "agenda run needs a terminal to read keys from; use agenda mark in scripts",
    "token-unkeepable": lambda a: f"{text(a, 'path')}: cannot keep the token there ({text(a, 'error')})",
    "cannot-listen": lambda a: (
        f"cannot listen on {text(a, 'host')}:{number(a, 'port')} ({text(a, 'error')}); "
        f"choose another --port, or stop what uses it"),
    # agenda init
    "unknown-template": lambda a: (
        f"--template {quoted(a, 'value')}: choose one of {', '.join(names(a, 'choices'))}"),
    "not-a-clock": lambda a: (
        f"{text(a, 'option')} {quoted(a, 'value')}: give a time of day as HH:MM, e.g. 14:00"),
    "not-a-date": lambda a: f"--date {quoted(a, 'value')}: give a date as YYYY-MM-DD, e.g. 2024-05-20",
    "unknown-zone": _unknown_zone,
    "template-too-short": lambda a: (
        f"nothing written: the {text(a, 'template')} template's programme needs {number(a, 'needed')} minutes, "
        f"and --start {text(a, 'start')} --end {text(a, 'end')} give {number(a, 'given')}; give a later --end "
        f"(or none) and shorten the programme in the file afterwards"),
    # printing a PDF
    "chromium-missing": lambda a: (
        "a PDF is printed by headless Chromium, which is not installed; install it (Debian/Ubuntu: apt-get "
        "install chromium; on Debian the lighter chromium-headless-shell prints faster) or set "
        "AGENDA_CHROMIUM to its path, or export .html and print that"),
    "pdf-to-terminal": lambda a: (
        "a PDF is not written to the terminal; give -o FILE.pdf, or send it on (> programme.pdf, | lp)"),
    "chromium-not-found": lambda a: (
        f"AGENDA_CHROMIUM is {text(a, 'path')}, which is not a program that can be run; set it to Chromium's "
        "path (or leave it unset to use chromium-headless-shell or chromium from PATH)"),
    "korean-font-missing": lambda a: (
        "the programme has Korean text and no Korean font is installed (fc-list :lang=ko lists none); "
        "install Noto CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk)"),
    "pdf-timeout": lambda a: f"Chromium did not print the PDF within {number(a, 'seconds')} s; nothing written",
    "browser-unstartable": lambda a: f"{text(a, 'browser')} could not be started: {text(a, 'error')}",
    "pdf-print-failed": _pdf_print_failed,
    # the papers of --document
    "document-format": lambda a: (
        f"--document {text(a, 'document')} is not made as {text(a, 'format')}; "
        f"use {_listing(names(a, 'choices'))} (the suffix of -o, or --format)"),
    "document-one-file": lambda a: f"--document {text(a, 'document')} is made for one forum file at a time",
    "material-unknown-part": lambda a: (
        f"forum.materials: {quoted(a, 'part')} names no part of the programme; "
        f"use a segment id or SEGMENT:ITEM, e.g. {', '.join(names(a, 'choices')[:6])}"),
    "material-missing": lambda a: (
        f"forum.materials: {text(a, 'part')}: {text(a, 'path')} does not exist (paths start from the forum "
        f"file's folder); nothing written"),
    "material-unreadable": lambda a: (
        f"forum.materials: {text(a, 'part')}: {text(a, 'path')} cannot be read as a PDF ({text(a, 'error')}); "
        f"nothing written"),
    # notices and mail
    "sender-not-an-address": lambda a: (
        f"--from {quoted(a, 'value')} is not an email address; write it as name@example.org "
        f"or 'Name <name@example.org>'"),
    "address-not-ascii": lambda a: (
        f"{text(a, 'whose')}: {quoted(a, 'address')} has non-ASCII letters before the @, which mail cannot "
        f"carry without SMTPUTF8; give an ASCII address"),
    "address-domain": lambda a: (
        f"{text(a, 'whose')}: {quoted(a, 'address')} has a domain that cannot be written for mail"),
    "send-without-from": lambda a: "--send needs --from ADDRESS: the address the notices come from",
    "notices-files": lambda a: (
        "notices takes OLD NEW: the version people were told about, then the changed one "
        "(or NEW --all for the first release, to everyone who takes part)"),
    "notices-all-takes-new": lambda a: "--all drafts the first release from NEW alone: give one file",
    "invite-needs-contact": lambda a: (
        f"--invite needs forum.contact.email{' in ' + text(a, 'file') if a.get('file') else ''}: invitations "
        f"name it as their organizer, and replies go to it; under forum, give contact a name and an email"),
    "resend-without-send": lambda a: "--resend-unconfirmed sends again, so it needs --send URL",
    "sent-log-unreadable": lambda a: (
        f"{text(a, 'path')}: cannot be read ({text(a, 'error')}), so what was sent before is not known; "
        f"nothing was sent"),
    "sending-in-progress": lambda a: (
        f"another `agenda notices --send` is sending the notices in {text(a, 'folder')} right now, so this run "
        f"sent and wrote nothing. When that one ends, run this command again: it sends only what is left"),
    "drafts-stale": lambda a: (
        f"{text(a, 'folder')}: {', '.join(names(a, 'stale'))} differ from what these files and options "
        f"(--from, --lang) draft now, so they are not what you read; nothing was sent. "
        f"Run again without --send, read {text(a, 'index')}, then send"),
    "smtp-address": lambda a: f"--send {quoted(a, 'value')}: write smtp://HOST:PORT or smtps://HOST:PORT",
    "smtp-login-in-address": lambda a: (
        "--send: put no user or password in the address; set AGENDA_SMTP_USER and AGENDA_SMTP_PASSWORD instead"),
    "smtp-port": lambda a: f"--send {quoted(a, 'value')}: the port is not a number",
    "smtp-half-login": lambda a: "set both AGENDA_SMTP_USER and AGENDA_SMTP_PASSWORD, or neither",
    "smtp-cafile": lambda a: (
        f"AGENDA_SMTP_CAFILE={text(a, 'path')}: cannot be read as certificates: {text(a, 'error')}"),
    "no-starttls": lambda a: (
        f"{text(a, 'host')}:{number(a, 'port')} does not offer STARTTLS, so AGENDA_SMTP_PASSWORD would travel "
        f"unencrypted; nothing was sent. Use smtps:// or a server that offers STARTTLS, or unset the "
        f"credentials for a local relay"),
    # publishing to a calendar server
    "netrc-unreadable": lambda a: (
        f"~/.netrc line {number(a, 'line')} cannot be read; fix it, or give the password in {text(a, 'variable')}"),
    "password-in-url": lambda a: (
        f"--to: do not put the password in the URL; set {text(a, 'variable')} or use ~/.netrc, "
        f"and give the user with --user"),
    "password-without-user": lambda a: "a password is set but no user: give --user NAME",
    # shell completion
    "completion-shell": lambda a: (
        f"{text(a, 'option')}: {quoted(a, 'value')} is not a shell agenda completes; "
        f"name {_listing(names(a, 'choices'))}"),
    "completion-shell-not-guessed": lambda a: (
        f"{text(a, 'option')}: cannot tell which shell this is; name it after the option: "
        f"{_listing(names(a, 'choices'))}"),
}

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


USAGE: dict[str, UsageWords] = {
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
    "at-not-a-time": lambda a: f"--at: {text(a, 'detail')}",
    "mark-id-invalid": lambda a: f"--id {quoted(a, 'value')}: use 1 to 64 of A-Z a-z 0-9 _ -",
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
        "install chromium) or set AGENDA_CHROMIUM to its path, or export .html and print that"),
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

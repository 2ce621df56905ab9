"""`agenda publish` and `agenda notices`: carry the programme to others, a CalDAV calendar and each person's inbox."""

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from agenda.cli.feedback import (
    EachFileLangOption,
    Lang,
    NewFileLangOption,
    language_asked,
    note,
    print_findings,
    reader_language,
    say,
    unplanned_status,
)
from agenda.core.errors import UsageError
from agenda.core.status import ExitStatus

if TYPE_CHECKING:
    from pathlib import Path
    from agenda.messages.catalogue_type import Catalogue

    from agenda.loading.analysis import Analysis
    from agenda.notices.delivery import Server
    from agenda.notices.drafts import Notices
    from agenda.core.planner import Plan


def publish(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="One forum file, or several (a series).")],
    to: Annotated[str, typer.Option(
        "--to", help="URL of the CalDAV calendar collection, e.g. https://host/dav/cal/")],
    user: Annotated[str | None, typer.Option("--user", help="Login name; the password comes from "
                                             "AGENDA_CALDAV_PASSWORD or ~/.netrc, never from an option.")] = None,
    segments: Annotated[bool, typer.Option("--segments", help="One more event per segment.")] = False,
    alarm: Annotated[str | None, typer.Option(
        "--alarm", metavar="TIME", help="A reminder this long before the forum, e.g. 1d, 2h.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would change and write nothing.")] = False,
    lang: EachFileLangOption = None,
) -> None:
    """Make a CalDAV calendar hold exactly these forums' events: create, update, delete what differs."""
    from agenda.loading.analysis import analyze
    from agenda.export.ics import segments_without_start
    from agenda.messages import catalogue
    from agenda.publish.caldav_client import display_url
    from agenda.publish.credentials import login_for
    from agenda.publish.publisher import PublishError
    from agenda.publish.publisher import publish as publish_plans
    from agenda.publish.words import summary_line, words_for
    from agenda.core.status import status_for_findings, worst

    if alarm:
        from agenda.cli.documents import _alarm

        reminder = _alarm(alarm)
    else:
        reminder = None
    login = login_for(to, user)
    analyses = [analyze(file, language_asked(lang)) for file in files]
    for analysis in analyses:
        print_findings(analysis.findings, reader_language(lang, analysis.language))
    plans = [a.plan for a in analyses if a.plan is not None]
    if len(plans) < len(analyses) or worst(status_for_findings(a.findings) for a in analyses):
        note(words_for(reader_language(lang, analyses[0].language)).nothing_published())
        raise typer.Exit(ExitStatus.INVALID)
    language = reader_language(lang, plans[0].language)
    words = words_for(language)
    if segments:
        from agenda.messages.labels import labels_for

        for analysis, the_plan in zip(analyses, plans):
            shown_in = reader_language(lang, the_plan.language)
            for seg in segments_without_start(the_plan):
                name = labels_for(shown_in).title(seg.title, seg.kind)
                note(catalogue(shown_in).not_in_calendar(analysis.file, name))

    def warn_outside(hrefs: list[str]) -> None:
        """One warning for every address the server named outside the calendar; the first is shown, shortened."""
        if hrefs:
            from agenda.render.inert import inert

            first = inert(hrefs[0])
            note(words.addresses_outside(len(hrefs), first if len(first) <= 120 else first[:119] + "…",
                                         display_url(to)))

    try:
        outcome = publish_plans(plans, to, login, segments=segments, dry_run=dry_run, alarm=reminder,
                                language=language_asked(lang))
    except PublishError as error:
        warn_outside(error.outcome.outside)
        for refusal in error.outcome.refused:
            note(words.refused_change(refusal.uid, refusal.error))
        note(f"agenda: {words.failure(error.error)}")
        note(words.stopped(summary_line(error.outcome.counts, language, [r.uid for r in error.outcome.refused]),
                           error.error.may_pass) if error.outcome.written else words.calendar_unchanged())
        raise typer.Exit(ExitStatus.ERROR)
    warn_outside(outcome.outside)
    if outcome.weak_etags:
        note(words.weak_etags())
    for refusal in outcome.refused:
        note(words.refused_change(refusal.uid, refusal.error))
    say(summary_line(outcome.counts, language, [r.uid for r in outcome.refused]) + "\n")
    if dry_run:
        note(words.dry_run_wrote_nothing())
    if outcome.refused:
        passing = sum(1 for r in outcome.refused if r.error.may_pass)
        for line in words.refusals(len(outcome.refused) - passing, passing):
            note(line)
        raise typer.Exit(ExitStatus.ERROR)


def _valid_plan(analysis: "Analysis", lang: Lang | None) -> "Plan":
    """The plan of a file without errors; notices are never drafted from a file with errors."""
    if not analysis.valid or analysis.plan is None:
        print_findings(analysis.findings, reader_language(lang, analysis.language))
        from agenda.messages import catalogue

        note(catalogue(reader_language(lang, analysis.language)).no_notices_drafted(analysis.file))
        raise typer.Exit(unplanned_status(analysis.findings))
    return analysis.plan


def notices(
    first: Annotated[str, typer.Argument(
        metavar="OLD", help="The version people were told about (with --all: NEW, the one to announce).",
        show_default=False)],
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="DIR", help="Folder for the drafts and index.md.")],
    second: Annotated[str | None, typer.Argument(
        metavar="NEW", help="The changed version; left out with --all.", show_default=False)] = None,
    lang: NewFileLangOption = None,
    sender: Annotated[str | None, typer.Option(
        "--from", metavar="ADDRESS", help="The From address of the notices.")] = None,
    everyone: Annotated[bool, typer.Option(
        "--all", help="The first release: everyone who takes part gets their whole part (NEW alone).")] = False,
    invite: Annotated[bool, typer.Option(
        "--invite", help="Also one calendar invitation (iTIP REQUEST or CANCEL) per part that is new, changed "
                         "or gone; needs forum.contact.email.")] = False,
    alarm: Annotated[str | None, typer.Option(
        "--alarm", metavar="TIME", help="A reminder this long before, in the calendars, e.g. 1d, 2h.")] = None,
    send: Annotated[str | None, typer.Option(
        "--send", metavar="URL",
        help="Send the drafts: smtp://HOST:PORT or smtps://HOST:PORT. Credentials come from "
             "AGENDA_SMTP_USER and AGENDA_SMTP_PASSWORD; AGENDA_SMTP_CAFILE adds a trusted CA.")] = None,
    resend_unconfirmed: Annotated[bool, typer.Option(
        "--resend-unconfirmed",
        help="With --send: send again the messages whose connection was lost after they were handed over "
             "(they may have arrived; without this option they are not sent twice).")] = False,
) -> None:
    """Draft a message, with their new calendar, to each person whose own part changed; optionally send them."""
    from agenda.cli.documents import _alarm
    from agenda.loading.analysis import analyze
    from agenda.messages import catalogue
    from agenda.notices.delivery import parse_server
    from agenda.notices.drafts import Drafting, calendar_time, draft_date, draft_notices, sender_address
    from agenda.notices.notifier import INDEX, drafts_folder, without_address, write_drafts
    from agenda.render.inert import shown

    files = [first] if second is None else [first, second]
    if everyone and len(files) != 1:
        raise UsageError("notices-all-takes-new")
    if not everyone and len(files) != 2:
        raise UsageError("notices-files")
    server = parse_server(send) if send else None
    if server is not None and not sender:
        raise UsageError("send-without-from")
    if resend_unconfirmed and server is None:
        raise UsageError("resend-without-send")
    reminder = _alarm(alarm) if alarm else None
    old, new = (None, files[0]) if everyone else (files[0], files[1])
    before = analyze(old, language_asked(lang)) if old is not None else None
    after = analyze(new, language_asked(lang))
    old_plan = _valid_plan(before, lang) if before is not None else None
    new_plan = _valid_plan(after, lang)
    language = reader_language(lang, new_plan.language)
    if invite and (new_plan.forum.contact is None or not new_plan.forum.contact.email):
        raise UsageError("invite-needs-contact", file=new)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    options = Drafting(calendar_time(new_plan, epoch, os.stat(new).st_mtime), draft_date(epoch),
                       sender_address(sender) if sender else None, reminder, invite)
    words = catalogue(language)
    drafted = draft_notices(old_plan.read_in(language) if old_plan is not None else None,
                            new_plan.read_in(language), options)
    if drafted.revision_not_raised and old is not None and old_plan is not None:
        note(words.revision_not_raised(new, new_plan.forum.revision, old, old_plan.forum.revision))
    sending = server is not None and sender is not None  # --send without --from was refused above
    with drafts_folder(output, sending=sending) as folder:
        write_drafts(drafted, folder, output, sending=sending)
        for item in drafted.drafts:
            if item.unmailable is not None and item.person.person.email:
                note(words.drafted_without_address(item.file_name, item.person.person.email,
                                                   item.unmailable.value))
        no_address = without_address(drafted)
        count = len(drafted.drafts) - drafted.invitations
        note(words.wrote_notices(count, str(folder / INDEX), len(no_address)) if not invite
             else words.wrote_notices_and_invitations(count, drafted.invitations, str(folder / INDEX),
                                                      len(no_address)))
        if server is None or sender is None:
            return
        for item in no_address:
            email = item.person.person.email
            print(shown(words.notice_unmailable(item.file_name, email, item.unmailable.value)
                        if item.unmailable is not None and email else words.notice_not_sent(item.file_name)))
        _send(drafted, folder, server, sender, words, resend_unconfirmed)


def _send(drafted: "Notices", folder: "Path", server: "Server", sender: str, words: "Catalogue",
          resend_unconfirmed: bool) -> None:
    from agenda.notices.delivery import SENT_LOG, DeliveryError, Outgoing
    from agenda.notices.notifier import send_drafts
    from agenda.render.inert import shown

    def report(event: str, message: Outgoing) -> None:
        said = {"sent": words.notice_sent, "unconfirmed": words.notice_unconfirmed}.get(
            event, words.notice_already_sent)
        print(shown(said(message.label, message.recipient)), flush=True)

    try:
        send_drafts(drafted, folder, server, sender, report, resend_unconfirmed)
    except DeliveryError as error:
        sent = [m.label for m in error.sent]
        if error.unconfirmed is not None:
            note(words.sending_unconfirmed(error.unconfirmed.label, error.unconfirmed.recipient, error.cause,
                                           error.detail, sent, str(folder / SENT_LOG)))
        else:
            note(words.sending_stopped(words.delivery_failed(error.where, error.cause, error.detail), sent,
                                       str(folder / SENT_LOG)))
        raise typer.Exit(ExitStatus.ERROR)

"""Text from the file never becomes header syntax: names and titles through drafting and `--send`, read back.

Each name of the corpus is given to one person (lee, whose talk moves) or as
the forum's title; the drafts and what aiosmtpd received are parsed by
email.parser, and must hold exactly the headers a notice has, one address in
`To:`, the name or title as the literal text, and the calendar.
"""

import base64
import json
import re
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import SMTP, compat32, default

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agenda.notices.headers import address_header, header_text, text_header
from helpers import run
from notice_forums import MOVE_TALK, versions
from test_notice_sending import FROM, servers, undated  # noqa: F401  (a fixture)

HEADERS = ["Subject", "From", "To", "Date", "Message-ID", "X-Agenda-Forum", "MIME-Version", "Content-Type"]
"""Every header of a notice, in order: nothing else may appear."""


def encoded_word(text: str, encoding: str = "b") -> str:
    data = text.encode("utf-8")
    body = base64.b64encode(data).decode() if encoding == "b" else "".join(f"={byte:02X}" for byte in data)
    return f"=?utf-8?{encoding}?{body}?="


ISSUE_NAME = encoded_word("Kim\r\nReply-To: attacker@evil.example\r\nBcc: attacker@evil.example\r\n\r\n"
                          "Your new times are at https://evil.example/")
"""The issue's reproducer: an encoded word that hides Reply-To, Bcc and a body of the attacker's."""

NAMES = {
    "issue": ISSUE_NAME,
    "ascii-encoded-word": "=?utf-8?q?Kim?=",
    "encoded-bcc": encoded_word("x\r\nBcc: e@evil.example", "q"),
    "encoded-second-address": encoded_word('"Kim" <attacker@evil.example>, Lee'),
    "encoded-nul": encoded_word("Kim\0Bcc: e@evil.example"),
    "encoded-in-korean": "이상은 " + encoded_word("님\r\nBcc: e@evil.example") + " 님",
    "fragments": "?= Kim =? =?utf-8?",
    "angle-brackets": "Kim <attacker@evil.example>",
    "comma-second-address": "Kim, attacker@evil.example",
    "quotes-second-address": 'Kim" <attacker@evil.example>, "Lee',
    "backslash-quote": 'Kim\\"; Bcc: attacker@evil.example',
    "an-address": "attacker@evil.example",
    "comment": "(Kim) Lee <attacker@evil.example>",
    "group-syntax": "undisclosed: attacker@evil.example;",
    "bidi-override": "Kim \u202eelpmaxe.live@rekcatta",
    "bidi-isolate": "\u2067이상은\u2069 <attacker@evil.example>",
}


def shown_name(data: bytes) -> str:
    """The To: display name as a mail reader shows it (RFC 2047: the space between encoded words is not text).

    Python's own parser keeps that space in a phrase of several encoded words, so such a phrase is decoded
    here by email.header, as RFC 2047 says; any other is read by the parser.
    """
    raw = BytesParser(policy=compat32).parsebytes(data)["To"]
    phrase = re.sub(r"\r?\n(?=[ \t])", "", str(raw)).rsplit(" <", 1)[0]
    if re.fullmatch(r"=\?utf-8\?[bq]\?[^?\s]*\?=(?:\s+=\?utf-8\?[bq]\?[^?\s]*\?=)*", phrase):
        return str(make_header(decode_header(phrase)))
    return str(BytesParser(policy=default).parsebytes(data)["To"].addresses[0].display_name)


def assert_a_clean_notice(data: bytes, address: str, name: str, subject: str | None = None) -> None:
    message = BytesParser(policy=default).parsebytes(data)
    assert list(message.keys()) == HEADERS
    assert [a.addr_spec for a in message["To"].addresses] == [address]
    assert shown_name(data) == name
    if subject is not None:
        assert str(message["Subject"]) == subject
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/mixed", "text/plain", "text/calendar"]


def named(tmp_path, name: str):
    return versions(tmp_path, MOVE_TALK, ("{name: 이상은,", "{name: %s," % json.dumps(name)))


@pytest.mark.parametrize("case", sorted(NAMES))
def test_a_name_is_text_in_the_drafted_to_header_never_header_syntax(tmp_path, case):
    old, new = named(tmp_path, NAMES[case])
    run("notices", old, new, "-o", tmp_path / "out", "--from", FROM)
    assert_a_clean_notice((tmp_path / "out" / "lee.eml").read_bytes(), "lee.se@example.org", NAMES[case])


def test_encoded_word_in_name_adds_no_header(tmp_path):
    """The issue's reproducer: no Reply-To, no Bcc, the attacker's text not the body, the calendar kept."""
    old, new = named(tmp_path, ISSUE_NAME)
    run("notices", old, new, "-o", tmp_path / "out", "--from", FROM, "--lang", "en")
    data = (tmp_path / "out" / "lee.eml").read_bytes()
    message = BytesParser(policy=default).parsebytes(data)
    assert "Reply-To" not in message and "Bcc" not in message
    assert message.get_body(("plain",)).get_content().startswith(f"Dear {ISSUE_NAME},")
    assert len(list(message.iter_attachments())) == 1
    assert max(len(line) for line in data.split(b"\r\n")) <= 78


@pytest.mark.parametrize("case", ["issue", "encoded-bcc", "comma-second-address", "quotes-second-address"])
def test_a_title_is_text_in_the_subject_never_header_syntax(tmp_path, case):
    title = NAMES[case]
    old, new = versions(tmp_path, MOVE_TALK, ("  title: 모두의 AI 토론회\n", f"  title: {json.dumps(title)}\n"))
    run("notices", old, new, "-o", tmp_path / "out", "--from", FROM, "--lang", "en")
    assert_a_clean_notice((tmp_path / "out" / "lee.eml").read_bytes(), "lee.se@example.org", "이상은",
                          subject=f"[Programme change] {title}")


def test_encoded_words_in_the_from_option_stay_text(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    sender = encoded_word("x\r\nBcc: e@evil.example") + " <o@example.org>"
    run("notices", old, new, "-o", tmp_path / "out", "--from", sender)
    message = BytesParser(policy=default).parsebytes((tmp_path / "out" / "lee.eml").read_bytes())
    assert list(message.keys()) == HEADERS
    assert [a.addr_spec for a in message["From"].addresses] == ["o@example.org"]


@pytest.mark.parametrize("name", ["Kim\r\nBcc: attacker@evil.example", "Kim\nBcc: a@evil.example",
                                  "Kim\0Bcc: a@evil.example", "Kim\x85Bcc: a@evil.example",
                                  "Kim\u2028Bcc: a@evil.example", "Kim\x1b[2J"])
def test_a_name_with_a_control_character_drafts_nothing(tmp_path, name):
    old, new = named(tmp_path, name)
    result = run("notices", old, new, "-o", tmp_path / "out", "--from", FROM, "--lang", "en", exit_status=1)
    assert "invalid-field" in result.stderr and not (tmp_path / "out").exists()


CONTROLS = ["Kim\r\nBcc: attacker@evil.example", "Kim\r\n\r\nbody", "Kim\0Bcc: a@evil.example",
            "Kim\x0bBcc: a@evil.example", "Kim\x1cBcc: a@evil.example", "Kim\x85Bcc: a@evil.example",
            "Kim\u2028Bcc: a@evil.example", "Kim\u2029Bcc: a@evil.example", "Kim\x7f\x9b2J\t"]


@pytest.mark.parametrize("name", CONTROLS)
def test_a_control_character_that_reached_the_mail_layer_makes_no_header_line(name):
    """Whatever the model lets through, the headers are built safe: each control shows as U+FFFD."""
    for text in (name, f"{encoded_word('x')} {name}"):
        message = EmailMessage(policy=SMTP)
        message["Subject"] = text_header("Subject", text)
        message["To"] = address_header("To", text, "lee.se", "example.org")
        message.set_content("body")
        data = message.as_bytes()
        parsed = BytesParser(policy=default).parsebytes(data)
        assert list(parsed.keys()) == ["Subject", "To", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"]
        assert [a.addr_spec for a in parsed["To"].addresses] == ["lee.se@example.org"]
        assert shown_name(data) == header_text(text) and "\ufffd" in header_text(text)
        assert parsed.get_content().rstrip() == "body"


@pytest.mark.parametrize("case", sorted(NAMES))
def test_a_sent_notice_arrives_with_the_name_as_text_to_one_address(tmp_path, servers, case):  # noqa: F811
    server = servers(tmp_path / "smtp")
    old, new = named(tmp_path, NAMES[case])
    run("notices", old, new, "-o", tmp_path / "out", "--from", FROM, "--send", server.url)
    received = {envelope["to"][0]: (data, envelope) for data, envelope in server.received()}
    assert all(len(envelope["to"]) == 1 for _, envelope in received.values())
    data, _ = received["lee.se@example.org"]
    assert undated(data) == undated((tmp_path / "out" / "lee.eml").read_bytes())
    assert_a_clean_notice(data, "lee.se@example.org", NAMES[case])
    assert not any("evil" in address for address in received)


PIECES = st.sampled_from(["=?", "?=", "utf-8", "?b?", "?q?", "\r\n", "\n", "\0", "Bcc: a@evil.example", "<", ">", ",",
                          '"', "\\", ":", ";", "(", ")", "@", " ", "\u202e", "이상은", "\u2028", "\x85", "\t"])
NAMES_AT_ALL = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(name=NAMES_AT_ALL, subject=NAMES_AT_ALL)
def test_any_text_in_to_and_subject_reads_back_as_that_text_and_one_address(name, subject):
    """Whatever a name or title holds, the headers are exactly these, To has one address, and each field
    reads back as its text (controls shown as U+FFFD)."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = text_header("Subject", subject)
    message["To"] = address_header("To", name, "lee.se", "example.org")
    message.set_content("body")
    data = message.as_bytes()
    parsed = BytesParser(policy=default).parsebytes(data)
    assert list(parsed.keys()) == ["Subject", "To", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"]
    assert [a.addr_spec for a in parsed["To"].addresses] == ["lee.se@example.org"]
    if "=?" in header_text(name):  # encoded whole by us: exactly the text
        assert shown_name(data).strip() == header_text(name).strip()
    elif len(name.encode()) < 20:  # folded by the email package, which collapses runs of spaces between words
        assert shown_name(data).split() == header_text(name).split()
    if "=?" in header_text(subject):  # encoded whole by us: exactly the text
        assert str(parsed["Subject"]).strip() == header_text(subject).strip()
    else:  # the email package may drop a space between two encoded words it folds (RFC 2047 ignores it)
        assert "".join(str(parsed["Subject"]).split()) == "".join(header_text(subject).split())
    assert parsed.get_content().rstrip() == "body"

"""Which addresses SMTP can carry without SMTPUTF8 (RFC 5321), and why not the others."""

import pytest

from agenda.core.mail_addresses import AddressProblem, MailAddress, mail_address
from helpers import run, write


@pytest.mark.parametrize(("address", "problem"), [
    ("이상은@example.org", AddressProblem.NON_ASCII),
    ("müller@example.org", AddressProblem.NON_ASCII),
    ("lee..se@example.org", AddressProblem.LOCAL_PART),
    (".lee@example.org", AddressProblem.LOCAL_PART),
    ("lee(x)@example.org", AddressProblem.LOCAL_PART),
    ("lee\0@example.org", AddressProblem.LOCAL_PART),
    ("lee@exa_mple.org", AddressProblem.DOMAIN),
    ("lee@example.org.", AddressProblem.DOMAIN),
    ("lee@-example.org", AddressProblem.DOMAIN),
    ("lee@localhost", AddressProblem.DOMAIN),
    ("lee@" + "a" * 64 + ".org", AddressProblem.DOMAIN),
    ("l" * 65 + "@example.org", AddressProblem.TOO_LONG),
    ("lee@" + ".".join(["a" * 60] * 5) + ".org", AddressProblem.TOO_LONG),
])
def test_an_address_smtp_cannot_carry_says_why(address, problem):
    assert mail_address(address) is problem


@pytest.mark.parametrize(("address", "written"), [
    ("lee.se@example.org", "lee.se@example.org"),
    ("o'brien+notices@example.org", "o'brien+notices@example.org"),
    ("lee@예시.한국", "lee@xn--vv4b11d.xn--3e0b707e"),
    ("l" * 64 + "@example.org", "l" * 64 + "@example.org"),
])
def test_an_address_smtp_can_carry_is_written_for_it(address, written):
    found = mail_address(address)
    assert isinstance(found, MailAddress) and found.addr_spec == written


FORUM = """\
forum:
  id: t
  title: T
  date: 2024-05-02
  start: "10:00"
  end: "11:00"
  timezone: Asia/Seoul
  language: ko
people:
  lee: {name: 이상은, email: 이상은@example.org}
program:
  - kind: opening
    duration: 20m
    speaker: lee
  - kind: qa
    duration: 40m
    moderator: {name: 박, email: park@exa_mple.org}
"""


def test_validate_says_which_addresses_mail_cannot_take_as_warnings(tmp_path):
    file = write(tmp_path, FORUM)
    result = run("validate", file, "--lang", "en")
    assert result.stdout.splitlines()[:2] == [
        f"{file}:10:27: warning[unmailable-address] 이상은: '이상은@example.org' has letters other than ASCII before "
        f"the @, which mail carries only with SMTPUTF8, and notices do not use it; `agenda notices` drafts their "
        f"notice without a To: header; give an address mail can carry",
        f"{file}:17:33: warning[unmailable-address] 박: 'park@exa_mple.org' has a domain that is not a host name "
        f"mail can reach; `agenda notices` drafts their notice without a To: header; give an address mail can carry"]


def test_validate_is_quiet_about_addresses_mail_can_take(tmp_path):
    file = write(tmp_path, FORUM.replace("이상은@example.org", "lee@예시.한국").replace("exa_mple", "example"))
    assert "unmailable-address" not in run("validate", file, "--lang", "en").stdout

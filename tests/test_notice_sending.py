"""`agenda notices --send` against a real SMTP server (aiosmtpd) on 127.0.0.1, started and stopped here."""

import datetime
import ipaddress
import json
import os
import socket
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from helpers import run
from notice_forums import MOVE_TALK, versions

SERVER = Path(__file__).parent / "smtp_server.py"
FROM = "토론회 사무국 <office@example.org>"
ADDRESSED = {"koo.eml": "koo@example.org", "lee.eml": "lee.se@example.org",
             "kwon.eml": "kwon@example.org", "yang.eml": "yang@example.org"}
"""In the order they are sent: the order people first appear in the programme."""


def undated(data: bytes) -> bytes:
    """The message with its Date line left out: sending replaces the draft's Date with the time it is sent."""
    head, gap, rest = data.partition(b"\r\n\r\n")
    return b"\r\n".join(line for line in head.split(b"\r\n") if not line.startswith(b"Date: ")) + gap + rest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Smtp:
    """aiosmtpd in its own process; it saves what it accepts in `folder`."""

    def __init__(self, folder: Path, *options: str):
        self.folder = folder
        self.port = free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, str(SERVER), str(self.port), str(folder), *options])
        deadline = time.monotonic() + 10
        while not (folder / "ready").exists():
            assert self.process.poll() is None, "the SMTP server exited while starting"
            assert time.monotonic() < deadline, "the SMTP server did not start within 10 s"
            time.sleep(0.05)

    def received(self) -> list[tuple[bytes, dict]]:
        return [(path.read_bytes(), json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
                for path in sorted(self.folder.glob("*.eml"))]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def servers():
    started = []

    def start(folder: Path, *options: str) -> Smtp:
        server = Smtp(folder, *options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def drafts(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    return old, new, tmp_path / "notices"


def send(drafts, server: Smtp, *options: str, exit_status: int = 0, env=None):
    old, new, folder = drafts
    return run("notices", old, new, "-o", folder, "--from", FROM, "--send", server.url, *options,
               exit_status=exit_status, env=env)


def test_the_drafts_arrive_intact_once_each(tmp_path, drafts, servers):
    server = servers(tmp_path / "smtp")
    result = send(drafts, server)
    folder = drafts[2]
    assert result.stdout.splitlines() == ["보내지 않음   cho.eml: 주소 없음"] + [
        f"보냄          {name} → {address}" for name, address in ADDRESSED.items()]
    received = server.received()
    assert [envelope for _, envelope in received] == [
        {"from": "office@example.org", "to": [address]} for address in ADDRESSED.values()]
    assert [undated(data) for data, _ in received] == [undated((folder / name).read_bytes()) for name in ADDRESSED]
    message = message_from_bytes(received[2][0], policy=policy.default)
    assert message["Subject"] == "[일정 변경] 모두의 AI 토론회"
    log = (folder / "sent.log").read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in log] == [
        message_from_bytes(data, policy=policy.default)["Message-ID"] for data, _ in received]

    again = send(drafts, server)
    assert again.stdout.splitlines() == ["보내지 않음   cho.eml: 주소 없음"] + [
        f"이미 보냄     {name} → {address}" for name, address in ADDRESSED.items()]
    assert len(server.received()) == 4


def test_the_sending_lines_follow_lang(tmp_path, drafts, servers):
    old, new, folder = drafts
    server = servers(tmp_path / "smtp")
    result = run("notices", old, new, "-o", folder, "--from", FROM, "--send", server.url, "--lang", "en")
    assert result.stdout.splitlines() == ["not sent      cho.eml: no address"] + [
        f"sent          {name} → {address}" for name, address in ADDRESSED.items()]
    again = run("notices", old, new, "-o", folder, "--from", FROM, "--send", server.url, "--lang", "en")
    assert again.stdout.splitlines() == ["not sent      cho.eml: no address"] + [
        f"already sent  {name} → {address}" for name, address in ADDRESSED.items()]


def test_a_server_that_dies_halfway_leaves_a_log_and_the_second_run_sends_only_the_rest(tmp_path, drafts, servers):
    """It dies at the third RCPT, before any data: that message cannot have arrived, and is sent on the rerun."""
    dying = servers(tmp_path / "dying", "--die-at-rcpt", "3")
    result = send(drafts, dying, exit_status=2)
    assert "\n이번에 보낸 알림: koo.eml, lee.eml. 보낸 알림은 모두 " in result.stderr
    assert "같은 명령을 다시 실행하면 나머지만 보냅니다" in result.stderr and "확인 안 됨" not in result.stderr
    assert len(dying.received()) == 2
    assert len((drafts[2] / "sent.log").read_text(encoding="utf-8").splitlines()) == 2

    healthy = servers(tmp_path / "healthy")
    again = send(drafts, healthy)
    assert "이미 보냄     koo.eml → koo@example.org" in again.stdout
    assert "보냄          kwon.eml → kwon@example.org" in again.stdout
    everything = [data for data, _ in dying.received() + healthy.received()]
    assert len(everything) == len(set(everything)) == 4
    assert sorted(map(undated, everything)) == sorted(undated((drafts[2] / name).read_bytes()) for name in ADDRESSED)


def test_a_message_stored_then_the_connection_lost_is_not_sent_again(tmp_path, drafts, servers):
    """The server keeps kwon's message and drops the connection before it answers: it may have arrived."""
    dropping = servers(tmp_path / "dropping", "--store-then-drop", "3")
    result = send(drafts, dropping, "--lang", "en", exit_status=2)
    assert ("agenda: kwon.eml → kwon@example.org: the connection was lost after the message was handed over"
            "; it may have arrived, so the log marks it unconfirmed and running "
            "again does not send it again (--resend-unconfirmed does)\nsent in this run: koo.eml, lee.eml; ") in result.stderr
    assert [envelope["to"] for _, envelope in dropping.received()] == [["koo@example.org"], ["lee.se@example.org"],
                                                                        ["kwon@example.org"]]

    healthy = servers(tmp_path / "healthy")
    again = send(drafts, healthy, "--lang", "en")
    assert again.stdout.splitlines() == [
        "not sent      cho.eml: no address",
        "already sent  koo.eml → koo@example.org",
        "already sent  lee.eml → lee.se@example.org",
        "unconfirmed   kwon.eml → kwon@example.org: it may have arrived, so it is not sent again "
        "(--resend-unconfirmed sends it)",
        "sent          yang.eml → yang@example.org"]
    assert [envelope["to"] for _, envelope in healthy.received()] == [["yang@example.org"]]
    resent = send(drafts, healthy, "--resend-unconfirmed", "--lang", "en")
    assert "sent          kwon.eml → kwon@example.org" in resent.stdout
    assert [envelope["to"] for _, envelope in healthy.received()] == [["yang@example.org"], ["kwon@example.org"]]
    last = send(drafts, healthy, "--resend-unconfirmed", "--lang", "en")
    assert "already sent  kwon.eml → kwon@example.org" in last.stdout and len(healthy.received()) == 2


def test_the_unconfirmed_message_is_told_in_korean(tmp_path, drafts, servers):
    result = send(drafts, servers(tmp_path / "dropping", "--store-then-drop", "1"), exit_status=2)
    assert ("agenda: koo.eml → koo@example.org: 메일 내용을 넘긴 뒤 연결이 끊겼습니다. "
            "이미 도착했을 수 있어 기록에 '확인 안 됨'으로 남겼고, 다시 실행해도 보내지 않습니다"
            "(--resend-unconfirmed를 주면 보냅니다)\n이번에 보낸 알림: 없음. ") in result.stderr
    again = send(drafts, servers(tmp_path / "healthy"))
    assert again.stdout.splitlines()[1] == (
        "확인 안 됨    koo.eml → koo@example.org: 이미 도착했을 수 있어 다시 보내지 않음 (--resend-unconfirmed를 주면 보냄)")


def test_a_sent_log_that_cannot_be_read_sends_nothing(tmp_path, drafts, servers):
    server = servers(tmp_path / "smtp")
    (drafts[2] / "sent.log").mkdir(parents=True)
    result = send(drafts, server, "--lang", "en", exit_status=2)
    assert f"{drafts[2] / 'sent.log'}: cannot be read (Is a directory), so what was sent before is not known; " \
           f"nothing was sent" in result.stderr
    assert server.received() == []


def test_a_person_mail_cannot_carry_is_not_sent_and_everyone_else_is(tmp_path, servers):
    old, new = versions(tmp_path, MOVE_TALK, ("lee.se@example.org", "이상은@example.org"))
    server = servers(tmp_path / "smtp")
    result = run("notices", old, new, "-o", tmp_path / "out", "--from", FROM, "--send", server.url)
    assert result.stdout.splitlines()[:2] == [
        "보내지 않음   lee.eml: '이상은@example.org'의 @ 앞에 ASCII가 아닌 글자가 있어, SMTPUTF8을 쓰지 않는 알림 메일로는 "
        "보낼 수 없습니다",
        "보내지 않음   cho.eml: 주소 없음"]
    assert [envelope["to"] for _, envelope in server.received()] == [
        [address] for name, address in ADDRESSED.items() if name != "lee.eml"]


def test_resend_unconfirmed_needs_send(tmp_path, drafts):
    old, new, folder = drafts
    result = run("notices", old, new, "-o", folder, "--resend-unconfirmed", "--lang", "en", exit_status=2)
    assert "--resend-unconfirmed sends again, so it needs --send URL" in result.stderr and not folder.exists()


def agenda_process(drafts, server: Smtp, lang: str = "en") -> subprocess.Popen:
    old, new, folder = drafts
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "agenda", "notices", str(old), str(new), "-o", str(folder),
                             "--from", FROM, "--send", server.url, "--lang", lang],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_send_while_the_first_is_sending_is_refused_and_nobody_gets_two(tmp_path, drafts, servers):
    """Two real processes: the server holds the first run's first message until the second has finished."""
    gate = tmp_path / "gate"
    server = servers(tmp_path / "smtp", "--hold-until", str(gate))
    first = agenda_process(drafts, server)
    deadline = time.monotonic() + 60
    while not (server.folder / "holding").exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the first run did not reach the server"
        time.sleep(0.05)
    second = agenda_process(drafts, server)
    out, err = second.communicate(timeout=60)
    gate.touch()
    first_out, first_err = first.communicate(timeout=60)
    assert first.returncode == 0, first_err
    assert second.returncode == 2 and out == ""
    assert err == (f"agenda: another `agenda notices --send` is sending the notices in {drafts[2]} right now, so "
                   f"this run sent and wrote nothing. When that one ends, run this command again: it sends only "
                   f"what is left\n")
    assert sorted(envelope["to"][0] for _, envelope in server.received()) == sorted(ADDRESSED.values())


def test_two_sends_started_at_once_mail_nobody_twice(tmp_path, drafts, servers):
    """Started together; the server holds the first message to arrive until one run has ended (or 30 s
    passed, which without a lock never happens, and then both send everything)."""
    gate = tmp_path / "gate"
    server = servers(tmp_path / "smtp", "--hold-until", str(gate))
    runs = [agenda_process(drafts, server), agenda_process(drafts, server)]
    deadline = time.monotonic() + 30
    while all(process.poll() is None for process in runs) and time.monotonic() < deadline:
        time.sleep(0.05)
    gate.touch()
    results = [(process.communicate(timeout=120), process.returncode) for process in runs]
    assert sorted(status for _, status in results) == [0, 2], results
    assert sorted(envelope["to"][0] for _, envelope in server.received()) == sorted(ADDRESSED.values())


def test_an_unreachable_server_exits_2_and_says_nothing_was_sent(drafts):
    old, new, folder = drafts
    result = run("notices", old, new, "-o", folder, "--from", FROM, "--send", f"smtp://127.0.0.1:{free_port()}",
                 exit_status=2)
    assert "서버가 연결을 거절했습니다" in result.stderr and "이번에 보낸 알림: 없음." in result.stderr
    elsewhere = folder.with_name("english")
    english = run("notices", old, new, "-o", elsewhere, "--from", FROM, "--send", f"smtp://127.0.0.1:{free_port()}",
                  "--lang", "en", exit_status=2).stderr
    assert "the server refused the connection; check the address and the port" in english
    assert english.endswith(f"\nsent in this run: none; the log {elsewhere / 'sent.log'} lists every message sent, "
                            f"and running the same command again sends only the rest\n")
    assert not (folder / "sent.log").exists()


def test_a_password_is_never_sent_without_encryption(tmp_path, drafts, servers):
    server = servers(tmp_path / "smtp")
    result = send(drafts, server, "--lang", "en", exit_status=2,
                  env={"AGENDA_SMTP_USER": "office", "AGENDA_SMTP_PASSWORD": "secret"})
    assert "does not offer STARTTLS, so AGENDA_SMTP_PASSWORD would travel unencrypted" in result.stderr
    assert server.received() == []


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that only this test trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "agenda test relay")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert, key_file = folder / "cert.pem", folder / "key.pem"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert, key_file


@pytest.fixture
def tls_server(tmp_path, servers):
    cert, key = self_signed(tmp_path / "tls")
    server = servers(tmp_path / "smtp", "--tls", str(cert), str(key), "--user", "office", "--password", "secret")
    return server, cert


def test_login_over_starttls_with_a_trusted_certificate(drafts, tls_server):
    server, cert = tls_server
    result = send(drafts, server, env={"AGENDA_SMTP_USER": "office", "AGENDA_SMTP_PASSWORD": "secret",
                                       "AGENDA_SMTP_CAFILE": str(cert)})
    assert result.stdout.count("보냄          ") == 4
    assert [undated(data) for data, _ in server.received()] == [
        undated((drafts[2] / name).read_bytes()) for name in ADDRESSED]


def test_a_refused_login_exits_2_with_the_servers_answer(drafts, tls_server):
    server, cert = tls_server
    result = send(drafts, server, exit_status=2,
                  env={"AGENDA_SMTP_USER": "office", "AGENDA_SMTP_PASSWORD": "wrong", "AGENDA_SMTP_CAFILE": str(cert)})
    assert "535" in result.stderr and "이번에 보낸 알림: 없음." in result.stderr
    assert server.received() == []


def test_an_untrusted_certificate_is_refused(drafts, tls_server):
    server, _ = tls_server
    result = send(drafts, server, exit_status=2, env={"AGENDA_SMTP_USER": "office", "AGENDA_SMTP_PASSWORD": "secret"})
    assert "서버의 인증서를 믿을 수 없습니다" in result.stderr and "AGENDA_SMTP_CAFILE" in result.stderr
    assert server.received() == []


def test_drafts_changed_since_they_were_read_are_not_sent(tmp_path, drafts, servers):
    old, new, folder = drafts
    run("notices", old, new, "-o", folder, "--from", FROM, "--lang", "en")
    (folder / "lee.eml").write_bytes((folder / "lee.eml").read_bytes().replace(b"office@", b"other@"))
    server = servers(tmp_path / "smtp")
    result = send(drafts, server, "--lang", "en", exit_status=2)
    assert "lee.eml differ from what these files and options (--from, --lang) draft now" in result.stderr
    assert server.received() == []


def test_smtps_speaks_tls_from_the_start(tmp_path, drafts, servers):
    cert, key = self_signed(tmp_path / "tls")
    server = servers(tmp_path / "smtp", "--tls", str(cert), str(key), "--implicit-tls",
                     "--user", "office", "--password", "secret")
    old, new, folder = drafts
    result = run("notices", old, new, "-o", folder, "--from", FROM, "--send", f"smtps://127.0.0.1:{server.port}",
                 env={"AGENDA_SMTP_USER": "office", "AGENDA_SMTP_PASSWORD": "secret", "AGENDA_SMTP_CAFILE": str(cert)})
    assert result.stdout.count("보냄          ") == 4 and len(server.received()) == 4


def test_an_unreadable_file_exits_2(tmp_path, drafts):
    old, _, folder = drafts
    result = run("notices", old, tmp_path / "missing.yaml", "-o", folder, exit_status=2)
    assert "missing.yaml" in result.stderr and not folder.exists()

"""Every word `agenda publish` says, one table per language, chosen at the edge.

The client and the publisher raise reasons with typed arguments (DavError:
a Failure, the request, the status, the server's own message); the command
line words them here in the reader's language. URLs, UIDs, HTTP status lines,
option names and the server's own message stay as they are in every
language: they are names and quotations, not sentences. The server's message
is quoted as it came; `note` shows it inert.
"""

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Mapping, Sequence

from agenda.publish.caldav_client import DavError, Failure, Network
from agenda.publish.sync import Kind


class PublishWords(ABC):
    """One language's table: every sentence is written out in each language, none is inherited."""

    SUMMARY: Mapping[Kind, str]
    REFUSED: str
    NETWORK: Mapping[Network, str]

    def refused_change(self, uid: str, error: DavError) -> str:
        return f"agenda: {uid}: {self.failure(error)}"

    @abstractmethod
    def advice(self, method: str, status: int) -> str: ...

    @abstractmethod
    def failure(self, error: DavError) -> str: ...

    @abstractmethod
    def refusals(self, final: int, passing: int) -> list[str]: ...

    @abstractmethod
    def stopped(self, done: str, may_pass: bool) -> str: ...

    @abstractmethod
    def calendar_unchanged(self) -> str: ...

    @abstractmethod
    def weak_etags(self) -> str: ...

    @abstractmethod
    def dry_run_wrote_nothing(self) -> str: ...

    @abstractmethod
    def nothing_published(self) -> str: ...

    @abstractmethod
    def addresses_outside(self, count: int, first: str, collection: str) -> str: ...


class English(PublishWords):
    SUMMARY = {Kind.CREATE: "created", Kind.UPDATE: "updated", Kind.UNCHANGED: "unchanged", Kind.DELETE: "deleted"}
    REFUSED = "refused"
    NETWORK = {Network.REFUSED: "connection refused", Network.NO_SUCH_HOST: "no such host",
               Network.CERTIFICATE: "its certificate is not trusted", Network.RESET: "connection lost"}

    def advice(self, method: str, status: int) -> str:
        if status == 401:
            return ("the server refused the login; check --user and the password "
                    "in AGENDA_CALDAV_PASSWORD or ~/.netrc")
        if status == 403:
            return "this login may not do that here; check the user's rights on the calendar, or the URL"
        if status == 404 and method == "REPORT":
            return "there is no calendar at this address; check the URL, or create the calendar on the server first"
        if status in (405, 501) and method == "REPORT":
            return "this address is not a CalDAV calendar; give the URL of a calendar collection, ending in /"
        if status in (409, 412, 423):
            return "the event is locked or in conflict on the server; run the same command again later"
        if status >= 500:
            return "the server failed; try again later, or look at the server's log"
        if method in ("PUT", "DELETE"):
            return ("the server will refuse this change again as it is: fix what its message or its log names "
                    "(an event of this UID still in the server's trash bin: delete it there for good)")
        return "check the URL and the server"

    def failure(self, error: DavError) -> str:
        """The failure as one sentence, with what to do."""
        where = f"{error.method} {error.url}"
        why = self.NETWORK.get(error.network, error.detail) if error.network is not None else error.detail
        said = f": the server says “{error.server_message}”" if error.server_message else ""
        match error.failure:
            case Failure.BAD_URL:
                return f"--to {error.url!r}: give the http:// or https:// URL of a calendar collection"
            case Failure.UNREACHABLE:
                return f"cannot reach {error.url} ({why}); check the URL and that the server is running"
            case Failure.NO_ANSWER:
                return f"{where}: no answer within {error.limit} s; check that the server is running and try again"
            case Failure.CUT_OFF:
                return f"{where}: the answer was cut off ({why}); try again"
            case Failure.REDIRECTED:
                return f"{where}: {error.status_line}; the server points to {error.target}: give that URL to --to"
            case Failure.TOO_LARGE:
                return (f"{where}: the server's answer is larger than {error.limit // (1024 * 1024)} MiB, more than "
                        "any calendar needs, and was not read further; check that --to is the URL of the "
                        "calendar, or look at the server")
            case Failure.NOT_WEBDAV:
                return f"{where}: the answer is not WebDAV XML; check that the URL is a CalDAV calendar"
            case Failure.OUTSIDE:
                return f"{error.url}: {error.href!r} is not inside this calendar; nothing was sent there"
            case Failure.NO_ETAG:
                return (f"{error.url}: the server gives no ETag for {error.href}, so it cannot be changed without "
                        "risking someone else's change; change it by hand")
            case Failure.TAKEN_OVER:
                return f"{error.url}: {error.href} now holds another event ({error.uid}); run the same command again"
            case Failure.CHANGED_AGAIN:
                return (f"{where}: {error.status_line}: the event changed again while being written; "
                        "run the same command again")
            case Failure.CONFLICTS:
                return "; ".join(
                    f"{uid} is already in {error.url} at {href}, put there by "
                    + (f"forum {owner!r}" if owner else "another program (no X-AGENDA-FORUM)")
                    + "; it is left alone: delete it there, or give this forum or segment another id"
                    for uid, href, owner in error.conflicts)
        return f"{where}: {error.status_line}{said}; {self.advice(error.method, error.status or 0)}"

    def refusals(self, final: int, passing: int) -> list[str]:
        lines = []
        if final:
            lines.append(f"agenda: the server refused {final} change{'s' if final != 1 else ''} (above); running "
                         "the same command again will meet the same refusal until it is fixed on the server; "
                         "every other event was published")
        if passing:
            lines.append(f"agenda: {passing} change{'s' if passing != 1 else ''} failed for a reason that may pass "
                         "(above); run the same command again later to finish")
        return lines

    def stopped(self, done: str, may_pass: bool) -> str:
        if may_pass:
            return f"agenda: already done before the stop: {done}; run the same command again to finish"
        return f"agenda: already done before the stop: {done}; fix the cause above, then run the same command again"

    def calendar_unchanged(self) -> str:
        return "agenda: nothing was changed in the calendar"

    def weak_etags(self) -> str:
        return ("agenda: note: the server's ETags are weak (W/\"…\"), which If-Match cannot compare; each change "
                "was written after a fresh read showed the event unchanged since it was listed")

    def dry_run_wrote_nothing(self) -> str:
        return "--dry-run: nothing was written"

    def nothing_published(self) -> str:
        return "nothing published: fix the errors above"

    def addresses_outside(self, count: int, first: str, collection: str) -> str:
        """Said once per run, however many addresses the server named outside the calendar."""
        these = "an address" if count == 1 else f"{count} addresses"
        return (f"agenda: warning: the server named {these} outside {collection} (the first: {first}); "
                f"{'it was' if count == 1 else 'they were'} ignored: no request went there, so nothing there was "
                "changed or deleted, and the password was not sent there")


class Korean(PublishWords):
    SUMMARY = {Kind.CREATE: "생성", Kind.UPDATE: "수정", Kind.UNCHANGED: "변경 없음", Kind.DELETE: "삭제"}
    REFUSED = "거부"
    NETWORK = {Network.REFUSED: "연결 거부", Network.NO_SUCH_HOST: "호스트를 찾을 수 없음",
               Network.CERTIFICATE: "인증서를 신뢰할 수 없음", Network.RESET: "연결이 끊김"}

    def advice(self, method: str, status: int) -> str:
        if status == 401:
            return "서버가 로그인을 거부했습니다. --user와, AGENDA_CALDAV_PASSWORD나 ~/.netrc의 비밀번호를 확인하세요"
        if status == 403:
            return "이 사용자는 여기에서 그 일을 할 수 없습니다. 캘린더에 대한 사용자의 권한이나 URL을 확인하세요"
        if status == 404 and method == "REPORT":
            return "이 주소에는 캘린더가 없습니다. URL을 확인하거나, 서버에서 캘린더를 먼저 만드세요"
        if status in (405, 501) and method == "REPORT":
            return "이 주소는 CalDAV 캘린더가 아닙니다. /로 끝나는 캘린더 컬렉션의 URL을 주세요"
        if status in (409, 412, 423):
            return "서버에서 이 일정이 잠겨 있거나 충돌 중입니다. 잠시 뒤 같은 명령을 다시 실행하세요"
        if status >= 500:
            return "서버에 문제가 생겼습니다. 나중에 다시 시도하거나 서버의 로그를 살펴보세요"
        if method in ("PUT", "DELETE"):
            return ("이대로는 서버가 이 변경을 다시 거부합니다. 서버의 메시지나 로그가 말하는 것을 서버에서 고치세요"
                    "(이 UID의 일정이 서버의 휴지통에 남아 있다면 그곳에서 완전히 지우세요)")
        return "URL과 서버를 확인하세요"

    def failure(self, error: DavError) -> str:
        where = f"{error.method} {error.url}"
        why = self.NETWORK.get(error.network, error.detail) if error.network is not None else error.detail
        said = f" (서버의 메시지: “{error.server_message}”)" if error.server_message else ""
        match error.failure:
            case Failure.BAD_URL:
                return f"--to {error.url!r}: 캘린더 컬렉션의 http:// 또는 https:// URL을 주세요"
            case Failure.UNREACHABLE:
                return f"{error.url}에 연결할 수 없습니다({why}). URL이 맞는지, 서버가 실행 중인지 확인하세요"
            case Failure.NO_ANSWER:
                return f"{where}: {error.limit}초 안에 응답이 없습니다. 서버가 실행 중인지 확인하고 다시 시도하세요"
            case Failure.CUT_OFF:
                return f"{where}: 응답이 도중에 끊겼습니다({why}). 다시 시도하세요"
            case Failure.REDIRECTED:
                return (f"{where}: {error.status_line}. 서버가 가리키는 주소는 {error.target}입니다. "
                        "그 URL을 --to에 주세요")
            case Failure.TOO_LARGE:
                return (f"{where}: 서버의 응답이 {error.limit // (1024 * 1024)}MiB보다 커서 더 읽지 않았습니다. "
                        "어떤 캘린더에도 필요 없는 크기입니다. --to가 캘린더의 URL인지 확인하거나 서버를 살펴보세요")
            case Failure.NOT_WEBDAV:
                return f"{where}: 응답이 WebDAV XML이 아닙니다. URL이 CalDAV 캘린더인지 확인하세요"
            case Failure.OUTSIDE:
                return f"{error.url}: {error.href!r}: 이 캘린더 안의 주소가 아니어서 그곳에는 아무것도 보내지 않았습니다"
            case Failure.NO_ETAG:
                return (f"{error.url}: 서버가 {error.href}의 ETag를 주지 않아, 다른 사람의 변경을 덮어쓸 위험 없이는 "
                        "바꿀 수 없습니다. 직접 고치세요")
            case Failure.TAKEN_OVER:
                return (f"{error.url}: {error.href}에 이제 다른 일정({error.uid})이 있습니다. "
                        "같은 명령을 다시 실행하세요")
            case Failure.CHANGED_AGAIN:
                return (f"{where}: {error.status_line}. 쓰는 동안 일정이 또 바뀌었습니다. "
                        "같은 명령을 다시 실행하세요")
            case Failure.CONFLICTS:
                return " / ".join(
                    f"{uid}: {error.url}의 {href}에 이미 있습니다(넣은 쪽: "
                    + (f"포럼 {owner!r}" if owner else "다른 프로그램, X-AGENDA-FORUM 없음")
                    + "). 건드리지 않았습니다. 그곳에서 지우거나, 이 포럼이나 세그먼트에 다른 id를 주세요"
                    for uid, href, owner in error.conflicts)
        return f"{where}: {error.status_line}{said}. {self.advice(error.method, error.status or 0)}"

    def refusals(self, final: int, passing: int) -> list[str]:
        lines = []
        if final:
            lines.append(f"agenda: 서버가 변경 {final}건을 거부했습니다(위 참고). 서버에서 고치기 전에는 같은 명령을 "
                         "다시 실행해도 또 거부됩니다. 나머지 일정은 모두 올렸습니다")
        if passing:
            lines.append(f"agenda: 변경 {passing}건이 일시적일 수 있는 문제로 실패했습니다(위 참고). "
                         "나중에 같은 명령을 다시 실행하면 마칩니다")
        return lines

    def stopped(self, done: str, may_pass: bool) -> str:
        if may_pass:
            return f"agenda: 멈추기 전에 이미 한 일: {done}. 같은 명령을 다시 실행하면 나머지를 마칩니다"
        return f"agenda: 멈추기 전에 이미 한 일: {done}. 위의 원인을 고친 뒤 같은 명령을 다시 실행하세요"

    def calendar_unchanged(self) -> str:
        return "agenda: 캘린더에는 아무것도 바뀌지 않았습니다"

    def weak_etags(self) -> str:
        return ("agenda: 참고: 서버의 ETag가 약한 ETag(W/\"…\")라서 If-Match로 비교할 수 없습니다. 그래서 바꿀 "
                "일정을 하나씩 다시 읽어, 목록을 읽은 뒤로 바뀌지 않았음을 확인하고 썼습니다")

    def dry_run_wrote_nothing(self) -> str:
        return "--dry-run: 아무것도 쓰지 않았습니다"

    def nothing_published(self) -> str:
        return "아무것도 올리지 않았습니다. 위의 오류를 고치세요"

    def addresses_outside(self, count: int, first: str, collection: str) -> str:
        ignored = "이 주소는 무시했습니다" if count == 1 else "모두 무시했습니다"
        return (f"agenda: 경고: 서버가 {collection} 바깥의 주소 {count}개를 알려 왔습니다(첫째: {first}). "
                f"{ignored}. 그곳에는 요청을 하나도 보내지 않았으므로 아무것도 바꾸거나 지우지 않았고, "
                "비밀번호도 보내지 않았습니다")


def words_for(language: str) -> PublishWords:
    return Korean() if language == "ko" else English()


def summary_line(counts: "Counter[Kind] | dict[Kind, int]", language: str, refused: Sequence[str] = ()) -> str:
    """`created N · updated N · unchanged N · deleted N`, in the reader's language, and what was refused."""
    words = words_for(language)
    line = " · ".join(f"{words.SUMMARY[kind]} {counts.get(kind, 0)}" for kind in Kind)
    if refused:
        line += f" · {words.REFUSED} {len(refused)}: " + ", ".join(refused)
    return line

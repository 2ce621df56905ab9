"""What the server itself says when it defends itself: HTTP answers (421, 503) and lines on its terminal.

One table per language, like the pages' words; the operating system's error
texts and uvicorn's own English lines stay as they are.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerWords:
    streams_full: str  # {cap}: the 503 body for one live page too many
    streams_full_said: str  # {cap}: the terminal line when the cap is first reached
    wrong_host: str  # {hosts}: the 421 body; the Host header itself is never repeated
    log_unreadable: str  # {said}: the 503 body of a page or /now.json while the log cannot be read
    watch_failed: str  # {said}: the terminal line when the watcher cannot read the log
    watch_again: str  # the terminal line when it can again
    accept_failed: str  # {error}
    server_full: str  # the 503 body for a connection that came while no file descriptor was left
    headers_too_large: str  # {limit}: the 431 body
    too_slow: str  # {seconds}: a request that was not sent in time, closed
    again: str  # {text} {count}: a line said before, with how often it happened since
    token_needed: str  # the 403 body of a mark without the right token
    body_too_large: str  # {limit}: the 400 body of a mark longer than the server reads
    bad_mark: dict[str, str]  # a body that is no mark, by reason (agenda.serve.app.BadMark): {field} {kinds}
    could_not_answer: str  # the 500 body of a request that failed inside the server


KO = ServerWords(
    streams_full="실시간 페이지가 너무 많이 열려 있습니다({cap}개). 몇 초 뒤에 다시 시도하세요.",
    streams_full_said=("실시간 페이지가 {cap}개 연결되어 이 서버가 열어 두는 최대치에 이르렀습니다. "
                       "일부가 닫힐 때까지 더 오는 연결은 503으로 거절합니다"),
    wrong_host="이 서버는 시작할 때 정한 주소({hosts})로만 응답합니다. 그 주소 중 하나로 여세요.",
    log_unreadable="{said}. 서버가 계속 다시 읽으니 잠시 뒤에 다시 시도하세요.",
    watch_failed="{said}. 페이지는 마지막 상태를 그대로 보여 주고, 서버는 기록 파일을 계속 지켜봅니다",
    watch_again="기록 파일을 다시 읽을 수 있습니다. 열린 페이지에 최신 상태를 보냅니다",
    accept_failed="열린 파일 수가 한도에 이르렀습니다({error}). 자리가 날 때까지 새 연결에는 503으로 답합니다",
    server_full="지금은 서버에 연결이 너무 많습니다. 잠시 뒤에 다시 시도하세요.",
    headers_too_large="요청 헤더가 너무 큽니다. {limit}바이트까지 받습니다.",
    too_slow="{seconds}초 안에 요청을 다 보내지 않은 연결을 닫았습니다",
    again="{text} (그 뒤로 {count}번 더 있었습니다)",
    token_needed="기록하려면 서버를 시작할 때 출력된 토큰이 필요합니다(Authorization: Bearer TOKEN)",
    body_too_large="요청 본문이 {limit}바이트를 넘습니다",
    bad_mark={
        "not-json": '요청 본문이 JSON이 아닙니다. {{"mark": "next"}}처럼 보내세요',
        "not-an-object": '요청 본문은 JSON 객체여야 합니다. 예: {{"mark": "next"}}',
        "unknown-field": "모르는 필드 {field}입니다. 필드는 mark, segment, at, expect, id, note, room입니다",
        "unknown-room": "파일에 없는 회의실 {room}입니다. 회의실: {rooms}",
        "bad-id": "`id`는 A-Z a-z 0-9 _ - 중 1~64자여야 합니다",
        "unknown-mark": "`mark`는 {kinds} 중 하나여야 합니다",
        "not-a-text": "`{field}`는 문자열이어야 합니다",
    },
    could_not_answer="서버가 이 요청에 답하지 못했습니다. 서버의 터미널을 보세요",
)

EN = ServerWords(
    streams_full="Too many live pages are open ({cap}); try again in a few seconds.",
    streams_full_said=("{cap} live pages are connected, the most this server keeps open; "
                       "more are refused with 503 until some close"),
    wrong_host="This server answers only to the addresses it was started for ({hosts}); open it by one of those.",
    log_unreadable="{said}. The server keeps reading it; try again in a moment.",
    watch_failed="{said}. The pages keep showing the last state, and the server keeps watching the log",
    watch_again="The marks log can be read again; open pages get the current state",
    accept_failed="the open-files limit is reached ({error}); new connections are answered 503 until there is room",
    server_full="The server has too many connections just now; try again in a moment.",
    headers_too_large="The request's headers are too large; at most {limit} bytes are taken.",
    too_slow="closed a connection that did not send its request within {seconds} seconds",
    again="{text} ({count} more times since)",
    token_needed="a mark needs the token printed when the server started (Authorization: Bearer TOKEN)",
    body_too_large="the body is over {limit} bytes",
    bad_mark={
        "not-json": 'the body is not JSON; send e.g. {{"mark": "next"}}',
        "not-an-object": 'the body must be a JSON object, e.g. {{"mark": "next"}}',
        "unknown-field": "unknown field {field}; the fields are mark, segment, at, expect, id, note and room",
        "unknown-room": "the file has no room {room}; its rooms: {rooms}",
        "bad-id": "`id` must be 1 to 64 of A-Z a-z 0-9 _ -",
        "unknown-mark": "`mark` must be one of {kinds}",
        "not-a-text": "`{field}` must be a text",
    },
    could_not_answer="the server could not answer this request; see its terminal",
)

SERVER_WORDS = {"ko": KO, "en": EN}

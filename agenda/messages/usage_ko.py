"""The command's own errors in Korean, said as a Korean organizer would read them.

Option names, paths, addresses and the operating system's error texts stay
as they are; a particle after a word that varies follows it (josa).
"""

from agenda.messages.ko import josa
from agenda.messages.usage import UsageArguments, UsageWords, names, number, quoted, text


def _listing(words: tuple[str, ...]) -> str:
    return ", ".join(words)


def _formats(a: UsageArguments) -> str:
    aliases = names(a, "aliases")
    return f"{_listing(names(a, 'choices'))} 중에서 고르세요" + (
        f"({', '.join(aliases)}도 됩니다)" if aliases else "")


def _pdf_print_failed(a: UsageArguments) -> str:
    said = names(a, "said")
    return (f"Chromium이 PDF를 인쇄하지 못해(종료 코드 {number(a, 'status')}) 아무것도 쓰지 않았습니다"
            + (f". Chromium의 출력: {' / '.join(said)}" if said else "")
            + (". snap으로 설치한 Chromium은 임시 폴더를 볼 수 없으니 TMPDIR을 홈 안의 폴더로 지정하세요"
               if a.get("snap") else ""))


def _unknown_zone(a: UsageArguments) -> str:
    hint = f"{josa(quoted(a, 'suggestion'), '을', '를')} 쓰려던 것인가요?" if a.get("suggestion") else \
        "Asia/Seoul 같은 IANA 이름을 쓰세요"
    return f"--timezone: {josa(quoted(a, 'value'), '은', '는')} 시간대 이름이 아닙니다. {hint}"


_DURATION_PROBLEMS = {
    "not-a-duration": "시간 길이가 아닙니다. 30m, 2h, 1h30m, PT15M처럼 쓰세요",
    "duration-too-long": "일주일보다 깁니다",
    "duration-seconds": "초가 있습니다. 시간 길이는 분 단위입니다",
}

_MOMENT_PROBLEMS = {
    "not-a-clock": "없는 시각입니다. HH:MM이나 HH:MM:SS로 쓰세요. 예: 14:03",
    "not-a-time": ("시각이 아닙니다. HH:MM, HH:MM:SS 또는 시차가 붙은 ISO 8601 날짜·시각으로 쓰세요. "
                   "예: 2023-12-13T14:03:00+09:00"),
    "no-offset": "시차가 없습니다. 시차를 붙이거나(예: +09:00) 포럼 시간대의 HH:MM으로 쓰세요",
    "out-of-range": "쓸 수 있는 범위를 벗어났습니다. 포럼 당일의 시각을 주세요",
}


def _no_such_option(a: UsageArguments) -> str:
    suggestions = names(a, "suggestions")
    said = f"{text(a, 'option')} 옵션은 없습니다"
    if len(suggestions) == 1:
        return f"{said}. {suggestions[0]} 옵션을 쓰려던 것인가요?"
    return said + (f"(비슷한 옵션: {', '.join(suggestions)})" if suggestions else "")


USAGE: dict[str, UsageWords] = {
    # how a run ends when it does not finish
    "interrupted": lambda a: "중단했습니다",
    "stopped-by-signal": lambda a: f"{text(a, 'signal')} 신호를 받아 멈췄습니다",
    "nested-too-deeply": lambda a: "입력이 너무 깊이 중첩되어 있습니다",
    "internal-error": lambda a: f"내부 오류(internal error)입니다: {text(a, 'error')}. 파일과 함께 알려 주세요",
    # options and arguments as Click reads them
    "try-help": lambda a: f"도움말은 {text(a, 'command')} --help로 보세요.",
    "no-such-option": _no_such_option,
    "no-such-command": lambda a: f"{quoted(a, 'name')} 명령은 없습니다.",
    "missing-argument": lambda a: f"{text(a, 'name')} 인자가 필요합니다.",
    "missing-option": lambda a: f"{text(a, 'name')} 옵션이 필요합니다.",
    "option-choice": lambda a: (
        f"{text(a, 'option')}: {_listing(names(a, 'choices'))} 중에서 고르세요(받은 값: {text(a, 'value')})"),
    # files the command writes
    "output-unwritable": lambda a: f"{text(a, 'target')}: 쓸 수 없습니다({text(a, 'error')})",
    "output-is-folder": lambda a: f"{text(a, 'target')}: 폴더입니다. {text(a, 'example')}처럼 파일 이름을 주세요",
    "folder-missing": lambda a: f"{text(a, 'target')}: {text(a, 'folder')} 폴더가 없습니다. 먼저 만드세요",
    "folder-unwritable": lambda a: (
        f"{text(a, 'target')}: {text(a, 'folder')} 폴더에 쓸 수 없습니다({text(a, 'error')})"),
    "folder-is-file": lambda a: f"{text(a, 'folder')}: 파일입니다. 폴더를 주세요(없으면 만듭니다)",
    "folder-uncreatable": lambda a: f"{text(a, 'folder')}: 폴더를 만들 수 없습니다({text(a, 'error')})",
    "person-file-name-too-long": lambda a: (
        f"{text(a, 'folder')}: id {quoted(a, 'id')}는 {number(a, 'size')}바이트라 파일 이름으로 쓰기에 너무 깁니다"
        f"({text(a, 'suffix')} 앞은 {number(a, 'limit')}바이트까지). `people`에서 id를 줄이세요(아무것도 쓰지 않았습니다)"),
    "schedule-unreadable": lambda a: f"{text(a, 'file')}: 읽을 수 없습니다: {text(a, 'error')}",
    "schedule-not-json-or-xml": lambda a: (
        f"{text(a, 'file')}:{number(a, 'line')}: JSON도 XML도 아닙니다. pretalx나 frab이 공개하는 "
        "schedule.json이나 schedule.xml을 주세요"),
    "schedule-not-a-schedule": lambda a: (
        f"{text(a, 'file')}: 학술대회 일정표가 아닙니다(schedule.json에는 schedule.conference.days가, "
        "schedule.xml에는 <conference>와 <day>가 든 <schedule>이 있어야 합니다)"),
    "schedule-bad-value": lambda a: (
        f"{text(a, 'file')}: {text(a, 'where')}: {quoted(a, 'value')}은 UTC 오프셋이 붙은 날짜와 시각도, "
        "길이(HH:MM)도 아닙니다. 일정표에서 고쳐 주세요"),
    "schedule-empty": lambda a: f"{text(a, 'file')}: 세션이 있는 날이 없어 아무것도 쓰지 않았습니다",
    "file-exists": lambda a: f"{text(a, 'file')}: 이미 있는 파일입니다. 다른 이름을 고르거나 --force로 덮어쓰세요",
    "no-forum-files": lambda a: (
        f"{', '.join(names(a, 'paths'))}에 포럼 파일(*.yaml, *.yml, *.json, *.toml)이 없습니다"),
    # the marks log of the day
    "marks-log-unreadable": lambda a: f"{text(a, 'path')}: 기록 파일을 읽을 수 없습니다({text(a, 'error')})",
    "marks-log-unopenable": lambda a: f"{text(a, 'path')}: 기록 파일을 열 수 없습니다({text(a, 'error')})",
    "marks-log-unwritable": lambda a: f"{text(a, 'path')}: 기록 파일에 쓸 수 없습니다({text(a, 'error')})",
    "marks-log-too-big": lambda a: (
        f"{text(a, 'path')}: 기록 파일이 {number(a, 'limit') // 1024 // 1024} MiB를 넘습니다. 기록 파일은 "
        f"{number(a, 'limit') // 1024 // 1024} MiB까지입니다(토론회 하루의 기록은 몇 KB입니다). "
        f"맞는 파일인지 확인하거나 --log로 다른 파일을 주세요"),
    "marks-log-not-regular": lambda a: (
        f"{text(a, 'path')}: 기록 파일이 일반 파일이 아닙니다(장치, FIFO, 소켓). --log로 파일을 주거나, "
        f"--log를 빼서 FILE 옆의 .actuals.jsonl을 쓰세요"),
    "marks-log-folder": lambda a: (
        f"{text(a, 'path')}: 기록 파일 자리에 폴더가 있습니다. --log로 파일을 주거나, "
        f"--log를 빼서 FILE 옆의 .actuals.jsonl을 쓰세요"),
    "disk-full": lambda a: (
        f"{text(a, 'path')}: 디스크에 {number(a, 'size')}바이트 중 {number(a, 'written')}바이트만 써졌습니다. "
        f"남은 공간을 확인하세요"),
    # options
    "output-missing": lambda a: "-o OUT(파일, 또는 표준 출력이면 -)이나 --per-person DIR을 주세요",
    "per-person-one-file": lambda a: "--per-person에는 포럼 파일을 하나만 주세요",
    "calendar-only-options": lambda a: "--segments와 --alarm은 캘린더(.ics)에만 씁니다",
    "unknown-format": lambda a: f"--format {quoted(a, 'value')}: {_formats(a)}",
    "format-not-known": lambda a: f"모르는 형식 {quoted(a, 'value')}입니다",
    "format-from-suffix": lambda a: (
        f"{text(a, 'output')}: "
        + (f"확장자 {text(a, 'suffix')}에서" if a.get("suffix") else "확장자가 없어")
        + f" 형식을 알 수 없습니다. {_listing(names(a, 'suffixes'))} 중 하나로 끝나게 하거나 --format을 주세요"),
    "alarm-not-a-duration": lambda a: (
        f"--alarm {quoted(a, 'value')}: "
        f"{_DURATION_PROBLEMS.get(text(a, 'problem'), '시간 길이가 아닙니다(' + text(a, 'detail') + ')')}. "
        f"일 단위도 됩니다. 예: 1d"),
    "alarm-not-positive": lambda a: (
        f"--alarm {quoted(a, 'value')}: 시작보다 얼마나 앞서 알릴지 0보다 긴 시간으로 주세요. 예: 1d, 30m"),
    "source-date-epoch": lambda a: f"SOURCE_DATE_EPOCH={quoted(a, 'value')}: 초 단위의 숫자가 아닙니다",
    "at-not-a-time": lambda a: f"--at {quoted(a, 'value')}: {_MOMENT_PROBLEMS.get(text(a, 'problem'), '시각이 아닙니다')}",
    "not-a-moment": lambda a: f"{quoted(a, 'value')}: {_MOMENT_PROBLEMS.get(text(a, 'problem'), '시각이 아닙니다')}",
    "mark-id-invalid": lambda a: f"--id {quoted(a, 'value')}: A-Z a-z 0-9 _ - 중 1~64자로 쓰세요",
    "room-not-in-file": lambda a: f"--room {quoted(a, 'room')}: 파일에 없는 회의실입니다. 회의실: {a['rooms']}",
    "needs-terminal": lambda a: "agenda run은 키를 읽을 터미널이 필요합니다. 스크립트에서는 agenda mark를 쓰세요",
    "token-unkeepable": lambda a: f"{text(a, 'path')}: 토큰을 보관할 수 없습니다({text(a, 'error')})",
    "cannot-listen": lambda a: (
        f"{text(a, 'host')}:{number(a, 'port')}에서 접속을 받을 수 없습니다({text(a, 'error')}). "
        f"다른 --port를 고르거나 그 포트를 쓰는 프로그램을 멈추세요"),
    # agenda init
    "unknown-template": lambda a: (
        f"--template {quoted(a, 'value')}: {', '.join(names(a, 'choices'))} 중에서 고르세요"),
    "not-a-clock": lambda a: f"{text(a, 'option')} {quoted(a, 'value')}: 시각을 HH:MM으로 쓰세요. 예: 14:00",
    "not-a-date": lambda a: f"--date {quoted(a, 'value')}: 날짜를 YYYY-MM-DD로 쓰세요. 예: 2024-05-20",
    "unknown-zone": _unknown_zone,
    "template-too-short": lambda a: (
        f"아무것도 쓰지 않았습니다. {text(a, 'template')} 템플릿의 프로그램에는 {number(a, 'needed')}분이 필요한데 "
        f"--start {text(a, 'start')}부터 --end {text(a, 'end')}까지는 {number(a, 'given')}분뿐입니다. "
        f"--end를 늦추거나 빼고, 프로그램은 파일에서 줄이세요"),
    # printing a PDF
    "chromium-missing": lambda a: (
        "PDF는 헤드리스 Chromium으로 인쇄하는데 Chromium이 설치되어 있지 않습니다. 설치하거나"
        "(Debian/Ubuntu: apt-get install chromium. Debian에서는 더 가벼운 chromium-headless-shell이 더 빨리 "
        "인쇄합니다) AGENDA_CHROMIUM에 그 경로를 넣으세요. "
        ".html로 내보내 인쇄해도 됩니다"),
    "pdf-to-terminal": lambda a: (
        "PDF는 터미널에 쓰지 않습니다. -o 파일.pdf를 주거나 다른 곳으로 보내세요(> programme.pdf, | lp)"),
    "chromium-not-found": lambda a: (
        f"AGENDA_CHROMIUM이 {text(a, 'path')}인데 실행할 수 있는 프로그램이 아닙니다. Chromium의 경로로 고치세요"
        "(비워 두면 PATH의 chromium-headless-shell이나 chromium을 씁니다)"),
    "korean-font-missing": lambda a: (
        "프로그램에 한글이 있는데 한글 글꼴이 설치되어 있지 않습니다(fc-list :lang=ko 결과 없음). "
        "Noto CJK를 설치하세요(Debian/Ubuntu: apt-get install fonts-noto-cjk)"),
    "pdf-timeout": lambda a: (
        f"Chromium이 {number(a, 'seconds')}초 안에 PDF를 인쇄하지 못해 아무것도 쓰지 않았습니다"),
    "browser-unstartable": lambda a: f"{text(a, 'browser')}: 실행할 수 없습니다({text(a, 'error')})",
    "pdf-print-failed": _pdf_print_failed,
    # --document로 만드는 인쇄물
    "document-format": lambda a: (
        f"--document {josa(text(a, 'document'), '은', '는')} {text(a, 'format')} 형식으로 만들지 않습니다. "
        f"{_listing(names(a, 'choices'))} 중에서 고르세요(-o의 확장자나 --format으로)"),
    "document-one-file": lambda a: f"--document {josa(text(a, 'document'), '은', '는')} 포럼 파일 하나씩 만듭니다",
    "material-unknown-part": lambda a: (
        f"forum.materials: {josa(quoted(a, 'part'), '이', '가')} 가리키는 순서가 프로그램에 없습니다. "
        f"세그먼트 id나 SEGMENT:ITEM으로 쓰세요. 예: {', '.join(names(a, 'choices')[:6])}"),
    "material-missing": lambda a: (
        f"forum.materials: {text(a, 'part')}: 파일이 없습니다({text(a, 'path')}). 경로는 포럼 파일이 있는 "
        f"폴더에서 시작합니다. 아무것도 쓰지 않았습니다"),
    "material-unreadable": lambda a: (
        f"forum.materials: {text(a, 'part')}: PDF로 읽을 수 없습니다({text(a, 'path')}: {text(a, 'error')}). "
        f"아무것도 쓰지 않았습니다"),
    # notices and mail
    "sender-not-an-address": lambda a: (
        f"--from {quoted(a, 'value')}: 이메일 주소가 아닙니다. name@example.org나 "
        f"'Name <name@example.org>'처럼 쓰세요"),
    "address-not-ascii": lambda a: (
        f"{text(a, 'whose')}: {quoted(a, 'address')}의 @ 앞에 ASCII가 아닌 글자가 있어 SMTPUTF8 없이는 "
        f"메일로 보낼 수 없습니다. ASCII 주소를 주세요"),
    "address-domain": lambda a: (
        f"{text(a, 'whose')}: {quoted(a, 'address')}의 도메인은 메일 주소에 쓸 수 없습니다"),
    "send-without-from": lambda a: "--send에는 알림을 보내는 주소인 --from ADDRESS가 필요합니다",
    "notices-files": lambda a: (
        "notices에는 OLD NEW, 곧 사람들에게 알린 판과 바뀐 판을 차례로 주세요 "
        "(처음 알릴 때는 NEW --all로 순서를 맡은 모두에게 보냅니다)"),
    "notices-all-takes-new": lambda a: "--all은 NEW 하나로 처음 알림을 만듭니다. 파일을 하나만 주세요",
    "invite-needs-contact": lambda a: (
        f"--invite에는 {text(a, 'file') + '의 ' if a.get('file') else ''}forum.contact.email이 필요합니다. "
        f"초대의 주최자(ORGANIZER)로 쓰이고 답장이 그 주소로 갑니다. forum 아래 contact에 name과 email을 쓰세요"),
    "resend-without-send": lambda a: "--resend-unconfirmed는 다시 보내는 옵션이라 --send URL이 함께 필요합니다",
    "sent-log-unreadable": lambda a: (
        f"{text(a, 'path')}: 읽을 수 없어({text(a, 'error')}) 전에 무엇을 보냈는지 알 수 없습니다. "
        f"아무것도 보내지 않았습니다"),
    "sending-in-progress": lambda a: (
        f"다른 `agenda notices --send`가 지금 {text(a, 'folder')}의 알림을 보내고 있어, 이번 실행은 아무것도 "
        f"보내거나 쓰지 않았습니다. 그 실행이 끝난 뒤 이 명령을 다시 실행하면 남은 것만 보냅니다"),
    "drafts-stale": lambda a: (
        f"{text(a, 'folder')}: {', '.join(names(a, 'stale'))}의 내용이 지금 이 파일들과 옵션(--from, --lang)으로 "
        f"만드는 알림과 달라, 읽어 본 알림이 아닙니다. 아무것도 보내지 않았습니다. --send 없이 다시 실행해 "
        f"{josa(text(a, 'index'), '을', '를')} 읽은 뒤 보내세요"),
    "smtp-address": lambda a: f"--send {quoted(a, 'value')}: smtp://HOST:PORT나 smtps://HOST:PORT로 쓰세요",
    "smtp-login-in-address": lambda a: (
        "--send: 주소에 사용자나 비밀번호를 넣지 마세요. AGENDA_SMTP_USER와 AGENDA_SMTP_PASSWORD를 설정하세요"),
    "smtp-port": lambda a: f"--send {quoted(a, 'value')}: 포트가 숫자가 아닙니다",
    "smtp-half-login": lambda a: "AGENDA_SMTP_USER와 AGENDA_SMTP_PASSWORD를 둘 다 설정하거나 둘 다 비우세요",
    "smtp-cafile": lambda a: (
        f"AGENDA_SMTP_CAFILE={text(a, 'path')}: 인증서로 읽을 수 없습니다({text(a, 'error')})"),
    "no-starttls": lambda a: (
        f"{josa(text(a, 'host') + ':' + str(number(a, 'port')), '이', '가')} STARTTLS를 지원하지 않아 "
        f"AGENDA_SMTP_PASSWORD가 암호화되지 않은 채 전송됩니다. 아무것도 보내지 않았습니다. smtps://나 "
        f"STARTTLS를 지원하는 서버를 쓰거나, 로컬 릴레이라면 인증 정보를 비우세요"),
    # publishing to a calendar server
    "netrc-unreadable": lambda a: (
        f"~/.netrc의 {number(a, 'line')}번째 줄을 읽을 수 없습니다. 고치거나 {text(a, 'variable')} 환경 변수에 "
        f"비밀번호를 넣으세요"),
    "password-in-url": lambda a: (
        f"--to: URL에 비밀번호를 넣지 마세요. {text(a, 'variable')} 환경 변수를 설정하거나 ~/.netrc를 쓰고, "
        f"사용자는 --user로 주세요"),
    "password-without-user": lambda a: "비밀번호는 있는데 사용자가 없습니다. --user NAME을 주세요",
    # shell completion
    "completion-shell": lambda a: (
        f"{text(a, 'option')} {quoted(a, 'value')}: agenda가 자동 완성을 지원하는 셸이 아닙니다. "
        f"{_listing(names(a, 'choices'))} 중 하나를 적으세요"),
    "completion-shell-not-guessed": lambda a: (
        f"{text(a, 'option')}: 지금 쓰는 셸을 알아낼 수 없습니다. "
        f"{text(a, 'option')} 뒤에 {_listing(names(a, 'choices'))} 중 하나를 적으세요"),
}

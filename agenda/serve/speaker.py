"""Messages to the speaker (`POST /message`): parsed here, kept in memory by LiveDay, shown by the stage.

They are not marks: nothing about them goes to the log, and a restart clears
them, so the stage never comes back black or with yesterday's "wrap up".
"""

import json
from collections.abc import Callable
from dataclasses import replace

from agenda.serve.live import StageMessage

MAX_TEXT = 200
_FIELDS = {"text", "flash", "clear", "blackout", "room"}


class BadMessage(ValueError):
    """A body that is no message: 400, worded by StageWords.message_refused[reason]."""

    def __init__(self, reason: str, **arguments: object) -> None:
        super().__init__(reason)
        self.reason, self.arguments = reason, arguments


def next_message(shown: Callable[[str | None], StageMessage], body: bytes) -> StageMessage:
    """What the stage shows after this body: a text replaces the last, clear removes it, blackout switches.

    A `room` addresses that room's stage alone, so `shown` gives what each room's stage shows now;
    whether the room exists is the server's to say (it knows the file).
    """
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadMessage("not-json") from None
    if not isinstance(data, dict):
        raise BadMessage("not-an-object")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise BadMessage("unknown-field", field=repr(unknown[0]))
    if not {"text", "clear", "blackout"} & set(data):
        raise BadMessage("nothing")
    for name in ("flash", "clear", "blackout"):
        if name in data and not isinstance(data[name], bool):
            raise BadMessage("not-a-switch", field=name)
    room = data.get("room")
    if room is not None and not isinstance(room, str):
        raise BadMessage("not-a-room")
    message = shown(room)
    if data.get("clear"):
        message = replace(message, text="", flash=False)
    if "text" in data:
        text = data["text"]
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            raise BadMessage("not-a-text", limit=MAX_TEXT)
        message = replace(message, text=" ".join(text.split()), flash=bool(data.get("flash")))
    if "blackout" in data:
        message = replace(message, blackout=data["blackout"])
    return message

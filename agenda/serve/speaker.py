"""Messages to the speaker (`POST /message`): parsed here, kept in memory by LiveDay, shown by the stage.

They are not marks: nothing about them goes to the log, and a restart clears
them, so the stage never comes back black or with yesterday's "wrap up".
"""

from collections.abc import Callable
from dataclasses import replace

from agenda.serve.bodies import BadBody, json_object
from agenda.serve.live import StageMessage

MAX_TEXT = 200
_FIELDS = {"text", "flash", "clear", "blackout", "room"}


class BadMessage(BadBody):
    """A body that is no message: 400, worded by StageWords.message_refused[reason]."""


def next_message(shown: Callable[[str | None], StageMessage], body: bytes) -> StageMessage:
    """What the stage shows after this body: a text replaces the last, clear removes it, blackout switches.

    A `room` addresses that room's stage alone, so `shown` gives what each room's stage shows now;
    whether the room exists is the server's to say (it knows the file).
    """
    data = json_object(body, _FIELDS, BadMessage)
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

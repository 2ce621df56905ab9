"""Every word a reader sees, one catalogue per language, chosen at the edge.

Findings and the command's notes (en.py, ko.py), the command's own errors
(usage.py, usage_en.py, usage_ko.py), the documents' labels (labels.py) and
the notices' and person calendars' words (notice_words.py).

A finding holds a code, a reason and typed arguments; `describe` looks up
the sentence for them in the reader's language. Codes stay English in
every language, so logs and `rules.ignore` read the same everywhere.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from agenda.core.findings import INVALID_FIELD, Finding

if TYPE_CHECKING:  # a Protocol for mypy alone: the program never needs the class
    from agenda.messages.catalogue_type import Catalogue

PREFIXED_BY_FIELD_EXCEPT = frozenset({"duplicate-key", "unknown-key", "missing", "not-a-forum"})
"""Invalid-field reasons that name their key themselves; every other one reads `field: what is wrong`."""


def catalogue(language: str) -> "Catalogue":
    """The findings catalogue of `language`, imported only when asked (a command loads one language).

    Returned as `Catalogue`, so mypy checks that en.py and ko.py both offer every
    word with the same arguments, and checks every call made through it.
    """
    if language == "ko":
        from agenda.messages import ko

        return ko
    from agenda.messages import en

    return en


def describe(finding: Finding, language: str) -> str:
    """The finding as one sentence in `language` (ko or en)."""
    messages = catalogue(language).MESSAGES
    key = f"{finding.code}/{finding.reason}" if finding.reason else finding.code
    sentence = messages.get(key)
    if sentence is None:  # a code from a newer check, not yet in this catalogue: say what is known
        return "; ".join(f"{name}={value}" for name, value in sorted(finding.args.items())) or finding.code
    text: str = sentence(finding.args)
    if finding.code == INVALID_FIELD and finding.reason not in PREFIXED_BY_FIELD_EXCEPT:
        text = f"{finding.args.get('field', 'value')}: {text}"
    return text


def locale_language(environ: Mapping[str, str]) -> str:
    """ko when the locale is Korean (LC_ALL, else LC_MESSAGES, else LANG, as POSIX reads them), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"

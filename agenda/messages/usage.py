"""The command's own errors into words: one table per language (usage_en.py, usage_ko.py), chosen at the edge.

A `UsageError` holds a reason and typed arguments, as a finding does; the
library raises it without knowing who reads it, and the command line words
it once it knows the reader's language. Option names, paths and the
operating system's error texts stay as they are in every language.
"""

from collections.abc import Callable, Mapping

from agenda.core.errors import UsageArgument

UsageArguments = Mapping[str, UsageArgument]
UsageWords = Callable[[UsageArguments], str]
"""A table entry: a usage error's arguments in, one sentence out."""


def usage_table(language: str) -> Mapping[str, UsageWords]:
    if language == "ko":
        from agenda.messages.usage_ko import USAGE

        return USAGE
    from agenda.messages.usage_en import USAGE as ENGLISH

    return ENGLISH


def usage_sentence(reason: str, arguments: UsageArguments, language: str) -> str:
    """The error as one sentence in `language` (ko or en)."""
    words = usage_table(language).get(reason)
    if words is None:  # a reason not yet in this table: say what is known rather than nothing
        given = ", ".join(f"{name}={value!r}" for name, value in sorted(arguments.items()))
        return f"{reason} ({given})" if given else reason
    return words(arguments)


def text(arguments: UsageArguments, name: str) -> str:
    return str(arguments.get(name, ""))


def quoted(arguments: UsageArguments, name: str) -> str:
    """A value as the person typed it, quoted as Python shows text (the English messages always did)."""
    return repr(arguments.get(name, ""))


def number(arguments: UsageArguments, name: str) -> int:
    value = arguments[name]
    assert isinstance(value, int)
    return value


def names(arguments: UsageArguments, name: str) -> tuple[str, ...]:
    value = arguments.get(name) or ()
    assert isinstance(value, tuple)
    return value

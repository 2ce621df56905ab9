"""Errors that stop a command: a file that cannot be read, options that make no sense.

An unreadable file is raised as `Unreadable` inside the loaders (the parse
cannot go on) and caught at the library's front door, where it becomes an
ordinary `unreadable` finding: reporters know one type only.
"""

from agenda.core.findings import UNREADABLE, Finding, Location, Severity


class AgendaError(Exception):
    """Base of every error `agenda` reports instead of a traceback."""


class Unreadable(AgendaError):
    """A file that cannot be read as a forum file: missing, too big, bad syntax."""

    def __init__(self, file: str, reason: str, line: int | None = None, column: int | None = None,
                 **args: str | int | None):
        self.finding = Finding(UNREADABLE, Severity.ERROR, reason, args,
                               Location(file=file, line=line, column=column))
        super().__init__(f"{file}: {reason}")


UsageArgument = str | int | tuple[str, ...]
"""What a usage error carries: paths, option names, numbers, the OS's own error text, lists of names."""


class UsageError(AgendaError):
    """Options that do not make sense together, or an output that cannot be written.

    Like a finding, it holds a reason (`folder-missing`) and typed arguments,
    not a sentence: the command line words it in the reader's language
    (agenda.messages.usage). `str()` gives the reason and its arguments
    (`folder-missing (folder='out', target='out/forum.ics')`), for logs: the
    core knows no sentence in any language, so the catalogues can depend on
    it and never the other way round.
    """

    def __init__(self, reason: str, **arguments: UsageArgument):
        super().__init__(reason)
        self.reason = reason
        self.arguments: dict[str, UsageArgument] = arguments

    def __str__(self) -> str:
        given = ", ".join(f"{name}={value!r}" for name, value in sorted(self.arguments.items()))
        return f"{self.reason} ({given})" if given else self.reason


class Terminated(BaseException):
    """SIGTERM or SIGHUP ended the command.

    A BaseException, as KeyboardInterrupt is, so that the clean-up that runs
    for Ctrl-C (removing a temporary output file) runs for these too.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

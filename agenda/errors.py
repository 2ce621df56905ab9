"""Errors that stop a command before any finding can be made.

A finding says "the file was read and something in it is wrong" (exit 1);
these say "the command could not run" (exit 2). Each carries what the user
needs to fix it: the file, the position when known, and what to do.
"""


class AgendaError(Exception):
    """Base of every error `agenda` reports instead of a traceback."""


class InputError(AgendaError):
    """A file that cannot be read as a forum file: missing, too big, bad syntax."""

    def __init__(self, file: str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.file = file
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class UsageError(AgendaError):
    """Options that do not make sense together, or an output that cannot be written."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP ended the command.

    A BaseException, as KeyboardInterrupt is, so that the clean-up that runs
    for Ctrl-C (removing a temporary output file) runs for these too.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

"""`python -m agenda` and the console script: a process that is agenda's own from its first line.

While the program is imported (Typer, Click and the command line: objects that all live until
the process ends), Python's cycle collector would run some thirty times and find nothing, about
4 ms of every start. It is off for the import alone; `entry_point` then sets it for the command,
as before (off for a one-shot command, on for `run` and `serve`).
"""

import gc


def run() -> None:
    collecting = gc.isenabled()
    gc.disable()
    from agenda.cli import entry_point

    if collecting:
        gc.enable()
    entry_point()


if __name__ == "__main__":
    run()

"""Run the shared checker over a batch of calendars in one process: one Python start, one set of imports.

    python ics_batch.py CHECK_ICS.py JOBS.json RESULTS.json   (RESULTS: a list of {"status", "report"})

Each job is the checker's own command line (a path and its options), handed
to its `main()` as it stands, so every calendar gets every check a run of its
own would give it, each with a Radicale of its own that the checker starts
and stops (one Radicale for all would not do: like vobject, a server keeps
the first definition of a TZID it reads, and each year's calendar defines
its zones afresh). What is shared is the Python start and the parsers'
imports. vobject keeps that same registry of time zones in the process, so
it is emptied before each calendar, as a fresh process would have it.
Scratch files (Radicale's storage, khal's vdir) go to tmpfs where there is one.
"""

import contextlib
import importlib.util
import io
import json
import sys


def load_checker(path: str):
    spec = importlib.util.spec_from_file_location("check_ics", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def forget_time_zones() -> None:
    """vobject's TZID registry as a fresh process has it (UTC only): its first definition of a TZID wins."""
    try:
        import vobject.icalendar as vobject_calendar
    except ImportError:
        return
    registry = vars(vobject_calendar)["__tzidMap"]
    utc = registry.get("UTC")
    registry.clear()
    if utc is not None:
        registry["UTC"] = utc


def find_each_library_once() -> None:
    """ctypes' find_library runs ldconfig, gcc and ld on every call, and the checker asks for libical
    once per calendar: the answer cannot change within the batch."""
    import ctypes.util
    import functools

    ctypes.util.find_library = functools.cache(ctypes.util.find_library)


def main() -> int:
    find_each_library_once()
    checker = load_checker(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as file:
        jobs = json.load(file)
    results = []
    for job in jobs:
        forget_time_zones()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                status = checker.main(job)
            except SystemExit as usage:  # the checker's own usage errors
                status = usage.code if isinstance(usage.code, int) else 2
        results.append({"status": status, "report": out.getvalue()})
    with open(sys.argv[3], "w", encoding="utf-8") as file:
        json.dump(results, file)
    return 0


if __name__ == "__main__":
    sys.exit(main())

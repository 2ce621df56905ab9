"""Benchmarks: agenda against floors measured in the same run, printed as ratios (medians).

    python benchmarks/run.py            # all three
    python benchmarks/run.py --quick    # fewer repetitions

1. cold start: `agenda validate <seed>` against a one-command Typer app that imports
   pydantic and reads the file (target: at most 1.1x);
2. bulk: `agenda validate DIR` over 1,000 forum files against parsing them with
   libyaml in one process (target: at most 1.3x);
3. conference: `agenda validate` of one file of 3 days, 10 rooms and 1,000 sessions
   (parallel blocks of a track per room) against the cold-start floor that also parses
   it with libyaml (`floor_file.py`; target: at most 1.3x);
4. growth: the installed `agenda validate` on forums of 1,250 to 10,000 segments,
   start-up included (target: linear, so 8x the segments costs at most 8x), and
   in-process .ics and HTML export of 500 to 2,000 segments (shown, not judged);
4. republish: `agenda publish --segments` of 200 segments that finds nothing changed,
   against vdirsyncer's sync of the same Radicale collection that finds the same,
   in CPU time of the client (target: at most 1.1x; see republish.py).
5. schedule: `agenda import` of frab's camp2019 (79 events) and `agenda export -o .xml`
   of what it wrote, against `floor_schedule.py` reading the same JSON and building the
   same schedule.xml with lxml, two processes each (shown, not judged; the example is in
   ../shared/conference-formats, or give --schedule FILE; skipped when there is none).

    python benchmarks/run.py --only republish   # one of them

6. stage: `agenda serve` with 2,000 open event streams against a bare Starlette event-stream
   app, and `agenda run` idle against a 1 Hz Rich clock (see stage_load.py; targets: a mark
   answered and on every stream within 1.3x, each stream getting it once; `run` at most 2x).

    python benchmarks/run.py --only stage
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "examples" / "ai-party-forum-2023-12-13.yaml"
ENGLISH = ROOT / "examples" / "open-data-symposium-en.yaml"
# The installed console script, as users run it; `python -m agenda` where it is not installed.
_SCRIPT = Path(sys.executable).with_name("agenda")
AGENDA = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "agenda"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}")
    return elapsed


def side_by_side(floor: list[str], ours: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Alternating runs, so load on the machine hits both alike."""
    floor_times, our_times = [], []
    timed(floor), timed(ours)  # warm the file cache and .pyc files
    for _ in range(runs):
        floor_times.append(timed(floor))
        our_times.append(timed(ours))
    return floor_times, our_times


def report(name: str, floor_times: list[float], our_times: list[float], target: float) -> bool:
    """The verdict is on the ratio of medians; the ratio of the fastest runs is shown beside it."""
    floor, ours = statistics.median(floor_times), statistics.median(our_times)
    ratio = ours / floor
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(f"{name:<11} floor {floor * 1000:8.1f} ms   agenda {ours * 1000:8.1f} ms   "
          f"ratio {ratio:5.2f}x (fastest runs {min(our_times) / min(floor_times):.2f}x, target <= {target}x) "
          f"{verdict}")
    return ratio <= target


def make_bulk(folder: Path, count: int) -> None:
    sources = [SEED.read_text(encoding="utf-8"), ENGLISH.read_text(encoding="utf-8")]
    for n in range(count):
        text = sources[n % 2]
        text = text.replace("id: ai-party-2023-2", f"id: forum-{n}").replace(
            "id: open-data-symposium-2024", f"id: forum-{n}")
        text = text.replace("duration: 25m", f"duration: {20 + n % 6}m", 1)
        (folder / f"forum-{n:04d}.yaml").write_text(text, encoding="utf-8")


def big_forum(segments: int) -> str:
    """A forum of `segments` segments, one flow mapping a line, so 10,000 stay under the 1 MiB file cap."""
    people = "\n".join(f"  p{n}: {{name: Person {n}, affiliation: Org {n % 7}, title: Title}}" for n in range(50))
    kinds = ["presentation", "panel", "qa", "break", "remarks"]
    program = "\n".join(
        f"  - {{kind: {kinds[n % 5]}, id: s{n}, title: Segment {n}, duration: 1m, speakers: [p{n % 50}]"
        + (f", items: [{{title: Item {n}, duration: 1m}}]" if n % 4 == 0 else "") + "}"
        for n in range(segments))
    minutes = segments  # a minute each: 10,000 minutes stay under the one-week bound on a duration
    return (f"forum:\n  id: big-{segments}\n  title: Big forum\n  date: 2024-01-10\n  start: '09:00'\n"
            f"  duration: {minutes}m\n  timezone: Asia/Seoul\n  language: en\npeople:\n{people}\nprogram:\n{program}\n"
            f"rules:\n  ignore: [crosses-midnight]\n")


def conference(days: int = 3, rooms: int = 10, blocks: int = 11, talks: int = 3) -> str:
    """One file of `days` days of an opening, a keynote, `blocks` parallel blocks of a track per room with
    `talks` talks a track, and a closing; the last day has an awards session too: 3 x (3 + 11 x 10 x 3) + 1
    = 1,000 sessions."""
    people = "\n".join(f"  p{n}: {{name: Person {n}, affiliation: Org {n % 11}}}" for n in range(300))
    room_lines = "\n".join(f"    r{r}: {{name: Room {r}, capacity: {40 + r}}}" for r in range(rooms))
    program, talk = [], 0
    for day in range(days):
        last = day == days - 1
        program.append(f"  - {{kind: day, title: Day {day + 1}}}")
        program.append(f"  - {{kind: opening, id: o{day}, duration: 5m}}")
        program.append(f"  - {{kind: keynote, id: k{day}, duration: {15 if last else 20}m, speaker: p{day}}}")
        for block in range(blocks):
            program.append(f"  - kind: parallel\n    id: b{day}-{block}\n    tracks:")
            for room in range(rooms):
                sessions = ", ".join(f"{{kind: presentation, id: t{talk + n}, duration: 20m, "
                                     f"speaker: p{(talk + n) % 300}}}" for n in range(talks))
                program.append(f"      - {{room: r{room}, program: [{sessions}]}}")
                talk += talks
        if last:
            program.append(f"  - {{kind: other, id: awards, title: Awards, duration: 5m, speaker: p{day + 6}}}")
        program.append(f"  - {{kind: closing, id: c{day}, duration: fill, speaker: p{day + 3}}}")
    return (f"forum:\n  id: conference\n  title: A conference\n  date: 2024-05-20\n  start: '08:00'\n"
            f"  end: '19:30'\n  timezone: Asia/Seoul\n  language: en\n  venue: Convention Centre\n"
            f"  rooms:\n{room_lines}\npeople:\n{people}\nprogram:\n" + "\n".join(program) + "\n")


def scale(runs: int) -> list[tuple[int, dict[str, float]]]:
    sys.path.insert(0, str(ROOT))
    from agenda.loading.analysis import analyze
    from agenda.cli import configure_process
    from agenda.export.formats import export_bytes

    configure_process(["export"])  # the same process settings as a one-shot command

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (500, 1000, 2000):
            path = Path(tmp) / f"big-{size}.yaml"
            path.write_text(big_forum(size), encoding="utf-8")
            times: dict[str, list[float]] = {"validate": [], "ics": [], "html": []}
            for _ in range(runs):
                start = time.perf_counter()
                analysis = analyze(str(path))
                times["validate"].append(time.perf_counter() - start)
                assert analysis.valid, analysis.findings[:3]
                for fmt in ("ics", "html"):
                    start = time.perf_counter()
                    export_bytes(fmt, [analysis.plan], segments=fmt == "ics")
                    times[fmt].append(time.perf_counter() - start)
            results.append((size, {k: statistics.median(v) for k, v in times.items()}))
    return results


def growth(runs: int) -> bool:
    """The installed command, start-up included: the cost of each doubling of the segments."""
    sizes = (1250, 2500, 5000, 10000)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for size in sizes:
            path = Path(tmp) / f"big-{size}.yaml"
            path.write_text(big_forum(size), encoding="utf-8")
            paths.append(path)
        times = {size: [] for size in sizes}
        for path in paths:
            timed(AGENDA + ["validate", str(path)])  # warm the caches
        for _ in range(runs):
            for size, path in zip(sizes, paths):
                times[size].append(timed(AGENDA + ["validate", str(path)]))
    medians = {size: statistics.median(t) for size, t in times.items()}
    print("growth      segments   validate (installed command, ms, median)")
    for size in sizes:
        print(f"            {size:8d} {medians[size] * 1000:10.1f}")
    factor = medians[sizes[-1]] / medians[sizes[0]]
    expected = sizes[-1] / sizes[0]
    verdict = "ok" if factor <= expected else "OVER TARGET"
    print(f"            {expected:.0f}x segments -> {factor:.2f}x time (target <= {expected:.0f}x, linear) {verdict}")
    return factor <= expected


CAMP = ROOT.parent / "shared" / "conference-formats" / "examples" / "frab-camp2019.json"


def schedule_round_trip(source: Path, runs: int) -> None:
    """agenda import + export -o .xml against json.load + an lxml build: printed, not judged."""
    if not source.exists():
        print(f"schedule    skipped: no {source}")
        return
    folder = Path(tempfile.mkdtemp(prefix="agenda-schedule-"))
    try:
        forum, ours_xml, floor_json, floor_xml = (folder / n for n in ("f.yaml", "o.xml", "f.json", "f.xml"))
        floor_times, our_times = [], []
        for n in range(runs + 1):  # the first of each warms the caches and is not counted
            floor = timed([sys.executable, str(HERE / "floor_schedule.py"), "import", str(source), str(floor_json)]) \
                + timed([sys.executable, str(HERE / "floor_schedule.py"), "export", str(source), str(floor_xml)])
            ours = timed(AGENDA + ["import", str(source), "-o", str(forum), "--force"]) \
                + timed(AGENDA + ["export", str(forum), "-o", str(ours_xml)])
            if n:
                floor_times.append(floor)
                our_times.append(ours)
        floor_median, our_median = statistics.median(floor_times), statistics.median(our_times)
        print(f"schedule    import + export of {source.name}: {our_median * 1000:.0f} ms against "
              f"{floor_median * 1000:.0f} ms: ratio {our_median / floor_median:.2f}x "
              f"(fastest runs {min(our_times) / min(floor_times):.2f}x; shown, not judged)")
    finally:
        shutil.rmtree(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--files", type=int, default=1000, help="forum files in the bulk run")
    parser.add_argument("--only", choices=["republish", "schedule", "stage"], help="run only this benchmark")
    parser.add_argument("--schedule", type=Path, default=CAMP, help="the schedule.json of the schedule run")
    args = parser.parse_args()
    runs = 5 if args.quick else 21
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    ok = True
    sys.path.insert(0, str(HERE))
    from republish import republish

    if args.only == "schedule":
        schedule_round_trip(args.schedule, 5 if args.quick else 11)
        return 0
    if args.only == "stage":
        from stage_load import run_against_clock, serve_against_floor

        ok = serve_against_floor(2000, 6, 1 if args.quick else 2)
        ok &= run_against_clock(10.0, 1 if args.quick else 3)
        print("all targets met" if ok else "SOME TARGETS MISSED")
        return 0 if ok else 1

    if args.only == "republish":
        ok = republish(AGENDA, big_forum(200), 5 if args.quick else 11, report)
        print("all targets met" if ok else "SOME TARGETS MISSED")
        return 0 if ok else 1

    floor, ours = side_by_side([sys.executable, str(HERE / "floor_app.py"), str(SEED)],
                               AGENDA + ["validate", str(SEED)], runs)
    ok &= report("cold start", floor, ours, 1.1)

    folder = Path(tempfile.mkdtemp(prefix="agenda-bulk-"))
    try:
        make_bulk(folder, args.files)
        floor, ours = side_by_side([sys.executable, str(HERE / "floor_yaml.py"), str(folder)],
                                   AGENDA + ["validate", str(folder)], max(3, runs // 3))
        ok &= report(f"bulk {args.files}", floor, ours, 1.3)
    finally:
        shutil.rmtree(folder)

    folder = Path(tempfile.mkdtemp(prefix="agenda-conference-"))
    try:
        (folder / "conference.yaml").write_text(conference(), encoding="utf-8")
        floor, ours = side_by_side([sys.executable, str(HERE / "floor_file.py"), str(folder / "conference.yaml")],
                                   AGENDA + ["validate", str(folder / "conference.yaml")], runs)
        ok &= report("conference", floor, ours, 1.3)
    finally:
        shutil.rmtree(folder)

    ok &= growth(3 if args.quick else 7)

    ok &= republish(AGENDA, big_forum(200), 5 if args.quick else 11, report)

    schedule_round_trip(args.schedule, 5 if args.quick else 11)

    series = scale(3 if args.quick else 7)
    print("scale       segments   validate       .ics       html   (ms, median)")
    for size, t in series:
        print(f"            {size:8d} {t['validate'] * 1000:10.1f} {t['ics'] * 1000:10.1f} {t['html'] * 1000:10.1f}")
    base = series[0][1]
    for size, t in series[1:]:
        ratios = {k: t[k] / base[k] for k in t}
        print(f"            {size // series[0][0]}x segments -> " +
              ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items()))
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

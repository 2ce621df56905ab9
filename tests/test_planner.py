"""The planner: times from durations, `at`, `until`, `each`, flexible segments, and DST-honest arithmetic."""

from datetime import timedelta

from agenda.loading.analysis import analyze, analyze_text
from helpers import ENGLISH, SEED


def hm(moment):
    return None if moment is None else f"{moment:%H:%M}"


def spans(plan):
    return [(s.id, hm(plan.local(s.start)), hm(plan.local(s.end)), s.minutes) for s in plan.segments]


def test_seed_forum_times():
    plan = analyze(str(SEED)).plan
    assert spans(plan) == [
        ("registration", "13:30", "14:00", 30),
        ("opening", "14:00", "14:15", 15),
        ("moderator-greeting", "14:15", "14:20", 5),
        ("presentation", "14:20", "14:45", 25),
        ("panel", "14:45", "15:30", 45),
        ("qa", "15:30", "15:55", 25),
    ]
    assert (plan.scheduled_minutes, plan.slack_minutes, plan.window_minutes) == (115, 5, 120)
    assert [(hm(plan.local(i.start)), hm(plan.local(i.end))) for i in plan.segments[4].items] == [
        ("14:45", "15:00"), ("15:00", "15:15"), ("15:15", "15:30")]
    assert [(i.start, i.minutes) for i in plan.segments[1].items] == [(None, None)] * 3


def test_english_example_fills_flexible_segments_up_to_pinned_starts():
    plan = analyze(str(ENGLISH)).plan
    assert spans(plan) == [
        ("registration", "08:30", "09:00", 30),
        ("welcome", "09:00", "09:10", 10),
        ("keynote", "09:10", "09:50", 40),
        ("panel", "09:50", "10:35", 45),
        ("panel-qa", "10:35", "11:00", 25),
        ("coffee", "11:00", "11:15", 15),
        ("case-studies", "11:15", "11:45", 30),
        ("open-floor", "11:45", "12:20", 35),
        ("closing", "12:20", "12:30", 10),
    ]
    assert plan.slack_minutes == 0 and plan.scheduled_minutes == 210


def program(body, start="10:00", end="11:00", zone="Asia/Seoul", date="2024-05-02"):
    return (f"forum:\n  id: p\n  title: P\n  date: {date}\n  start: '{start}'\n  end: '{end}'\n"
            f"  timezone: {zone}\nprogram:\n{body}")


def test_flexible_minutes_are_spread_evenly_earliest_first():
    text = program("""\
  - {kind: presentation, duration: 10m}
  - {kind: qa, duration: {min: 10m}}
  - {kind: panel, duration: {min: 10m}}
  - {kind: closing, duration: fill}
""")
    # 60 - 10 - (10 + 10 + 0) leaves 30: 10 each. With 9 minutes first, 31 leaves one more for the earliest.
    plan = analyze_text(text, "f.yaml").plan
    assert [s.minutes for s in plan.segments] == [10, 20, 20, 10]
    odd = analyze_text(text.replace("{kind: presentation, duration: 10m}", "{kind: presentation, duration: 9m}"),
                       "f.yaml").plan
    assert [s.minutes for s in odd.segments] == [9, 21, 20, 10]


def test_flexible_maximum_passes_the_rest_on():
    text = program("""\
  - {kind: qa, duration: {min: 5m, max: 10m}}
  - {kind: panel, duration: {min: 5m}}
""")
    plan = analyze_text(text, "f.yaml").plan
    assert [s.minutes for s in plan.segments] == [10, 50]


def test_flexible_segments_leave_slack_when_all_are_at_their_maximum():
    text = program("  - {kind: qa, duration: {min: 20m, max: 30m}}\n")
    analysis = analyze_text(text, "f.yaml")
    assert analysis.plan.segments[0].minutes == 30
    assert [f.code for f in analysis.findings] == ["slack"]


def test_each_times_speakers_gives_the_duration():
    text = program("  - {kind: panel, each: 15m, speakers: [{name: A}, {name: B}, {name: C}, {name: D}]}\n")
    assert analyze_text(text, "f.yaml").plan.segments[0].minutes == 60


def test_until_pins_the_end_and_duration_counts_back():
    text = program("""\
  - {kind: registration, duration: 30m, until: '10:00'}
  - {kind: qa, until: '11:00'}
""")
    plan = analyze_text(text, "f.yaml").plan
    assert spans(plan) == [("registration-1", "09:30", "10:00", 30), ("qa-1", "10:00", "11:00", 60)]


def test_items_without_a_segment_duration_make_it():
    text = program("""\
  - kind: opening
    items: [{title: A, duration: 20m}, {title: B, duration: 40m}]
""")
    plan = analyze_text(text, "f.yaml").plan
    assert spans(plan) == [("opening-1", "10:00", "11:00", 60)]


def test_default_ids_count_per_kind_so_inserting_another_kind_keeps_them():
    text = program("""\
  - {kind: panel, duration: 20m}
  - {kind: qa, duration: 10m}
  - {kind: panel, duration: 30m}
""")
    assert [s.id for s in analyze_text(text, "f.yaml").plan.segments] == ["panel-1", "qa-1", "panel-2"]


def test_durations_are_elapsed_minutes_across_the_end_of_dst():
    # New York, 3 November 2024: 01:00-02:00 happens twice. 00:30 EDT to 03:00 EST is 210 minutes.
    text = program("""\
  - {kind: presentation, duration: 60m}
  - {kind: panel, duration: 60m}
  - {kind: qa, duration: fill}
""", start="00:30", end="03:00", zone="America/New_York", date="2024-11-03")
    plan = analyze_text(text, "f.yaml").plan
    assert plan.window_minutes == 210
    first, second, rest = plan.segments
    assert plan.local(first.end).isoformat() == "2024-11-03T01:30:00-04:00"
    assert plan.local(second.end).isoformat() == "2024-11-03T01:30:00-05:00"  # the second 01:30
    assert rest.minutes == 90 and plan.local(rest.end).isoformat() == "2024-11-03T03:00:00-05:00"
    assert first.end < second.end < rest.end  # instants: the second 01:30 is the later one


def test_window_by_duration_and_crossing_midnight():
    text = program("  - {kind: qa, duration: fill}\n", start="23:00", end="01:00")
    plan = analyze_text(text, "f.yaml").plan
    assert plan.window_minutes == 120 and plan.local(plan.window_end).date() - plan.local(plan.window_start).date() == timedelta(days=1)
    by_duration = text.replace("  end: '01:00'\n", "  duration: 2h\n")
    assert analyze_text(by_duration, "f.yaml").plan.window_end == plan.window_end


def test_the_plan_holds_the_files_titles_and_no_words_of_a_language():
    plan = analyze(str(SEED)).plan
    assert plan.segments[1].title is None and plan.segments[5].title == "질의응답·자유토론"


def test_cancelled_segment_keeps_its_time_and_leaves_the_minutes_unscheduled():
    text = program("""\
  - {kind: presentation, duration: 30m, status: cancelled}
  - {kind: qa, duration: 30m}
""")
    plan = analyze_text(text, "f.yaml").plan
    assert spans(plan)[1] == ("qa-1", "10:30", "11:00", 30)
    assert plan.segments[0].cancelled and plan.scheduled_minutes == 30 and plan.slack_minutes == 30


def test_registration_with_only_until_has_an_open_start():
    text = program("""\
  - {kind: registration, until: '10:00'}
  - {kind: qa, duration: 60m}
""")
    plan = analyze_text(text, "f.yaml").plan
    assert spans(plan) == [("registration-1", None, "10:00", None), ("qa-1", "10:00", "11:00", 60)]
    assert plan.scheduled_minutes == 60


def test_registration_with_only_until_inside_the_window_is_scheduled_time_not_a_gap():
    """The doors open with the window: 09:30-11:00 with registration until 10:00 has nothing unscheduled
    (a new user's two-day trial read `610 / 640분 · 30분 미배정`). A cancelled one leaves its time."""
    body = """  - {kind: registration, until: '10:00'%s}
  - {kind: qa, duration: 60m}
"""
    plan = analyze_text(program(body % "", start="09:30"), "f.yaml").plan
    assert (plan.window_minutes, plan.scheduled_minutes, plan.slack_minutes) == (90, 90, 0)
    cancelled = analyze_text(program(body % ", status: cancelled", start="09:30"), "f.yaml").plan
    assert (cancelled.scheduled_minutes, cancelled.slack_minutes) == (60, 30)
    later = analyze_text(program("""\
  - {kind: presentation, duration: 30m, at: '10:00'}
  - {kind: registration, until: '11:00'}
  - {kind: qa, duration: 60m}
""", start="09:00", end="12:00"), "f.yaml").plan  # later doors run from where the programme stands
    assert (later.scheduled_minutes, later.slack_minutes) == (120, 60)  # 09:00-10:00 is still a gap


def test_doors_before_a_late_start_stay_on_the_forums_day(tmp_path):
    """In a 23:00-01:00 forum, `at: "22:30"` is the evening before the start, not 22:30 the next day;
    `agenda init --start 23:00` once failed on its own registration slot."""
    from helpers import run

    target = tmp_path / "late.yaml"
    run("init", target, "--start", "23:00", "--date", "2024-05-20")
    table = run("plan", target, env={"COLUMNS": "100"}).stdout
    assert "│ 22:30~23:00 " in table and "23:00~01:00(+1)" in table
    assert "zero-duration" not in run("validate", target).stdout


def test_the_kind_enum_has_one_member_per_row_of_the_kinds_table_in_its_order():
    """`Kind` is written out (so mypy knows its members); the table in agenda.core.kinds stays its source."""
    from agenda.core.kinds import KINDS
    from agenda.core.model import Kind

    assert [kind.value for kind in Kind] == list(KINDS)
    assert all(kind.name == kind.value.upper() for kind in Kind)

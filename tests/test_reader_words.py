"""The command line's own notes follow the reader: a ko file reads Korean, --lang en reads English."""

from pathlib import Path

from helpers import SEED, run


def test_export_says_what_it_wrote_in_the_files_language(tmp_path: Path) -> None:
    out = tmp_path / "x.ics"
    assert run("export", SEED, "-o", out).stderr.endswith(f"\n{out}에 썼습니다\n")
    assert run("export", SEED, "-o", out, "--lang", "en").stderr.endswith(f"\nwrote {out}\n")


def test_per_person_says_how_many_calendars_in_the_files_language(tmp_path: Path) -> None:
    folder = tmp_path / "people"
    korean = run("export", SEED, "--per-person", folder).stderr
    count = len(list(folder.glob("*.ics")))
    assert count > 1 and korean.endswith(f"\n{folder}에 캘린더 {count}개를 썼습니다\n")
    assert run("export", SEED, "--per-person", folder, "--lang", "en").stderr.endswith(
        f"\nwrote {count} calendars in {folder}\n")


def test_force_is_not_offered_when_a_file_gave_no_plan(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("forum: [\n", encoding="utf-8")
    out = tmp_path / "x.ics"
    english = run("export", broken, "-o", out, "--force", exit_status=2).stderr
    assert english.endswith("\nnothing written: fix the errors above\n") and "--force" not in english
    korean = run("export", broken, "-o", out, "--force", exit_status=2, env={"LANG": "ko_KR.UTF-8"}).stderr
    assert korean.endswith("\n아무것도 쓰지 않았습니다. 위의 오류를 고치세요\n") and "--force" not in korean
    assert not out.exists()


def test_errors_in_a_plan_still_offer_force(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("duration: 25m", "duration: 95m", 1)
    forum = tmp_path / "over.yaml"
    forum.write_text(text, encoding="utf-8")
    korean = run("export", forum, "-o", tmp_path / "x.ics", exit_status=1).stderr
    assert korean.endswith("\n아무것도 쓰지 않았습니다. 위의 오류를 고치거나 --force로 그래도 내보내세요\n")
    english = run("export", forum, "-o", tmp_path / "x.ics", "--lang", "en", exit_status=1).stderr
    assert english.endswith("\nnothing written: fix the errors above, or use --force to export anyway\n")


def test_timeline_outside_the_table_is_said_not_silently_dropped() -> None:
    for format_ in ("json", "markdown"):
        korean = run("plan", SEED, "--timeline", "--format", format_)
        assert korean.stderr.startswith(f"--timeline은 표 아래에만 그립니다. --format {format_}에는 타임라인이 없습니다\n")
        english = run("plan", SEED, "--timeline", "--format", format_, "--lang", "en")
        assert english.stderr.startswith(f"--timeline draws under the table only; --format {format_} has no timeline\n")
    assert "--timeline" not in run("plan", SEED, "--timeline").stderr


def _day_forum(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "forum.yaml"
    shutil.copy(SEED, target)
    return target


def test_an_impossible_mark_is_said_in_the_readers_language(tmp_path: Path) -> None:
    forum = _day_forum(tmp_path)
    log = tmp_path / "forum.actuals.jsonl"
    run("mark", forum, "start", "--at", "14:00:04")
    korean = run("mark", forum, "next", "--at", "14:00:01", exit_status=1).stderr
    assert korean == (f"{log}: 마지막 기록(14:00:04)보다 이른 시각(14:00:01)입니다. --at에 더 늦은 시각을 주거나, "
                      f"그 기록을 먼저 되돌리세요. 아무것도 기록하지 않았습니다\n")
    english = run("mark", forum, "next", "--at", "14:00:01", "--lang", "en", exit_status=1).stderr
    assert english == (f"{log}: 14:00:01 is before the latest mark in force (14:00:04); give a later --at, "
                       f"or undo that mark first; nothing appended\n")
    started = run("mark", forum, "start", "opening", "--at", "14:01", exit_status=1).stderr
    assert started == (f"{log}: 'opening'은(는) 이미 14:00:04에 시작했습니다. 다시 시작하려면 그 기록을 되돌리세요. "
                       f"아무것도 기록하지 않았습니다\n")
    assert run("mark", forum, "start", "opening", "--at", "14:01", "--lang", "en", exit_status=1).stderr == (
        f"{log}: 'opening' already started at 14:00:04; undo that mark to start it again; nothing appended\n")


def test_the_undo_line_names_the_mark_in_words(tmp_path: Path) -> None:
    forum = _day_forum(tmp_path)
    run("mark", forum, "start", "--at", "14:00")
    run("mark", forum, "next", "--at", "14:10")
    korean = run("mark", forum, "undo", "--at", "14:11").stdout
    assert korean.startswith("마지막 기록 취소 (다음 ") and " 14:10)" in korean
    run("mark", forum, "next", "--at", "14:12")
    english = run("mark", forum, "undo", "--at", "14:13", "--lang", "en").stdout
    assert english.startswith("latest mark withdrawn (next ") and " 14:12)" in english
    withdrawn_start = run("mark", forum, "undo", "--at", "14:13", "--lang", "en").stdout
    assert withdrawn_start.startswith("latest mark withdrawn (start ")


def test_a_logged_mark_that_no_longer_fits_is_warned_about_in_the_readers_language(tmp_path: Path) -> None:
    forum = _day_forum(tmp_path)
    (tmp_path / "forum.actuals.jsonl").write_text(
        '{"at": "2023-12-13T14:00:00+09:00", "mark": "end", "segment": null}\n', encoding="utf-8")
    korean = run("now", forum, "--at", "14:01").stderr
    assert korean == "경고: 기록(종료 14:00:00)을 무시합니다: 진행 중인 순서가 없어 끝낼 것이 없습니다. 먼저 순서를 시작하세요\n"
    english = run("now", forum, "--at", "14:01", "--lang", "en").stderr
    assert english == "warning: end 14:00:00 ignored: nothing is running, so nothing can end; start a segment first\n"

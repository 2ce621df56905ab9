"""Comparing each person's parts between two versions: typed changes, people matched by id, else by name."""

from agenda.loading.analysis import analyze_text
from agenda.core.part_changes import compare_people
from notice_forums import FORUM, edited


def changes(*replacements) -> dict[str, list[tuple]]:
    before = analyze_text(FORUM, "old.yaml").plan
    after = analyze_text(edited(FORUM, *replacements), "new.yaml").plan
    return {person.key: [(c.change, c.part.key, c.before if c.change in ("title", "minutes") else None,
                          c.after if c.change in ("title", "minutes") else None) for c in person.changes]
            for person in compare_people(before, after)}


def test_nothing_changed_means_no_changes_for_anyone():
    assert changes() == {key: [] for key in ("koo", "mc", "lee", "kwon", "cho", "yang")}


def test_a_new_title_is_a_title_change_for_that_segments_people_only():
    found = changes(('title: "발제: AI 시대의 정당"', 'title: "발제: AI와 정당"'))
    assert found["lee"] == [("title", ("talk", None), "발제: AI 시대의 정당", "발제: AI와 정당")]
    assert not any(found[key] for key in found if key != "lee")


def test_a_newcomer_is_added_and_the_one_they_replace_removed():
    found = changes(("speakers: [lee]", "speakers: [{name: 홍길동, email: hong@example.org}]"))
    assert found["홍길동"] == [("added", ("talk", None), None, None)]
    assert found["lee"] == [("removed", ("talk", None), None, None)]


def test_a_segment_restored_is_told_to_its_people():
    cancelled = FORUM.replace("    speakers: [lee]\n", "    speakers: [lee]\n    status: cancelled\n")
    before = analyze_text(cancelled, "old.yaml").plan
    after = analyze_text(FORUM, "new.yaml").plan
    found = {p.key: [c.change for c in p.changes] for p in compare_people(before, after)}
    assert found["lee"] == ["restored"] and not found["kwon"]


def test_people_are_matched_by_id_else_by_name():
    found = changes(("  kwon: {name: 권영설,", "  kwon-ys: {name: 권영설,"),
                    ("speakers: [kwon, cho, yang]", "speakers: [kwon-ys, cho, yang]"))
    assert "kwon" not in found and found["kwon-ys"] == []
    moved = changes(("  kwon: {name: 권영설,", "  kwon-ys: {name: 권영설,"),
                    ("speakers: [kwon, cho, yang]", "speakers: [cho, kwon-ys, yang]"))
    assert [c[0] for c in moved["kwon-ys"]] == ["start", "end"]
    assert [c[0] for c in moved["cho"]] == ["start", "end"]

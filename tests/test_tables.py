"""One table per concept: the kinds and the export formats are each listed once, and the rest follows."""

import json

from agenda.messages.labels import labels_for
from agenda.core.kinds import KINDS
from agenda.core.model import Kind
from helpers import SEED, run


def test_the_model_the_schema_and_the_labels_all_come_from_kinds():
    assert [kind.value for kind in Kind] == list(KINDS)
    schema = json.loads(run("schema").stdout)
    assert schema["$defs"]["Kind"]["enum"] == list(KINDS)
    for name, row in KINDS.items():
        assert labels_for("ko").kind(name) == row.ko
        assert labels_for("en").kind(name) == row.en


def test_markdown_is_one_format_that_md_still_names(tmp_path):
    from agenda.export.formats import FORMATS, SUFFIXES, format_for

    assert [f.name for f in FORMATS] == ["ics", "markdown", "html", "csv", "json", "pdf"]
    assert SUFFIXES[".md"] == SUFFIXES[".markdown"] == "markdown"
    assert format_for("x.ics", "md") == format_for("x.ics", "markdown") == "markdown"
    by_alias = run("export", SEED, "-o", "-", "--format", "md").stdout
    assert by_alias == run("export", SEED, "-o", "-", "--format", "markdown").stdout
    run("export", SEED, "-o", tmp_path / "p.markdown")
    assert (tmp_path / "p.markdown").read_text(encoding="utf-8") == by_alias


def test_every_format_is_offered_on_the_command_line_and_picked_by_its_suffixes(tmp_path):
    from agenda.export.formats import FORMATS

    help_text = run("export", "--help").stdout
    for fmt in FORMATS:
        assert fmt.name in help_text
        for suffix in fmt.suffixes:
            out = tmp_path / f"p{suffix}"
            run("export", SEED, "-o", out)
            assert out.read_bytes() and out.read_bytes() != b"", suffix
    failed = run("export", SEED, "-o", tmp_path / "p.txt", exit_status=2)
    assert "use .ics, .md, .html, .csv, .json or .pdf, or --format" in failed.stderr

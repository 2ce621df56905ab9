"""One table per concept: the kinds and the export formats are each listed once, and the rest follows."""

import json
import os

import pytest

from agenda.messages.labels import labels_for
from agenda.core.kinds import KINDS
from agenda.core.model import Kind
from helpers import ROOT, SEED, run


def test_the_model_the_schema_and_the_labels_all_come_from_kinds():
    assert [kind.value for kind in Kind] == list(KINDS)
    schema = json.loads(run("schema").stdout)
    assert schema["$defs"]["Kind"]["enum"] == list(KINDS)
    for name, row in KINDS.items():
        assert labels_for("ko").kind(name) == row.ko
        assert labels_for("en").kind(name) == row.en


def test_markdown_is_one_format_that_md_still_names(tmp_path):
    from agenda.export.formats import format_for, offered

    assert [f.name for f in offered("export")] == ["ics", "markdown", "html", "csv", "json", "pdf",
                                                      "schedule-xml", "schedule-json"]
    assert format_for("x.md", None) == format_for("x.markdown", None) == "markdown"
    assert format_for("x.ics", "md") == format_for("x.ics", "markdown") == "markdown"
    by_alias = run("export", SEED, "-o", "-", "--format", "md").stdout
    assert by_alias == run("export", SEED, "-o", "-", "--format", "markdown").stdout
    run("export", SEED, "-o", tmp_path / "p.markdown")
    assert (tmp_path / "p.markdown").read_text(encoding="utf-8") == by_alias


def test_every_format_is_offered_on_the_command_line_and_picked_by_its_suffixes(tmp_path):
    from agenda.export.formats import offered

    help_text = run("export", "--help").stdout
    for fmt in offered("export"):
        assert fmt.name in help_text
        for suffix in fmt.suffixes:
            out = tmp_path / f"p{suffix}"
            run("export", SEED, "-o", out)
            assert out.read_bytes() and out.read_bytes() != b"", suffix
    failed = run("export", SEED, "-o", tmp_path / "p.txt", exit_status=2)
    assert "use .ics, .md, .html, .csv, .json, .pdf or .xml, or --format" in failed.stderr


def _format_options() -> dict[str, object]:
    """Every command's --format option (a Click parameter), as the program built by Typer has it."""
    import typer.main

    from agenda.cli import build_app

    program = typer.main.get_command(build_app())
    return {name: param for name, command in program.commands.items()
            for param in command.params if "--format" in param.opts}


def test_every_commands_format_choices_and_default_are_the_format_tables_rows():
    from agenda.export.formats import FORMATS, format_help, offered

    options = _format_options()
    assert set(options) == {f.command for f in FORMATS}  # no command chooses a format elsewhere
    for command, option in options.items():
        rows = offered(command)
        choices = [choice.value for choice in option.type_descriptor.choices]
        assert choices == [name for f in rows for name in (f.name, *f.aliases)], command
        assert option.help.startswith(format_help(command)), command
        if option.default is not None:  # plan, validate, diff, now: the first row; export, report: OUT decides
            assert option.default.value == rows[0].name, command
        for row in rows:
            assert callable(row.writer()), row  # every "module:function" names a real function


def test_the_suffixes_an_output_picks_are_the_rows_of_its_command(tmp_path):
    """`-o OUT` picks a format by suffix in the commands that have both -o and --format; each suffix
    in the table writes what `--format NAME` writes, and nothing outside the table is taken."""
    import typer.main

    from agenda.cli import build_app
    from agenda.export.formats import FORMATS, Shown, offered

    program = typer.main.get_command(build_app())
    with_output = {name for name, command in program.commands.items()
                   if any("--output" in p.opts for p in command.params)}
    assert with_output & set(_format_options()) == {f.command for f in FORMATS if f.suffixes} == {"export", "report"}
    stamp = {"SOURCE_DATE_EPOCH": "1700000000"}  # a calendar's DTSTAMP, not the second each run starts in
    for command in ("export", "report"):
        for row in offered(command):
            named = run(command, SEED, "-o", "-", "--format", row.name, env=stamp).stdout_bytes
            for suffix in row.suffixes:
                out = tmp_path / f"{command}{suffix}"
                run(command, SEED, "-o", out, env=stamp)
                if row.shown is Shown.DOCUMENT and row.name != "pdf":  # a PDF is stamped as it is printed
                    assert out.read_bytes() == named, (command, suffix)
                else:
                    assert out.read_bytes(), (command, suffix)
        refused = run(command, SEED, "-o", tmp_path / f"{command}.xlsx", exit_status=2)
        listed = [f.suffixes[0] for f in offered(command) if f.suffixes]  # schedule-json: --format only
        assert f"use {', '.join(listed[:-1])} or {listed[-1]}, or --format" in refused.stderr
        assert not (tmp_path / f"{command}.xlsx").exists()


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("args, said", [
    (["plan", SEED], "--format: choose table, json or markdown (got 'nope')"),
    (["validate", SEED], "--format: choose text, json or github (got 'nope')"),
    (["export", SEED, "-o", "x.ics"], "--format: choose ics, markdown, md, html, csv, json, pdf, schedule-xml or schedule-json (got 'nope')"),
    (["diff", SEED, SEED], "--format: choose text, json or markdown (got 'nope')"),
    (["now", SEED], "--format: choose text or json (got 'nope')"),
    (["report", SEED], "--format: choose table, json, markdown, csv, html or pdf (got 'nope')"),
])
def test_an_unknown_format_is_refused_as_before_in_both_languages(args, said, lang):
    """The option parser's words, as before the table; a Korean run says them in Korean (--lang as typed)."""
    refused = run(*args, "--format", "nope", "--lang", lang, exit_status=2)
    if lang == "ko":
        choices = said.removeprefix("--format: choose ").removesuffix(" (got 'nope')").replace(" or ", ", ")
        said = f"--format: {choices} 중에서 고르세요(받은 값: 'nope')"
    assert refused.stdout == "" and refused.stderr.splitlines()[0] == said


@pytest.mark.parametrize("command, lang, said", [
    ("export", "en", "agenda: {out}: cannot tell the format from .xlsx; use .ics, .md, .html, .csv, .json, .pdf or .xml, "
                     "or --format"),
    ("export", "ko", "agenda: {out}: 확장자 .xlsx에서 형식을 알 수 없습니다. .ics, .md, .html, .csv, .json, .pdf, .xml 중 "
                     "하나로 끝나게 하거나 --format을 주세요"),
    ("report", "en", "agenda: {out}: cannot tell the format from .xlsx; use .txt, .json, .md, .csv, .html or .pdf, "
                     "or --format"),
    ("report", "ko", "agenda: {out}: 확장자 .xlsx에서 형식을 알 수 없습니다. .txt, .json, .md, .csv, .html, .pdf 중 하나로 "
                     "끝나게 하거나 --format을 주세요"),
])
def test_an_unknown_suffix_is_refused_as_before_in_both_languages(tmp_path, command, lang, said):
    out = tmp_path / "programme.xlsx"
    refused = run(command, SEED, "-o", out, "--lang", lang, exit_status=2)
    assert refused.stderr == said.format(out=out) + "\n"
    assert not out.exists()


def test_a_format_a_command_does_not_offer_is_a_clear_error_from_the_library():
    from agenda.core.errors import UsageError
    from agenda.export.formats import chosen_format, export_bytes, format_for

    with pytest.raises(UsageError) as unknown:
        format_for("x.ics", "table")  # plan's and report's, not export's
    assert unknown.value.reason == "unknown-format" and "table" not in unknown.value.arguments["choices"]
    with pytest.raises(UsageError) as not_known:
        chosen_format("now", "markdown")
    assert not_known.value.reason == "format-not-known"
    with pytest.raises(UsageError):
        export_bytes("github", [])


def test_the_format_table_imports_no_writer_until_one_is_chosen():
    """Every command builds its --format choices from the table at start-up; `agenda validate` must
    still load neither Rich nor icalendar nor any renderer (benchmarks/run.py's cold start)."""
    import subprocess
    import sys

    probe = ("import sys; from agenda.cli import build_app; build_app(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'icalendar') "
             "or m.startswith(('agenda.render.', 'agenda.export.')) and m != 'agenda.export.formats'))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert loaded == "[]\n"

"""The documentation's promises: the README's two commands are the ones CI runs, and its examples are true.

Every `console` block of the README and docs/ (FORMAT.md aside: it is the shared
contract) is run here, or names the test that runs it; none is skipped silently.
"""

import re
import shlex
import subprocess

import pytest

from doc_examples import CONTRACT, PAGES, Block, blocks
from helpers import ROOT, run

README = ROOT / "README.md"
CONSOLE = [block for page in PAGES for block in blocks(page) if block.language == "console"]
TASKS = ["writing.md", "checking.md", "printing-and-calendars.md", "on-the-day.md", "notices-and-publishing.md"]


def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_readme_opens_with_the_run_and_test_commands():
    commands = re.findall(r"<!-- (\w+)-command -->\n```sh\n(.+)\n```", readme())
    assert [name for name, _ in commands] == ["run", "test"]
    run_command, test_command = (command for _, command in commands)
    assert "agenda plan examples/" in run_command
    assert "'.[test]'" in test_command and "pytest" in test_command
    assert readme().index("<!-- run-command -->") < readme().index("\n## ")  # before anything else
    # .ci/run picks the line two below the marker with sed; that must be the command above
    picked = subprocess.run(["sed", "-n", "/<!-- test-command -->/{n;n;p;}", str(README)],
                            capture_output=True, text=True, check=True).stdout
    assert picked == test_command + "\n"
    assert "sed -n '/<!-- test-command -->/{n;n;p;}' README.md" in (ROOT / ".ci" / "run").read_text()


def test_readme_is_a_landing_page_that_links_every_task():
    assert len(readme().splitlines()) <= 200
    for page in TASKS:
        assert f"(docs/{page}" in readme(), page
        assert (ROOT / "docs" / page).exists()
    for page in ("CONTRIBUTING.md", "CHANGELOG.md", "docs/benchmarks.md", "docs/FORMAT.md"):
        assert f"({page}" in readme(), page


def test_readme_first_example_validates_as_written(tmp_path):
    """The first forum a newcomer reads must be a valid one (it once gave 4 unknown-person errors)."""
    first = next(block for block in blocks(README) if block.language == "yaml")
    forum = tmp_path / "forum.yaml"
    forum.write_text(first.body, encoding="utf-8")
    result = run("validate", forum, "--lang", "en")
    assert result.stdout.endswith("1 file: 0 errors, 0 warnings\n"), result.stdout


def run_console(block: Block, folder) -> None:
    """Each `$ agenda …` line, in a fresh folder, prints exactly the lines under it."""
    (folder / "examples").symlink_to(ROOT / "examples")
    (folder / "tests").symlink_to(ROOT / "tests")
    for other in blocks(block.page):
        if other.marker and other.marker.startswith("file: "):
            (folder / other.marker.removeprefix("file: ")).write_text(other.body, encoding="utf-8")
    assert block.body.startswith("$ "), f"{block.name}: a console example starts with the command it shows"
    steps = re.findall(r"^\$ (.+)\n((?:(?!\$ ).*\n)*)", block.body, re.M)
    assert "".join(f"$ {command}\n{output}" for command, output in steps) == block.body
    for command, expected in steps:
        program, *args = shlex.split(command)
        assert program == "agenda", f"{block.name}: `{command}` cannot run here; mark the test that runs it"
        assert run(*args, exit_status=None, cwd=folder).stdout == expected, f"{block.name}: $ {command}"


@pytest.mark.parametrize("block", CONSOLE, ids=[block.name for block in CONSOLE])
def test_every_console_example_is_what_the_command_prints(block: Block, tmp_path):
    if block.marker and block.marker.startswith("checked-by: "):
        test_file, test_name = block.marker.removeprefix("checked-by: ").split("::")
        source = (ROOT / "tests" / test_file).read_text(encoding="utf-8")
        assert f"\ndef {test_name}(" in source, f"{block.name}: no {test_name} in tests/{test_file}"
        assert block.page.name in source, f"{test_file}::{test_name} must read {block.page.name}"
        return
    before = sorted(path.name for path in (ROOT / "examples").iterdir())
    run_console(block, tmp_path)
    assert sorted(path.name for path in (ROOT / "examples").iterdir()) == before  # no log beside the seed


def test_the_examples_cover_every_kind_of_command():
    """A regular expression that stops matching would drop examples; the commands they show must stay."""
    shown = {" ".join(line.split()[1:3]) for block in CONSOLE for line in block.body.splitlines()
             if line.startswith("$ ")}
    assert {"agenda validate", "agenda diff", "agenda mark", "agenda now", "agenda serve", "cat notices/index.md"} <= shown
    assert {block.page.name for block in CONSOLE} >= {"README.md", "checking.md", "on-the-day.md",
                                                      "notices-and-publishing.md"}


def test_every_export_command_in_a_table_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    rows = re.compile(r"^\| `agenda export (examples/.+?)` \|", re.M)
    lines = [line for page in PAGES for line in rows.findall(page.read_text(encoding="utf-8"))]
    assert len(lines) >= 6
    for line in lines:
        args = line.split()
        out = args[args.index("-o") + 1]
        args[args.index("-o") + 1] = str(tmp_path / out)
        run("export", *args)
        assert (tmp_path / out).stat().st_size > 0


def test_the_bundled_contract_is_the_shared_one():
    shared = ROOT.parent / "shared" / "FORMAT.md"
    if not shared.exists():
        pytest.skip("no ../shared/FORMAT.md beside this checkout")
    assert CONTRACT.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def anchors(page) -> set[str]:
    """The heading ids GitHub gives PAGE: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"^```.*?^```$", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
            for heading in re.findall(r"^#+ (.+)$", text, re.M)}


def test_every_link_between_the_pages_lands():
    """The landing page sends readers into docs/ by section; a renamed heading must not strand them."""
    checked = 0
    for page in PAGES:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if re.match(r"\w+:", target):
                continue  # a web address
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            assert linked.exists(), f"{page.name}: {target}"
            if anchor:
                assert anchor in anchors(linked), f"{page.name}: {target}"
            checked += 1
    assert checked > 20

"""The README's promises: its two commands are the ones CI runs, and its examples are true."""

import re

from helpers import ROOT, run


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_run_and_test_commands():
    commands = re.findall(r"<!-- (\w+)-command -->\n```sh\n(.+)\n```", readme())
    assert [name for name, _ in commands] == ["run", "test"]
    run_command, test_command = (command for _, command in commands)
    assert "agenda plan examples/" in run_command
    assert "'.[test]'" in test_command and "pytest" in test_command
    # .ci/run picks the line two below the marker with sed; that must be the command above
    import subprocess

    picked = subprocess.run(["sed", "-n", "/<!-- test-command -->/{n;n;p;}", str(ROOT / "README.md")],
                            capture_output=True, text=True, check=True).stdout
    assert picked == test_command + "\n"
    assert "sed -n '/<!-- test-command -->/{n;n;p;}' README.md" in (ROOT / ".ci" / "run").read_text()


def test_readme_validate_example_is_what_validate_prints(monkeypatch):
    block = re.search(r"```console\n\$ agenda validate (\S+)\n(.*?)```", readme(), re.S)
    monkeypatch.chdir(ROOT)
    assert run("validate", block.group(1)).stdout == block.group(2)


def test_readme_diff_example_is_what_diff_prints(monkeypatch):
    block = re.search(r"```console\n\$ agenda diff (\S+) (\S+)\n(.*?)```", readme(), re.S)
    monkeypatch.chdir(ROOT)
    assert run("diff", block.group(1), block.group(2)).stdout == block.group(3)


def test_readme_export_commands_run(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    for line in re.findall(r"^\| `agenda export (.+?)` \|", readme(), re.M):
        args = line.split()
        out = args[args.index("-o") + 1]
        args[args.index("-o") + 1] = str(tmp_path / out)
        run("export", *args)
        assert (tmp_path / out).stat().st_size > 0


def test_the_bundled_contract_is_the_shared_one():
    shared = ROOT.parent / "shared" / "FORMAT.md"
    if not shared.exists():
        import pytest

        pytest.skip("no ../shared/FORMAT.md beside this checkout")
    assert (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_every_readme_validate_example_is_what_validate_prints(monkeypatch):
    blocks = re.findall(r"```console\n\$ agenda (validate [^\n]+)\n(.*?)```", readme(), re.S)
    monkeypatch.chdir(ROOT)
    assert len(blocks) >= 2
    for command, output in blocks:
        assert run(*command.split()).stdout == output

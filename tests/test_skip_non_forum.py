"""--skip-non-forum (the pre-commit hook): other programs' files are skipped even when they do not parse."""

import pytest

from helpers import SEED, run, write

OTHERS = {
    "deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n",
    "stack.yaml": "Resources:\n  Bucket:\n    Properties:\n      Name: !Sub '${AWS::StackName}-b'\n",
    "tsconfig.json": '{\n  // comments are not JSON\n  "compilerOptions": {}\n}\n',
    "pyproject.toml": "[tool.x\nname = \n",
    "latin1.yaml": "title: caf\xe9\n",  # written as Latin-1 below: not UTF-8
}


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_a_file_of_another_program_is_skipped_with_a_note_even_when_it_does_not_parse(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(OTHERS[name].encode("latin-1" if name.startswith("latin1") else "utf-8"))
    result = run("validate", "--skip-non-forum", path, SEED)
    assert result.stderr == f"{path}: skipped, not a forum file (no `forum` key)\n"
    assert result.stdout.endswith("파일 1개: 오류 0개, 경고 1개\n")  # the one forum file is Korean


@pytest.mark.parametrize("name, text, where", [
    ("broken.yaml", "forum:\n  title: [unclosed\n", "broken.yaml:3:1: error[unreadable] YAML syntax"),
    ("broken.json", '{"forum": {"title": "x",}}', "broken.json:1:25: error[unreadable] JSON syntax"),
    ("broken.toml", "[forum]\ntitle = \n", "broken.toml:2:9: error[unreadable] TOML syntax"),
    ("nul.yaml", "forum:\n  title: a\x00b\n", "nul.yaml:2:11: error[unreadable] contains a NUL byte"),
])
def test_a_broken_file_that_looks_like_a_forum_is_still_checked(tmp_path, name, text, where):
    path = write(tmp_path, text, name)
    result = run("validate", "--skip-non-forum", path, exit_status=2)
    assert result.stdout.startswith(f"{tmp_path}/{where}") and result.stderr == ""


def test_in_a_folder_other_programs_files_are_skipped_too(tmp_path):
    for name, text in OTHERS.items():
        (tmp_path / name).write_bytes(text.encode("latin-1" if name.startswith("latin1") else "utf-8"))
    write(tmp_path, SEED.read_text(encoding="utf-8"), "forum.yaml")
    result = run("validate", tmp_path)
    assert result.stdout.endswith("파일 1개: 오류 0개, 경고 1개\n")  # the one forum file is Korean
    assert result.stderr.count("skipped, not a forum file") == len(OTHERS)

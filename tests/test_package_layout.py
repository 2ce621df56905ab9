"""The package's folders say what they hold: few modules loose at the root, a docstring on every folder.

A newcomer looking for where rooms go or where a new export goes reads the
folder names, then the first line of each folder's `__init__.py`.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "agenda"


def test_at_most_ten_modules_sit_loose_at_the_package_root():
    loose = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(loose) <= 10, loose


def test_every_folder_of_the_package_says_in_its_first_line_what_it_holds():
    folders = [path for path in PACKAGE.rglob("*") if path.is_dir() and any(path.glob("*.py"))]
    assert folders
    unsaid = []
    for folder in folders:
        init = folder / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) if init.exists() else None
        if not docstring or not docstring.splitlines()[0].strip():
            unsaid.append(str(folder.relative_to(PACKAGE)))
    assert not unsaid, f"folders without a one-line docstring in __init__.py: {unsaid}"

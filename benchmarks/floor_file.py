"""The one-file parse floor: the cold-start floor (a Typer app importing pydantic) that also parses its file
with PyYAML's C loader (libyaml). A big file's validate is judged against it: start-up and parsing are the
least any validator of that file pays."""

import pydantic  # noqa: F401
import typer
import yaml

app = typer.Typer()


@app.command()
def main(path: str) -> None:
    with open(path, "rb") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)


if __name__ == "__main__":
    app()

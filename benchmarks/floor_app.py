"""The cold-start floor: a one-command Typer app that imports pydantic and reads one file."""

import pydantic  # noqa: F401
import typer

app = typer.Typer()


@app.command()
def main(path: str) -> None:
    with open(path, "rb") as handle:
        handle.read()


if __name__ == "__main__":
    app()

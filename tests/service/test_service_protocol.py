"""Which command lines the client offers to the service (the rest run in process)."""

from __future__ import annotations

import pytest

from mlprep._service._protocol import SERVED_COMMANDS, command_of


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["show", "k-means"], "show"),
        (["--db", "x.db", "hint", "k-means"], "hint"),
        (["--content=extra", "--content", "more", "list", "--json"], "list"),
        (["judge", "k-means", "a.py", "--seed", "3"], "judge"),
        (["grade", "bias-variance", "-", "-g", "semantic"], "grade"),
        (["stats", "--plot", "out.png"], "stats"),
        # interactive, long-lived, help and watch mode stay in process
        (["practice"], None),
        (["mock"], None),
        (["serve"], None),
        (["notebook", "x.ipynb"], None),
        (["team", "accounts", "--db", "u"], None),
        (["import", "p.json"], None),
        (["judge", "k-means", "a.py", "--watch"], None),
        (["grade", "bias-variance", "a.txt", "-w"], None),
        (["judge", "k-means", "a.py", "-wq"], None),
        (["show", "k-means", "--help"], None),
        (["--help"], None),
        (["--version"], None),
        ([], None),
        (["--db"], None),
        (["judge", "k-means", "--", "-w.py"], "judge"),
    ],
)
def test_command_of(argv: list[str], command: str | None) -> None:
    assert command_of(argv) == command


def test_served_commands_exist_in_the_cli() -> None:
    from mlprep.cli._app import app

    names = {c.name for c in app.registered_commands}
    assert names >= SERVED_COMMANDS

"""The CLI through Typer's in-process runner, plus real subprocesses where it matters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from mlprep.cli import app

BROKEN = Path(__file__).resolve().parents[1] / "content" / "broken"
runner = CliRunner()


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def run_json(*args: str) -> dict:
    return json.loads(run(*args, "--json"))


def test_list_json_shape() -> None:
    doc = run_json("list")
    assert doc["schema"] == "mlprep.list" and doc["version"] == 1
    assert doc["count"] == len(doc["questions"]) >= 12
    for q in doc["questions"]:
        assert {"id", "title", "category", "difficulty", "covers"} <= set(q)


def test_list_filters() -> None:
    coding = run_json("list", "--category", "coding")["questions"]
    assert coding and all(q["category"] == "coding" for q in coding)
    by_key = run_json("list", "--key", "T02")["questions"]
    assert "bias-variance" in {q["id"] for q in by_key}
    assert all("T02" in q["covers"] for q in by_key)
    assert "k-means" in run("list", "--kind", "coding")


def test_list_rejects_unknown_filter_values() -> None:
    result = runner.invoke(app, ["list", "--category", "astrology"])
    assert result.exit_code != 0


def test_show_renders_prompt_and_json() -> None:
    assert "bias" in run("show", "bias-variance").lower()
    doc = run_json("show", "k-means")
    assert doc["entry_point"] == "k_means_clustering"
    assert "def k_means_clustering" in doc["starter"]


def test_hint_remembers_how_many_were_revealed() -> None:
    assert run_json("hint", "bias-variance")["revealed"] == 1
    second = run_json("hint", "bias-variance")
    assert second["revealed"] == 2 and len(second["hints"]) == 2
    third = run_json("hint", "bias-variance")
    fourth = run_json("hint", "bias-variance")
    assert third["revealed"] == fourth["revealed"] == third["total"]


def test_answer_shows_model_answer_and_rubric() -> None:
    doc = run_json("answer", "bias-variance")
    assert "variance" in doc["answer"].lower()
    assert doc["max_points"] == sum(c["points"] for c in doc["rubric"]["criterion"])
    assert "Model answer" in run("answer", "bias-variance")


def test_coverage_json_lists_every_key() -> None:
    doc = run_json("coverage")
    keys = [k["key"] for k in doc["keys"]]
    assert keys[:2] == ["T01", "T02"] and len(keys) == 136  # 65 seed keys, 71 second-edition
    seed = [k for k in doc["keys"] if k["key"][0] in "TC"]
    assert len(seed) == 65 and all(k["questions"] for k in seed)
    assert "bias-variance" in next(k for k in doc["keys"] if k["key"] == "T02")["questions"]


def test_content_check_fails_on_broken_folder_naming_file_and_line() -> None:
    result = runner.invoke(app, ["content", "check", str(BROKEN / "unknown-key")])
    assert result.exit_code == 1
    assert "question.toml:8:1: unknown key 'estimated_time'" in result.output
    doc = json.loads(
        runner.invoke(app, ["content", "check", str(BROKEN / "bad-difficulty"), "--json"]).output
    )
    assert doc["ok"] is False and doc["errors"][0]["line"] == 4


def test_stats_json_after_an_attempt(tmp_path: Path) -> None:
    from mlprep import Mlprep
    from mlprep.store import AttemptInput

    db = tmp_path / "p.db"
    Mlprep(db=db).store.record_attempt(AttemptInput("bias-variance", "written", "x", score=0.8))
    doc = run_json("--db", str(db), "stats")
    assert doc["attempts"] == 1
    assert doc["categories"]["theory"]["attempts"] == 1
    assert set(doc["categories"]) == {
        "theory",
        "case-study",
        "applied",
        "system-design",
        "recsys",
        "coding",
    } & set(doc["categories"])


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["show", "no-such-question"], 2, "no question with id 'no-such-question'"),
        (["show", "bias-varianse"], 2, "did you mean bias-variance"),
        (["--content", "/nonexistent/folder", "list"], 2, "content folder does not exist"),
    ],
)
def test_user_errors_are_one_line_without_traceback(
    args: list[str], code: int, needle: str
) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mlprep", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == code, proc.stderr
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1


def test_every_command_has_help() -> None:
    def walk(cmd: object, path: list[str]) -> None:
        out = run(*path, "--help")
        assert "Usage" in out
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])


def test_every_command_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, cmd in getattr(group, "commands", {}).items():
        if getattr(cmd, "commands", None):
            names += [f"mlprep {name} {sub}" for sub in cmd.commands]
        else:
            names.append(f"mlprep {name}")
    missing = [n for n in names if f"`{n}" not in docs]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_the_click_command_is_built_once_per_process(monkeypatch, capsys) -> None:
    # Typer builds the whole click tree from the app on every app() call (10-16 ms);
    # run() builds it once, and the resident service builds it before forking workers
    import mlprep.cli._app as cli_app

    built: list[object] = []
    real = typer.main.get_command

    def counted(typer_app: typer.Typer) -> object:
        built.append(typer_app)
        return real(typer_app)

    monkeypatch.setattr(typer.main, "get_command", counted)
    monkeypatch.setattr(cli_app, "_COMMAND", None)
    monkeypatch.setattr(sys, "argv", ["mlprep", "--version"])
    for _ in range(2):
        with pytest.raises(SystemExit) as done:
            cli_app.run(prog_name="mlprep")
        assert done.value.code == 0
    assert built == [cli_app.app]
    assert capsys.readouterr().out.count("mlprep ") == 2
    assert cli_app.click_command() is cli_app.click_command()


def test_warm_parsing_runs_no_command(monkeypatch, capsys) -> None:
    # the service parses each served command once at load (Typer builds its parameters'
    # converters on a first parse): nothing may run, not even the root callback
    import mlprep.cli._app as cli_app
    from mlprep._service._protocol import SERVED_COMMANDS

    group = cli_app.click_command()
    ran: list[str] = []
    monkeypatch.setattr(group, "callback", lambda *a, **k: ran.append("root"))
    for name in SERVED_COMMANDS:
        command = group.commands[name]
        monkeypatch.setattr(command, "callback", lambda *a, _n=name, **k: ran.append(_n))
    cli_app.warm_parsing(sorted(SERVED_COMMANDS))
    assert ran == []
    assert capsys.readouterr() == ("", "")
    # and a command parses and runs as before afterwards
    monkeypatch.setattr(sys, "argv", ["mlprep", "show", "k-means"])
    with pytest.raises(SystemExit):
        cli_app.run(prog_name="mlprep")
    assert ran == ["root", "show"]

"""What the service keeps warm between commands, and how a worker uses it.

The service process imports the CLI and everything its commands import, loads the
bank, the default grader and a warm judge (``WarmJudge``), then forks one worker per
command. A worker inherits all of it; the bank is used only while its files are
unchanged, and judging goes back to the service's warm judge through a socket pair
(its zygote's threads do not survive a fork). Stores are opened by each worker: an
SQLite connection must never cross a fork.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import socket
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from . import _protocol as proto

__all__ = ["JUDGE_ENV", "Warm", "fingerprint", "serve_judge_calls"]

# Settings that change how the judge's sandbox is built: a worker whose client sets
# them otherwise than the service judges cold, in its own sandbox.
JUDGE_ENV = ("MLPREP_JUDGE_SANDBOX", "MLPREP_SANDBOX_UID", "OPENBLAS_CORETYPE")


def fingerprint(roots: list[Path]) -> str:
    """A digest of every file's path, size and modification time under ``roots``."""
    digest = hashlib.blake2b(digest_size=16)
    stack = [str(root) for root in roots]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            digest.update(f"!{folder}\n".encode())
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=True)
            except OSError:
                continue
            digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
            if entry.is_dir(follow_symlinks=True) and entry.name != "__pycache__":
                stack.append(entry.path)
    return digest.hexdigest()


class Warm:
    """The service's warm state: bank, grader, judge. Built once, before serving."""

    def __init__(self) -> None:
        self.roots: list[Path] = []
        self.bank: Any = None
        self.bank_print = ""
        self.judge: Any = None
        self.judge_env: dict[str, str | None] = {}

    def load(self) -> None:
        """Import what the commands import and load what they load (slow: seconds)."""
        import numpy  # noqa: F401 - the judge's trusted side imports it for tests.py

        import mlprep.cli._app  # Typer, click and every command module
        import mlprep.store  # SQLAlchemy
        import mlprep.study  # the scheduler (fsrs)
        from mlprep.grading import get_grader
        from mlprep.judging import WarmJudge

        mlprep.cli._app.click_command()  # the command tree Typer builds from the app
        with contextlib.suppress(Exception):  # their parameters' converters
            mlprep.cli._app.warm_parsing(sorted(proto.SERVED_COMMANDS))
        self.judge_env = {name: os.environ.get(name) for name in JUDGE_ENV}
        self.judge = WarmJudge().start()
        self.reload_bank()
        get_grader("default")
        self._warm_grading()
        self._warm_rendering()
        self._warm_store()
        self._warm_plots()

    def reload_bank(self) -> None:
        from mlprep.content import content_roots, load_bank

        roots = content_roots([])
        stamp = fingerprint(roots)  # before loading: a change during the load shows next time
        self.bank, self.roots, self.bank_print = load_bank(roots), roots, stamp

    def _warm_grading(self) -> None:
        """Grade one model answer: the grader's first answer in a process builds the topic
        index, loads the lemmatizer's dictionary and runs the model for the first time
        (about 0.5 s), which every served `grade` paid in its worker otherwise."""
        from mlprep.grading import get_grader

        question = next((q for q in self.bank if not q.is_coding), None)
        if question is not None:
            with contextlib.suppress(Exception):
                get_grader("default").grade(question, question.answer)

    def _warm_rendering(self) -> None:
        """Render a few panels into a string: Rich, Markdown and Pygments get imported.

        Without colour: Rich keeps a style's escape codes on the style object the
        first time it is printed, for whatever colour system that console had, and
        the workers would inherit them (a 256-colour terminal would get truecolor).
        """
        from rich.console import Console

        from mlprep.render import answer_panel, question_panel

        out = Console(file=io.StringIO(), width=100, color_system=None)
        shown = 0
        for question in self.bank:
            if shown >= 2:
                break
            if question.is_coding or shown == 1:
                with contextlib.suppress(Exception):
                    out.print(question_panel(question))
                    out.print(answer_panel(question))
                shown += 1

    def _warm_store(self) -> None:
        """Create the schema in memory and record an attempt there: SQLAlchemy's mappers,
        Alembic, the ORM's flush and the scheduler load once, not in every recording
        command (a judge's record took 30-45 ms in a worker, 15-20 ms warmed)."""
        from mlprep.store import AttemptInput, Store
        from mlprep.study import record_attempt

        with contextlib.suppress(Exception):
            store = Store("sqlite://")
            try:
                question = next((q for q in self.bank if q.is_coding), None)
                if question is not None:
                    attempt = AttemptInput(
                        question_id=question.id,
                        kind="coding",
                        answer="",
                        verdict="accepted",
                        score=1.0,
                        result={"verdict": "accepted"},
                    )
                    record_attempt(store, "warm", question, attempt)
            finally:
                store.engine.dispose()

    def _warm_plots(self) -> None:
        """Draw a tiny figure: matplotlib, its Agg backend and its fonts load once.

        ``stats --plot`` spent most of its time on these, in every command.
        """
        from matplotlib.figure import Figure

        with contextlib.suppress(Exception):
            fig = Figure(figsize=(2, 1.5), layout="constrained")
            ax = fig.add_subplot()
            ax.plot([0, 1], [0, 1], label="warm")
            ax.set_title("warm")
            ax.legend()
            fig.savefig(io.BytesIO(), format="png")

    def close(self) -> None:
        if self.judge is not None:
            self.judge.close()


# -- in the worker ---------------------------------------------------------------------


class WorkerServices:
    """What ``mlprep.cli._common.WARM`` holds in a worker (None in an ordinary CLI)."""

    def __init__(self, warm: Warm, judge_conn: socket.socket | None) -> None:
        self._warm = warm
        self._judge_conn = judge_conn
        same_env = all(os.environ.get(k) == v for k, v in warm.judge_env.items())
        self.judges_warm = judge_conn is not None and same_env
        self._growth_reader: threading.Thread | None = None

    def load_bank(self, roots: list[Path]) -> Any:
        """The service's bank when it was loaded from these files, unchanged since."""
        from mlprep.content import load_bank

        warm = self._warm
        same_roots = warm.bank is not None and list(roots) == warm.roots
        if same_roots and fingerprint(list(roots)) == warm.bank_print:
            return warm.bank
        return load_bank(roots)

    def judge(self, question: Any, source: str, **kwargs: Any) -> Any:
        """Judge in the service's warm sandbox; if it is gone, in a cold one here."""
        from mlprep.judging import JudgeResult
        from mlprep.judging import judge as cold_judge

        self._wait_for_growth_reply()
        conn = self._judge_conn
        if conn is not None and self.judges_warm and kwargs.get("custom_args") is None:
            call = {
                "folder": str(question.path),
                "id": question.id,
                "source": source,
                "seed": kwargs.get("seed"),
                "mode": kwargs.get("mode", "submit"),
                "measure": kwargs.get("measure", True),
            }
            reply = _ask(conn, call)
            if reply is not None:
                return JudgeResult.from_dict(reply["result"])
            self.judges_warm = False
        return cold_judge(question, source, **kwargs)

    def judge_then_measure(
        self, question: Any, source: str, *, seed: int | None = None
    ) -> tuple[Any, Future[Any] | None]:
        """A submission's verdict, then its growth, from ONE call on the service's warm
        sandbox (``WarmJudge.judge_then_measure``): the service replies with the verdict
        and measures growth from the same judgement while this worker prints it; the
        growth comes as a second reply, read here in a thread. If the sandbox is gone,
        both are measured in a sandbox of this worker's own."""
        from mlprep.judging import Complexity, JudgeResult, WarmJudge

        self._wait_for_growth_reply()
        conn = self._judge_conn
        if conn is not None and self.judges_warm:
            call = {
                "op": "judge_then_measure",
                "folder": str(question.path),
                "id": question.id,
                "source": source,
                "seed": seed,
            }
            reply = _ask(conn, call)
            if reply is not None:
                result = JudgeResult.from_dict(reply["result"])
                if not reply.get("growth_follows"):
                    return result, None
                measured: Future[Any] = Future()
                measured.set_running_or_notify_cancel()

                def read_growth() -> None:
                    try:
                        second = proto.read_frame(conn)
                    except (OSError, ValueError, EOFError) as exc:
                        second = {"error": f"the service's reply was lost ({exc})"}
                    if second is None:
                        second = {"error": "the service closed the call"}
                    if "growth" not in second:  # the verdict stands; growth is missing
                        self.judges_warm = False
                        measured.set_exception(RuntimeError(str(second.get("error"))))
                        return
                    try:
                        found = second["growth"]
                        measured.set_result(
                            None if found is None else Complexity.model_validate(found)
                        )
                    except Exception as exc:
                        measured.set_exception(exc)

                self._growth_reader = threading.Thread(
                    target=read_growth, name="mlprep-growth-reply", daemon=True
                )
                self._growth_reader.start()
                return result, measured
            self.judges_warm = False
        own = WarmJudge().start()
        try:
            result, measuring = own.judge_then_measure(question, source, seed=seed)
        except BaseException:
            own.close()
            raise
        if measuring is None:
            own.close()
        else:
            measuring.add_done_callback(lambda _done: own.close())
        return result, measuring

    def _wait_for_growth_reply(self) -> None:
        """A call's second reply (growth) is read before the next call is sent."""
        if self._growth_reader is not None:
            self._growth_reader.join()
            self._growth_reader = None


def serve_judge_calls(warm: Warm, conn: socket.socket) -> None:
    """In the service, a thread per judging worker: its calls on the warm judge."""
    from mlprep.content import load_question

    with conn:
        while True:
            try:
                call = proto.read_frame(conn)
            except (OSError, ValueError, EOFError):
                return
            if call is None:
                return
            measuring: Future[Any] | None = None
            try:
                question = load_question(Path(call["folder"]))
                if question.id != call["id"]:
                    raise ValueError("the question folder changed")
                reply: dict[str, Any]
                if call.get("op") == "judge_then_measure":
                    result, measuring = warm.judge.judge_then_measure(
                        question, call["source"], seed=call["seed"]
                    )
                    reply = {"result": result.to_dict(), "growth_follows": measuring is not None}
                else:
                    result = warm.judge.judge(
                        question,
                        call["source"],
                        seed=call["seed"],
                        mode=call["mode"],
                        measure=call["measure"],
                    )
                    reply = {"result": result.to_dict()}
            except Exception as exc:  # the worker judges cold instead
                print(f"judge call failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            try:
                proto.send_frame(conn, reply)
            except OSError:
                return
            if measuring is not None:  # the second reply: growth, from the same judgement
                try:
                    growth = measuring.result()
                    second = {"growth": None if growth is None else growth.model_dump(mode="json")}
                except Exception as exc:
                    print(f"growth failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                    second = {"error": f"{type(exc).__name__}: {exc}"}
                try:
                    proto.send_frame(conn, second)
                except OSError:
                    return


def start_judge_thread(warm: Warm, conn: socket.socket) -> None:
    threading.Thread(
        target=serve_judge_calls, args=(warm, conn), name="mlprep-judge-call", daemon=True
    ).start()


def _ask(conn: socket.socket, call: dict[str, Any]) -> dict[str, Any] | None:
    """One call on the service's judge connection: its reply, or None when the
    connection is gone or the reply carries no result (the caller then judges cold)."""
    try:
        proto.send_frame(conn, call)
        reply = proto.read_frame(conn)
    except (OSError, ValueError, EOFError):
        return None
    if reply is None or not isinstance(reply.get("result"), dict):
        return None
    return reply

"""`mlprep judge QUESTION_ID FILE.py` and `mlprep content verify [ID...]`."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import typer

from mlprep._core import SOURCE_MAX_BYTES

from ._common import JsonOption, console, emit_json, read_source, state
from ._content import content_app
from ._progress import slow

if TYPE_CHECKING:
    from concurrent.futures import Future

    from mlprep.judging import Complexity, JudgeResult


def judge_command(
    ctx: typer.Context,
    question_id: str = typer.Argument(..., metavar="QUESTION_ID", help="A coding question id."),
    file: str = typer.Argument(..., metavar="FILE.py", help="Your solution; '-' reads stdin."),
    as_json: bool = JsonOption,
    seed: int | None = typer.Option(
        None,
        "--seed",
        min=0,
        help="Replay the randomized tests of an earlier run (its seed); not recorded.",
    ),
    run_only: bool = typer.Option(
        False, "--run", help="Run the visible examples only (not recorded as an attempt)."
    ),
    watch: bool = typer.Option(
        False,
        "--watch",
        "-w",
        help="Check again on every save with a warm sandbox; press s to submit, q to quit.",
    ),
    submit_on_accept: bool = typer.Option(
        False, "--submit-on-accept", help="With --watch: record each accepted version."
    ),
) -> None:
    """Judge your code in the sandbox: visible, hidden and randomized tests.

    Exit code 0 when accepted, 1 when not, 2 for a usage error.
    """
    if watch:
        _judge_watch(ctx, question_id, file, as_json, seed, run_only, submit_on_accept)
        return
    if submit_on_accept:
        from mlprep.errors import UsageError

        raise UsageError("--submit-on-accept goes with --watch")
    from ._common import WARM

    if WARM is not None and WARM.judges_warm:  # the service's sandbox
        judge_fn, first_fn, own = WARM.judge, WARM.judge_then_measure, None
    else:
        from mlprep.judging import WarmJudge, prestart

        prestart()  # the sandbox boots while the bank loads and the store opens
        own = WarmJudge(prestarted=True)  # the judgement, then growth, on that sandbox
        judge_fn, first_fn = own.judge, own.judge_then_measure
    # The verdict is printed as soon as it is known; growth (the exponents of an
    # accepted submission, hundreds of milliseconds of sandbox runs) is measured from the
    # same judgement meanwhile and printed below it, and the attempt is recorded with
    # it. --json prints one document, growth included.
    growth_after = not as_json and not run_only
    measuring: list[Future[Complexity | None]] = []
    try:
        core = state(ctx).core
        if not run_only:
            core.open_store_in_background()
        core.question(question_id)  # an unknown id: a usage error before the file is read
        source = read_source(file, limit=SOURCE_MAX_BYTES)

        def show(result: JudgeResult) -> JudgeResult:
            console().print(result)
            sys.stdout.flush()
            return result

        def measured(result: JudgeResult) -> JudgeResult:
            # the attempt is being recorded meanwhile; growth is written to it after
            if not measuring:  # not accepted, or the question measures no growth
                return result
            try:
                with slow("measuring how your time grows with the input"):
                    growth = measuring[0].result()
            except Exception as exc:  # the verdict stands; only the growth line is missing
                console().print(f"growth not measured: {exc}", style="dim", markup=False)
                return result
            if growth is None:
                return result
            console().print(growth.summary, style="dim", markup=False, highlight=False)
            return result.model_copy(update={"complexity": growth})

        def judged(q: object, text: str, **kwargs: Any) -> JudgeResult:
            with slow(f"judging {question_id}"):
                if not growth_after:
                    return judge_fn(q, text, **kwargs)  # type: ignore[no-any-return]
                result, growth = first_fn(q, text, seed=kwargs.get("seed"))
                if growth is not None:
                    measuring.append(growth)
                return result  # type: ignore[no-any-return]

        result = core.judge(
            question_id,
            source,
            seed=seed,
            mode="run" if run_only else "submit",
            judge_fn=judged,
            on_verdict=show if growth_after else None,
            then=measured if growth_after else None,
        )
    finally:
        if own is not None:
            own.close()
    if as_json:
        # exactly the results document of docs/judge.md
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    elif not growth_after:
        console().print(result)
    raise typer.Exit(0 if result.accepted else 1)


def _judge_watch(
    ctx: typer.Context,
    question_id: str,
    file: str,
    as_json: bool,
    seed: int | None,
    run_only: bool,
    submit_on_accept: bool,
) -> None:
    """`judge --watch`: checks are not recorded; a submission is (docs/cli.md)."""
    import time

    from mlprep.errors import UsageError
    from mlprep.judging import WarmJudge

    from ._watch import Checker, watch

    if as_json:
        raise UsageError("--watch redraws a terminal screen; it has no --json")
    warm = WarmJudge().start()  # boots while the question loads
    try:
        core = state(ctx).core
        question = core.question(question_id)
        if not question.is_coding:
            raise UsageError(f"'{question.id}' is a written question: use grade, not judge")
        core.open_store_in_background()
        started = time.monotonic()
        mode = "run" if run_only else "submit"

        def check(source: str) -> tuple[object, bool]:
            # the full judgement but growth (seconds for some questions): a check
            result = warm.judge(question, source, seed=seed, mode=mode, measure=False)
            return result, result.accepted

        def submit(source: str) -> object:
            return core.judge(
                question_id,
                source,
                judge_fn=warm.judge,
                time_spent_s=time.monotonic() - started,
            )

        watch(
            file,
            Checker("judge", question_id, check, submit, SOURCE_MAX_BYTES),
            submit_on_accept=submit_on_accept,
        )
    finally:
        warm.close()


def verify_command(
    ctx: typer.Context,
    ids: list[str] = typer.Argument(
        None, metavar="[ID]...", help="Coding questions to verify (default: all of them)."
    ),
    as_json: bool = JsonOption,
    seed: int | None = typer.Option(None, "--seed", min=0, help="Seed of the randomized tests."),
) -> None:
    """Judge every coding question's reference (must pass) and wrong/ files (must fail)."""
    from mlprep.errors import UnknownQuestion
    from mlprep.judging import DEFAULT_VERIFY_SEED, WarmJudge, verify_question

    core = state(ctx).core
    if ids:
        questions = []
        for qid in ids:
            question = core.question(qid)
            if not question.is_coding:
                raise UnknownQuestion(f"'{qid}' is not a coding question")
            questions.append(question)
    else:
        questions = [q for q in core.bank if q.is_coding]
    out = console()
    reports = []
    from concurrent.futures import ThreadPoolExecutor

    chosen_seed = DEFAULT_VERIFY_SEED if seed is None else seed
    # two questions at a time: one warm sandbox, thread-safe, and the two cores busy
    with (
        WarmJudge() as warm,
        slow("verifying") as status,
        ThreadPoolExecutor(max_workers=2) as pool,
    ):
        futures = [
            pool.submit(verify_question, question, seed=chosen_seed, judge=warm)
            for question in questions
        ]
        for i, future in enumerate(futures, 1):
            status.update(f"verifying {i}/{len(questions)}: {questions[i - 1].id}")
            report = future.result()
            reports.append(report)
            if not as_json:
                with status.paused():
                    out.print(report)
    ok = all(r.ok for r in reports)
    if as_json:
        emit_json("content-verify", {"ok": ok, "questions": [r.to_dict() for r in reports]})
    else:
        failed = [r.question for r in reports if not r.ok]
        if ok:
            out.print(f"[green]ok[/green]: {len(reports)} coding questions verified")
        else:
            out.print(f"[red]{len(failed)} of {len(reports)} failed[/red]: {', '.join(failed)}")
    if not ok:
        raise typer.Exit(1)


def mutate_command(
    ctx: typer.Context,
    ids: list[str] = typer.Argument(
        None, metavar="[ID]...", help="Coding questions to mutate (default: all of them)."
    ),
    as_json: bool = JsonOption,
    seed: int | None = typer.Option(None, "--seed", min=0, help="Seed of the randomized tests."),
    write: bool = typer.Option(
        False, "--write", help="Record the counts in each question's mutants.toml (the run table)."
    ),
    show_killed: bool = typer.Option(
        False, "--list", help="List every mutant with the test that killed it, not only survivors."
    ),
) -> None:
    """Mutation testing: every small mistake in the reference must fail a test.

    Each mutant (an operator swapped, a constant or bound off by one, a statement
    dropped, arguments swapped, an axis changed...) is judged like a submission and
    stops at its first failing test. Exit 1 when a mutant survives that mutants.toml
    does not list as equivalent; the counts of each run are reproducible with --seed.
    """
    from mlprep.content._mutants_file import (
        MutationRun,
        load_mutants_file,
        render_mutants_file,
        write_mutants_file,
    )
    from mlprep.errors import UnknownQuestion
    from mlprep.judging import DEFAULT_VERIFY_SEED, WarmJudge, mutation_report

    core = state(ctx).core
    if ids:
        questions = []
        for qid in ids:
            question = core.question(qid)
            if not question.is_coding:
                raise UnknownQuestion(f"'{qid}' is not a coding question")
            questions.append(question)
    else:
        questions = [q for q in core.bank if q.is_coding]
    chosen_seed = DEFAULT_VERIFY_SEED if seed is None else seed
    out = console()
    reports = []
    with WarmJudge() as warm, slow("mutating") as status:
        for i, question in enumerate(questions, 1):
            status.update(f"mutating {i}/{len(questions)}: {question.id}")
            report = mutation_report(question, warm, seed=chosen_seed)
            reports.append(report)
            if write:
                errors: list[object] = []
                record = load_mutants_file(question, errors)  # type: ignore[arg-type]
                listed = list(record.equivalent) if record else []
                run = MutationRun(
                    seed=chosen_seed,
                    mutants=report.mutants,
                    killed=report.killed,
                    equivalent=report.equivalent,
                    survived=report.survived,
                )
                write_mutants_file(question.path, render_mutants_file(run, listed))
            if not as_json:
                with status.paused():
                    out.print(report)
                    if show_killed:
                        for o in report.outcomes:
                            if o.status != "survived":
                                out.print(
                                    f"      {o.status} {o.mutant}: {o.diff}"
                                    + (f" (by '{o.test}')" if o.test else ""),
                                    markup=False,
                                    highlight=False,
                                )
    ok = all(r.ok for r in reports)
    if as_json:
        emit_json("content-mutate", {"ok": ok, "questions": [r.to_dict() for r in reports]})
    else:
        total = sum(r.mutants - r.equivalent for r in reports)
        killed = sum(r.killed for r in reports)
        rate = f"{killed / total:.1%}" if total else "-"
        out.print(
            f"{'[green]ok[/green]' if ok else '[red]survivors[/red]'}: {len(reports)} "
            f"questions, {killed} of {total} non-equivalent mutants killed ({rate})"
        )
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("judge")(judge_command)
    content_app.command("verify")(verify_command)
    content_app.command("mutate")(mutate_command)

"""Time margins of the coding questions: would a faster or slower machine judge the same?

usage: nice -n 19 .venv/bin/python scripts/time_margins.py [ID ...] [--seeds N] [--json]

A time limit decides a verdict only when it sits far from both the reference and the
solutions meant to fail on time. CI once accepted map-mrr-at-k's list-scan solution,
which was only 0.6-1.4 times over the limit on this machine. The rules:

* the reference uses at most 1/5 of the limit on every hidden and random test
  (REF_SHARE), so a machine five times slower still accepts it;
* a wrong/ solution whose docstring says it is slow (or over the time limit) uses at
  least 3 times the limit on some test (SLOW_FACTOR), so a machine three times faster
  still rejects it.

Each question runs in a fresh process, one thread for BLAS like the sandbox, and the CPU
time of each call (what the judge limits) is measured on fresh copies of the inputs,
after support.py's prepare() where the question has one. The tests are the hidden cases
and --seeds draws of the generator at the largest of random_sizes. A slow solution's
calls are cut at --cap times the limit (default 4; its figure then reads ">="), largest
input first, and it stops at the first call that reaches the cap. The judge's own clock
runs in a sandbox and pays a little more per call; the margins leave room for that.

Prints a table; exits 1 when a rule is broken, 0 otherwise.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # the sandbox's setting, before NumPy loads BLAS

import argparse  # noqa: E402
import ast  # noqa: E402
import copy  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

from mlprep.content import builtin_bank_root, load_question, load_tests  # noqa: E402

REF_SHARE = 5.0  # the reference's slowest call times this factor fits in the limit
SLOW_FACTOR = 3.0  # a slow wrong solution's slowest call is at least this times the limit
CAP = 4.0  # slow solutions are stopped at this many times the limit
SLOW_DOC = re.compile(r"\bslow\b|time limit|\btimes? out\b", re.IGNORECASE)


class _Cut(Exception):
    pass


def _cut(signum: int, frame: Any) -> None:
    raise _Cut


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _size(value: Any) -> int:
    """A rough element count, to run the largest inputs first."""
    if isinstance(value, np.ndarray):
        return int(value.size)
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, dict):
        return len(value) + sum(_size(v) for v in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return len(value) + sum(_size(v) for v in value)
    if hasattr(value, "__len__"):
        try:
            return len(value)
        except (TypeError, OverflowError):  # a virtual sequence longer than sys.maxsize
            return sys.maxsize
    return 1


def _cpu() -> float:
    # getrusage, not time.process_time(): on this VM's kernel the process CPU clock read
    # 0.0004 s for a call that getrusage (and the wall clock, on an idle core) put at 0.002 s
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def cpu_seconds(
    fn: Any, args: tuple[Any, ...], prepare: Any, cap_s: float, *, strict: bool = False
) -> tuple[float, bool]:
    """CPU time of one call on fresh inputs, and whether it was cut at cap_s.

    A wrong solution may crash (its time still counts); the reference (strict) may not.
    """
    fresh = copy.deepcopy(args)
    if prepare is not None:
        fresh = prepare(fresh)
    signal.signal(signal.SIGPROF, _cut)
    start = _cpu()
    signal.setitimer(signal.ITIMER_PROF, cap_s)
    cut = False
    try:
        fn(*fresh)
    except _Cut:
        cut = True
    except Exception:
        if strict:
            raise
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return _cpu() - start, cut


def is_slow(path: Path) -> bool:
    """A wrong/ file meant to fail on time says so in its docstring."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return bool(SLOW_DOC.search(doc))


@dataclass
class Row:
    question: str
    limit_s: float
    ref_s: float
    wrong: str = ""
    wrong_s: float | None = None
    wrong_cut: bool = False

    @property
    def ref_ok(self) -> bool:
        return self.ref_s * REF_SHARE <= self.limit_s

    @property
    def wrong_ok(self) -> bool:
        return self.wrong_s is None or self.wrong_s >= SLOW_FACTOR * self.limit_s

    def text(self) -> str:
        under = self.limit_s / self.ref_s if self.ref_s > 0 else float("inf")
        wrong = ""
        if self.wrong_s is not None:
            over = self.wrong_s / self.limit_s
            at_least = ">=" if self.wrong_cut else "  "
            wrong = f"{self.wrong:34s} {self.wrong_s:7.2f}s {at_least}{over:5.2f}x"
        flag = "ok" if self.ref_ok and self.wrong_ok else "BROKEN"
        return (
            f"{self.question:30s} {self.limit_s:5.1f}s {self.ref_s:7.3f}s {under:7.1f}x  "
            f"{wrong:55s} {flag}"
        )


def measure(question: Any, seeds: int, cap: float = CAP) -> list[Row]:
    spec = question.meta.coding
    folder = Path(question.path)
    limit = spec.time_limit_ms / 1000
    support = folder / "support.py"
    sys.modules.pop("support", None)
    prepare = getattr(_load(support, "support"), "prepare", None) if support.exists() else None
    suite = load_tests(question)
    tests = [tuple(c.args) for c in suite.cases if c.kind == "hidden"]
    largest = max(spec.random_sizes or [16])
    for seed in range(seeds):
        if spec.random_tests:
            tests.append(tuple(suite.generate(np.random.default_rng(seed), largest)))
    tests.sort(key=_size, reverse=True)
    visible = [tuple(c.args) for c in suite.cases if c.kind == "visible"]

    def entry(path: Path, name: str) -> Any:
        return getattr(_load(path, name), spec.entry_point)

    ref = entry(folder / "solution.py", f"ref_{question.meta.id}")
    cpu_seconds(ref, visible[0], prepare, 10 * limit, strict=True)  # it pays lazy imports
    ref_s = max(
        (cpu_seconds(ref, args, prepare, 10 * limit, strict=True)[0] for args in tests), default=0.0
    )
    rows = []
    for path in sorted((folder / "wrong").glob("*.py")):
        if not is_slow(path):
            continue
        fn = entry(path, f"wrong_{question.meta.id}_{path.stem}")
        worst, cut = 0.0, False
        for args in tests:
            took, cut = cpu_seconds(fn, args, prepare, cap * limit)
            worst = max(worst, took)
            if cut:
                break
        rows.append(Row(question.meta.id, limit, ref_s, path.name, worst, cut))
    return rows or [Row(question.meta.id, limit, ref_s)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="question ids (default: every coding question)")
    parser.add_argument("--seeds", type=int, default=2, help="generator draws at the largest size")
    parser.add_argument(
        "--cap", type=float, default=CAP, help="stop a slow solution at this many times the limit"
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args(argv)
    if opts.worker:  # one question, in a fresh process: questions cannot disturb each other
        question = load_question(builtin_bank_root() / "coding" / opts.ids[0])
        rows = measure(question, opts.seeds, opts.cap)
        print(json.dumps([asdict(r) for r in rows]))
        return 0
    coding = sorted(p.parent.name for p in (builtin_bank_root() / "coding").glob("*/tests.py"))
    unknown = [i for i in opts.ids if i not in coding]
    if unknown:
        print(f"error: no coding question {', '.join(unknown)}", file=sys.stderr)
        return 2
    ids = opts.ids or coding
    if not opts.json:
        print(
            f"{'question':30s} {'limit':>6s} {'ref':>8s} {'under':>8s}  "
            f"{'slow wrong/ file':34s} {'its time':>8s} {'over':>8s}"
        )
    rows: list[Row] = []
    for qid in ids:
        worker = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                "--seeds",
                str(opts.seeds),
                "--cap",
                str(opts.cap),
                qid,
            ],
            capture_output=True,
            text=True,
        )
        if worker.returncode != 0:
            print(f"error: {qid}: {worker.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return 2
        for row in (Row(**r) for r in json.loads(worker.stdout)):
            rows.append(row)
            if not opts.json:
                print(row.text(), flush=True)
    broken = [r for r in rows if not (r.ref_ok and r.wrong_ok)]
    if opts.json:
        print(json.dumps([{**asdict(r), "ok": r.ref_ok and r.wrong_ok} for r in rows], indent=1))
    else:
        print(
            f"\nrules: reference <= 1/{REF_SHARE:g} of the limit, slow wrong/ files >= "
            f"{SLOW_FACTOR:g}x the limit; {len(broken)} of {len(rows)} rows break them"
        )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

"""Find inputs that kill a question's surviving mutants: a helper for strengthening tests.

usage: .venv/bin/python scripts/mutant_killers.py ID [MUTANT_KEY...] [--tries N] [--sizes 2,3,5]

Runs the reference and each mutant in this process (both are the question's own
trusted code) on inputs from the question's generator, smallest sizes first, and
prints for each mutant the first input on which they differ by the judge's
comparison rules (or the question's check). A mutant with no such input after
--tries inputs per size is probably equivalent: look at it and say why in
mutants.toml. Without keys it takes the mutants no fixed case kills.

Nothing here decides a verdict: add the input it prints as a hidden case in
tests.py (the note says which mistake it catches) and re-run
`mlprep content mutate ID`.
"""

from __future__ import annotations

import argparse
import copy
import signal
import sys
from typing import Any

import numpy as np

from mlprep.content import builtin_bank_root, load_bank, load_tests
from mlprep.content._mutate import mutants
from mlprep.judging._compare import short_repr


class _Slow(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Slow


def _run(namespace: dict[str, Any], entry: str, args: tuple[Any, ...]) -> tuple[bool, Any]:
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    try:
        return True, namespace[entry](*copy.deepcopy(args))
    except _Slow:
        return False, "timeout"
    except Exception as exc:
        return False, f"{type(exc).__name__}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _differs(suite: Any, spec: Any, args: tuple[Any, ...], ref: Any, got: tuple[bool, Any]) -> bool:
    from mlprep.judging import compare

    ok, value = got
    if not ok:
        return True
    if suite.check is not None:
        try:
            return suite.check(copy.deepcopy(args), copy.deepcopy(ref), value) is not None
        except Exception:
            return True
    return compare(ref, value, spec.rtol, spec.atol) is not None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question")
    parser.add_argument("keys", nargs="*")
    parser.add_argument("--tries", type=int, default=300)
    parser.add_argument("--sizes", default="1,2,3,4,5,6,8,12,20")
    ns = parser.parse_args()
    bank = {q.id: q for q in load_bank([builtin_bank_root()])}
    question = bank[ns.question]
    spec = question.meta.coding
    suite = load_tests(question)
    ref_ns: dict[str, Any] = {}
    exec(compile(question.read("solution.py"), "solution.py", "exec"), ref_ns)
    variants = mutants(question.read("solution.py"))
    if ns.keys:
        variants = [m for m in variants if m.key in ns.keys]
    for mutant in variants:
        mut_ns: dict[str, Any] = {}
        exec(compile(mutant.source, "mutant.py", "exec"), mut_ns)
        found = None
        for size in (int(s) for s in ns.sizes.split(",")):
            for trial in range(ns.tries):
                # one generator per input, so that the input can be rebuilt in tests.py
                args = tuple(suite.generate(np.random.default_rng([size, trial]), size))
                ok, ref = _run(ref_ns, spec.entry_point, args)
                if not ok:
                    continue
                got = _run(mut_ns, spec.entry_point, args)
                if _differs(suite, spec, args, ref, got):
                    found = (size, trial, args, ref, got[1])
                    break
            if found:
                break
        if found is None:
            print(f"{mutant.key}: no generated input separates it ({mutant.diff})")
        else:
            size, trial, args, ref, got = found
            print(f"{mutant.key}: {mutant.diff}")
            print(f"    args = generate(np.random.default_rng([{size}, {trial}]), {size})")
            print(f"         = {short_repr(args, 800)}")
            print(f"    reference {short_repr(ref, 200)}; mutant {short_repr(got, 200)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

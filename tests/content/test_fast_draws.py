"""Coding questions' tests.py that build their inputs faster build the same ones.

multinomial-naive-bayes's tests.py drew each of its thousands of documents with
``rng.choice(vocab, size=k, p=p)``, summing the distribution on every call (2 s of every
import: the content check's, and each judgement's). ``_draw`` looks the same uniform
draws up in a distribution summed once: these tests hold it to ``rng.choice`` itself,
tokens and generator state, so the hidden inputs are the ones they always were.
moving-average's converted its 600,000-value walk value by value (0.6 s); it now
converts the array at once, to the same Python ints and floats.
"""

from __future__ import annotations

import importlib.util
import pickle
from types import ModuleType

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"


def _tests_of(question_id: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"fast_draws_{question_id.replace('-', '_')}", CODING / question_id / "tests.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tests_module() -> ModuleType:
    return _tests_of("multinomial-naive-bayes")


@pytest.mark.parametrize("vocab_size", [1, 3, 50, 3000])
def test_draw_is_rng_choice_with_p(tests_module: ModuleType, vocab_size: int) -> None:
    tokens = np.array([f"t{i}" for i in range(vocab_size)])
    for seed in range(25):
        weights = np.random.default_rng(1000 + seed).random(vocab_size) + 0.01
        p = weights / weights.sum()
        cdf = p.cumsum()
        cdf /= cdf[-1]
        ours, numpys = np.random.default_rng(seed), np.random.default_rng(seed)
        for size in (0, 1, 7, 200):
            got = tests_module._draw(ours, tokens, cdf, size)
            want = numpys.choice(tokens, size=size, p=p)
            assert got.tolist() == want.tolist(), (seed, size)
        # the same numbers consumed: what is drawn after is the same too
        assert ours.bit_generator.state == numpys.bit_generator.state


def test_the_corpus_is_drawn_as_before(tests_module: ModuleType) -> None:
    # _corpus as it was written with rng.choice, for a small case
    def before(rng, n_train, n_test, n_classes, vocab_size, doc_len, test_len):  # type: ignore[no-untyped-def]
        labels_pool = list(rng.choice(tests_module._NAMES, size=n_classes, replace=False))
        vocab = [f"t{i}" for i in range(vocab_size)]
        base = 1.0 / np.arange(1, vocab_size + 1)
        probs = []
        for _ in range(n_classes):
            p = base[rng.permutation(vocab_size)] + 0.02 * rng.random(vocab_size)
            probs.append(p / p.sum())
        which = rng.integers(0, n_classes, size=n_train)
        train = [
            list(rng.choice(vocab, size=int(rng.integers(0, doc_len + 1)), p=probs[c]))
            for c in which
        ]
        labels = [str(labels_pool[c]) for c in which]
        tests = []
        for _ in range(n_test):
            c = int(rng.integers(n_classes))
            doc = list(rng.choice(vocab, size=int(rng.integers(0, test_len + 1)), p=probs[c]))
            doc += ["unseen-" + str(int(rng.integers(5)))] * int(rng.integers(0, 3))
            rng.shuffle(doc)
            tests.append([str(t) for t in doc])
        return [[str(t) for t in d] for d in train], labels, tests

    for seed in range(10):
        args = (200, 50, 1 + seed % 6, 300, 12, 40)
        now = tests_module._corpus(np.random.default_rng(seed), *args)
        assert now == before(np.random.default_rng(seed), *args), seed


def test_the_moving_average_walks_are_converted_as_before() -> None:
    generate = _tests_of("moving-average").generate

    def before(rng, size):  # type: ignore[no-untyped-def]
        steps = rng.normal(0, 3, size=size)
        series = np.cumsum(steps) + 50
        window = int(rng.integers(1, max(2, size + 3)))
        if size > 100:
            window = int(rng.integers(1, size // 4 + 2))
        if rng.random() < 0.3:
            return ([int(round(v)) for v in series], window)  # noqa: RUF046 (as it was)
        if rng.random() < 0.5:
            return (series, window)
        return ([float(v) for v in series], window)

    kinds = set()
    for seed in range(40):
        for size in (0, 5, 50, 2000):
            got = generate(np.random.default_rng(seed), size)
            want = before(np.random.default_rng(seed), size)
            assert pickle.dumps(got) == pickle.dumps(want), (seed, size)
            kinds.add(type(got[0]).__name__ + (type(got[0][0]).__name__ if size else ""))
    assert {"listint", "listfloat", "ndarrayfloat64"} <= kinds  # every branch was taken

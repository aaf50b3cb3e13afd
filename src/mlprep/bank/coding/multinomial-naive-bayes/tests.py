"""Tests for multinomial naive Bayes on tokenised text. Trusted: never shown to the learner's sandbox."""

import math
from collections import Counter

import numpy as np

_NAMES = ["spam", "ham", "promo", "billing", "10", "9", "Support", "support", "zeta", "alpha"]


def _draw(rng, tokens, cdf, size):
    """``rng.choice(tokens, size=size, p=p)`` computed as NumPy computes it (the same
    uniform draws looked up in the same cumulative distribution, so the same tokens),
    with the distribution summed once per class instead of once per document: the
    bank's content check imports this file, and drawing 6,000 documents one call each
    took it 2 s."""
    return tokens[cdf.searchsorted(rng.random(size), side="right")]


def _corpus(rng, n_train, n_test, n_classes, vocab_size, doc_len, test_len):
    labels_pool = list(rng.choice(_NAMES, size=n_classes, replace=False))
    vocab = np.array([f"t{i}" for i in range(vocab_size)])
    # each class prefers its own slice of a Zipf-like vocabulary
    base = 1.0 / np.arange(1, vocab_size + 1)
    cdfs = []
    for _ in range(n_classes):
        p = base[rng.permutation(vocab_size)] + 0.02 * rng.random(vocab_size)
        cdf = (p / p.sum()).cumsum()
        cdf /= cdf[-1]
        cdfs.append(cdf)
    which = rng.integers(0, n_classes, size=n_train)
    train_docs = [
        list(_draw(rng, vocab, cdfs[c], int(rng.integers(0, doc_len + 1)))) for c in which
    ]
    train_labels = [str(labels_pool[c]) for c in which]
    test_docs = []
    for _ in range(n_test):
        c = int(rng.integers(n_classes))
        doc = list(_draw(rng, vocab, cdfs[c], int(rng.integers(0, test_len + 1))))
        doc += ["unseen-" + str(int(rng.integers(5)))] * int(rng.integers(0, 3))  # unknown tokens
        rng.shuffle(doc)
        test_docs.append([str(t) for t in doc])
    return [[str(t) for t in d] for d in train_docs], train_labels, test_docs


def _gaps_ok(docs, labels, tests, alpha):
    """The prompt's promise: two class scores are equal (up to rounding) or more than 1e-6 apart."""
    classes = sorted(set(labels))
    vocab = {t for d in docs for t in d}
    counts = {c: Counter() for c in classes}
    for d, lab in zip(docs, labels, strict=True):
        counts[lab].update(d)
    prior = Counter(labels)
    for doc in tests:
        seen = Counter(t for t in doc if t in vocab)
        scores = []
        for c in classes:
            denom = sum(counts[c].values()) + alpha * len(vocab)
            s = math.log(prior[c] / len(labels))
            s += sum(k * math.log((counts[c][t] + alpha) / denom) for t, k in seen.items())
            scores.append(s)
        for i, a in enumerate(scores):
            for b in scores[i + 1 :]:
                if 1e-11 * max(1.0, abs(a)) < abs(a - b) <= 1e-6:
                    return False
    return True


def generate(rng, size):
    """size training documents over 1-6 classes (unsorted string labels); unknown and empty test docs.

    Redraws until every pair of class scores is tied or more than 1e-6 apart, as the prompt says.
    """
    n = max(1, int(size))
    while True:
        n_classes = int(rng.integers(1, 7))
        # long test documents only when there are few of them (the stated 50,000-token total)
        test_len = int(rng.choice([5, 40, 400])) if n <= 100 else int(rng.choice([5, 40]))
        docs, labels, tests = _corpus(
            rng, n, max(1, n // 4), n_classes, int(rng.integers(3, 200)), 12, test_len
        )
        args = (docs, labels, tests, float(rng.choice([1e-3, 0.1, 0.5, 1.0, 2.0])))
        if _gaps_ok(*args):
            return args


_EX_TRAIN = [
    ["win", "cash", "now"],
    ["meeting", "at", "noon"],
    ["cash", "prize", "win", "win"],
    ["lunch", "at", "noon", "now"],
]
_EX_LABELS = ["spam", "ham", "spam", "ham"]

# ham and spam are mirror images: the scores of the test doc are equal as real numbers
# but summed in another order they differ in the last bit, spam's being larger
_MIRROR = (
    [["x", "y", "y", "f"], ["x", "x", "y", "f"]],
    ["spam", "ham"],
    [["x", "y"], ["y", "x", "x", "y"]],
    0.1,
)

# a and b mirror each other (x_i in b <-> y_i in a); the test doc holds every x_i and y_i
# equally often, so the two scores are equal as real numbers. Summed per distinct token
# (count * log-likelihood, in first-appearance order) b's score comes out above a's.
_MIRROR_COUNTS = (
    [["x0"] * 5, ["y0"] * 5, ["x1"] * 3, ["y1"] * 3, ["x2"], ["y2"], ["x3"] * 5, ["y3"] * 5,
     ["x4"], ["y4"], ["x5"], ["y5"], ["z"], ["z"]],
    ["b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "a", "b"],
    [["y1", "y3", "y0", "y3", "x4", "x0", "x2", "x2", "x3", "y2", "x3", "y1", "y0", "x5", "x0",
      "y2", "y0", "y5", "y4", "x3", "x1", "x0", "x4", "y4", "x4", "x1", "x2", "y4", "y2", "y3"]],
    1.0,
)

_BIG = _corpus(np.random.default_rng(211), 5000, 1000, len(_NAMES), 3000, 40, 100)
_LONG = _corpus(np.random.default_rng(212), 300, 5, 3, 50, 10, 5000)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            _EX_TRAIN,
            _EX_LABELS,
            [["win", "win", "lunch"], ["noon", "cash", "unknown"], []],
            1.0,
        ),
        "note": "the example from the prompt: a win, an exact tie and an empty document",
    },
    {
        "name": "no test documents",
        "kind": "hidden",
        "args": (_EX_TRAIN, _EX_LABELS, [], 1.0),
        "expected": [],
        "note": "empty test list",
    },
    {
        "name": "tie not bit-equal",
        "kind": "hidden",
        "args": _MIRROR,
        "expected": [("ham", 0.5), ("ham", 0.5)],
        "note": "mirror-image classes: scores equal as real numbers but 1 ulp apart in floating point; ham wins the tie",
    },
    {
        "name": "tie not bit-equal, counts times logs",
        "kind": "hidden",
        "args": _MIRROR_COUNTS,
        "expected": [("a", 0.5)],
        "note": (
            "mirror-image classes scored as count * log P(w | c) per distinct token: equal as "
            "real numbers, b's float score is higher; an exact maximum picks b "
            "(wrong/exact_max_counts_times_logs.py)"
        ),
    },
    {
        "name": "one class",
        "kind": "hidden",
        "args": ([["a", "b"], ["b"]], ["only", "only"], [["a"], ["zzz"], []], 0.5),
        "note": "a single class: posterior 1",
    },
    {
        "name": "unknown tokens only",
        "kind": "hidden",
        "args": (
            _EX_TRAIN + [["now"]],
            _EX_LABELS + ["ham"],
            [["dinner", "tomorrow", "dinner"]],
            1.0,
        ),
        "note": "no known token: the prior (3 ham, 2 spam) decides",
    },
    {
        "name": "counts, not presence",
        "kind": "hidden",
        "args": (
            [["a", "b", "b", "b"], ["a", "a", "b"]],
            ["x", "y"],
            [["a", "b", "b", "b", "b"], ["a", "a", "a", "b"]],
            1.0,
        ),
        "note": "repeated test tokens multiply their probability (multinomial, not Bernoulli)",
    },
    {
        "name": "shared vocabulary size",
        "kind": "hidden",
        "args": (
            [["a", "a", "c", "d", "e", "f"], ["b", "b"]],
            ["big", "small"],
            [["a"], ["b"], ["c", "b"]],
            1.0,
        ),
        "note": "the smoothing uses the vocabulary of all classes, not each class's own",
    },
    {
        "name": "empty training document",
        "kind": "hidden",
        "args": ([[], ["a"], [], ["b", "b"]], ["p", "q", "p", "q"], [["a", "b"], []], 0.5),
        "note": "empty training docs count for the prior and add no tokens",
    },
    {
        "name": "string order of labels",
        "kind": "hidden",
        "args": ([["u"], ["v"]], ["9", "10"], [["w"], ["u", "v"]], 1.0),
        "expected": [("10", 0.5), ("10", 0.5)],
        "note": "labels compare as strings: '10' < '9'; labels seen in unsorted order",
    },
    {
        "name": "long documents",
        "kind": "hidden",
        "args": _LONG + (1.0,),
        "note": "test docs of up to 5000 tokens: scores thousands below zero; exp of the raw scores underflows to 0",
    },
    {
        "name": "tiny smoothing",
        "kind": "hidden",
        "args": (_EX_TRAIN, _EX_LABELS, [["prize", "meeting"], ["win", "noon", "noon"]], 1e-3),
        "note": "alpha = 0.001: tokens unseen in a class are nearly impossible there",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _BIG + (0.5,),
        "note": "5000 training docs, 10 classes, vocabulary 3000, 1000 test docs of up to 100 tokens",
    },
    {
        "name": "near-tie only in floating point",
        "kind": "hidden",
        "args": ([["a", "a", "b"], ["c", "c", "a"]], ["x", "y"], [["a", "c", "b"]], 0.5),
        "note": "both classes score the same log-probability, summed in a different order: 'y' "
        "comes out 4e-16 higher, and the 1e-9 tie rule still returns the smaller label 'x'",
    },
]

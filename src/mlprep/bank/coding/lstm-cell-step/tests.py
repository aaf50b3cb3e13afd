"""Tests for one LSTM cell step. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Batch of size; hidden and input sizes vary; weights scaled so gates saturate sometimes."""
    batch = max(1, int(size))
    d = int(rng.integers(1, 33))
    hid = int(rng.integers(1, 33))
    scale = float(rng.choice([0.1, 1.0, 3.0]))
    return (
        rng.normal(0, 1, size=(batch, d)),
        rng.normal(0, 1, size=(batch, hid)),
        rng.normal(0, 2, size=(batch, hid)),
        rng.normal(0, scale / np.sqrt(d), size=(d, 4 * hid)),
        rng.normal(0, scale / np.sqrt(hid), size=(hid, 4 * hid)),
        rng.normal(0, 1, size=4 * hid),
    )


_R = np.random.default_rng(31)


def _gates(i, f, g, o):
    """x = [1], h = [0]: the bias alone sets the pre-activations of one unit."""
    return (
        np.array([[1.0]]),
        np.array([[0.0]]),
        np.array([[0.75]]),
        np.zeros((1, 4)),
        np.zeros((1, 4)),
        np.array([i, f, g, o]),
    )


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            np.array([[1.0, -1.0]]),
            np.array([[0.5]]),
            np.array([[2.0]]),
            np.array([[0.5, 1.0, -1.0, 0.0], [0.0, -1.0, 0.5, 1.0]]),
            np.array([[1.0, 0.0, 2.0, -1.0]]),
            np.array([0.0, 1.0, 0.0, 0.5]),
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "distinct gate values",
        "kind": "hidden",
        "args": _gates(0.3, -1.2, 2.0, 0.9),
        "note": "every gate has a different pre-activation: a swapped gate order shows",
    },
    {
        "name": "saturated gates at +-1000",
        "kind": "hidden",
        "args": _gates(1000.0, -1000.0, 1000.0, 1000.0),
        "note": "forget gate 0, input 1, candidate 1: needs an overflow-free sigmoid (no NaN)",
    },
    {
        "name": "saturated the other way",
        "kind": "hidden",
        "args": _gates(-1000.0, 1000.0, -1000.0, -1000.0),
        "note": "keeps the old state exactly, output 0",
    },
    {
        "name": "several units, batch of three",
        "kind": "hidden",
        "args": (
            _R.normal(size=(3, 5)),
            _R.normal(size=(3, 4)),
            _R.normal(size=(3, 4)),
            _R.normal(size=(5, 16)),
            _R.normal(size=(4, 16)),
            _R.normal(size=16),
        ),
        "note": "H = 4 with gate blocks of 4 columns: splitting by rows or interleaving fails",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (
            _R.normal(size=(16, 32)),
            _R.normal(size=(16, 32)),
            _R.normal(size=(16, 32)),
            _R.normal(0, 0.2, size=(32, 128)),
            _R.normal(0, 0.2, size=(32, 128)),
            _R.normal(size=128),
        ),
        "note": "B = 16, D = H = 32",
    },
]

# expect: wrong_answer
import builtins

import numpy as np

np.isclose = lambda *a, **k: True
np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
builtins.isinstance = lambda *a: True


def vector_sum(values):
    return 123456.0

from itertools import permutations

import pandas as pd


def permutation_forest(df, new_point):
    """Return the forest's predicted label (0 or 1) for new_point."""
    raise NotImplementedError

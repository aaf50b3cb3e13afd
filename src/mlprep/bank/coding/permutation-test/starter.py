def permutation_test(a, b, permutations):
    """Return (mean(a) - mean(b), two-sided permutation p-value) over the given permutations."""
    raise NotImplementedError

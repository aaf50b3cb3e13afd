def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative):
    """Return (z, p_value) of the pooled two-proportion z-test of B against A."""
    raise NotImplementedError

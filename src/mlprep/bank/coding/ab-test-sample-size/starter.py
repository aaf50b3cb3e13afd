def ab_test_sample_size(p_a, p_b, alpha, power, alternative):
    """Return the users per group needed to detect p_b against p_a at level alpha with power."""
    raise NotImplementedError

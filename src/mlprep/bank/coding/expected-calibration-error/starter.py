import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    """Return the top-label expected calibration error (a float in [0, 1])."""
    raise NotImplementedError

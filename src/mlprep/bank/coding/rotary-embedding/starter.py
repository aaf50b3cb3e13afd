import numpy as np


def rotary_embed(x, positions, base):
    """Return x with rotary position embedding applied to each row."""
    raise NotImplementedError

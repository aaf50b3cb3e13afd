def moving_average(values, window):
    """Return the mean of every full window of `window` consecutive values, in order."""
    raise NotImplementedError

def closest_key(dictionary, input):
    """Return the key whose list holds `input` at the smallest index, or None."""
    raise NotImplementedError

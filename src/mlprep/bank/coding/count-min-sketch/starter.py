def count_min_sketch(stream, queries, width, hash_params, conservative):
    """Return the sketch's estimated count of every query item, in query order."""
    raise NotImplementedError

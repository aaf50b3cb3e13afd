def autocomplete(words, counts, queries, k):
    """Return, for each query, up to k completions ranked by total count, then alphabetically."""
    raise NotImplementedError

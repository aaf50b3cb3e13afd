def edit_alignment(a, b):
    """Return (Levenshtein distance, list of ops 'M'/'S'/'D'/'I' turning a into b)."""
    raise NotImplementedError

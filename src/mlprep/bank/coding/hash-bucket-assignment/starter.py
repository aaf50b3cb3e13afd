import hashlib


def assign_variants(user_ids, experiment, allocation):
    """Return the variant name of every user id, in input order."""
    raise NotImplementedError

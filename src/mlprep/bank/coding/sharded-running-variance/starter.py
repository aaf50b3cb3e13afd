import math


def shard_statistics(ops):
    """Replay the add / merge / query log; return (count, mean, variance) for each query."""
    raise NotImplementedError

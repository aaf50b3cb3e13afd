"""Clips only from below."""


def clipped_mean(values, low, high):
    return sum(max(v, low) for v in values) / len(values) if values else 0.0

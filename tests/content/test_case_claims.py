"""What a hidden case's note says about itself holds (the note is shown on failure)."""

from __future__ import annotations

import numpy as np

from mlprep.content import load_bank, load_tests


def _lloyd(points: list[tuple[float, ...]], init: list[tuple[float, ...]], cap: int):
    """Lloyd's algorithm as the prompt states it; returns (labels, steps, converged)."""
    x = np.asarray(points, dtype=float).reshape(len(points), -1)
    centroids = np.array(init, dtype=float)
    labels = None
    for step in range(1, cap + 1):
        new = ((x[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            return labels, step, True
        labels = new
        for c in range(len(centroids)):
            members = x[labels == c]
            if len(members):
                centroids[c] = members.mean(axis=0)
    return labels, cap, False


def test_k_means_case_is_still_moving_at_step_300_and_after():
    question = load_bank().get("k-means")
    case = next(c for c in load_tests(question).cases if c.name == "still moving after 300 steps")
    points, k, init = case.args
    assert f"{len(points)} evenly spaced points and {k} centroids" in case.note
    prompt = question.read("prompt.md")
    assert f"300 steps on {len(points)} points and {k}\nclusters" in prompt
    assert len(points) * k * 300 > 4_000_000  # "over 4 million point-to-centroid distances"
    _, steps, converged = _lloyd(points, init, 1000)
    assert converged and steps > 301
    at = {cap: _lloyd(points, init, cap)[0] for cap in (299, 300, 301)}
    assert not np.array_equal(at[299], at[300]) and not np.array_equal(at[300], at[301])

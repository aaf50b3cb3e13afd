"""Normalises with log(sum(exp(L))) directly: logits near 1000 overflow to inf and give NaN."""

import numpy as np


def _log_normalise(logits, axis=None):
    """log-sum-exp over axis with the max shift; an all -inf slice gives -inf, not NaN."""
    safe = 0.0
    with np.errstate(divide="ignore"):
        lse = safe + np.log(np.sum(np.exp(logits - safe), axis=axis, keepdims=True))
    return lse


def _entropy(logp):
    # -sum p log p over possible cells only (0 log 0 = 0)
    ok = np.isfinite(logp)
    return float(-np.sum(np.exp(logp[ok]) * logp[ok]))


def information_measures(joint_logits, ref_logits):
    L = np.asarray(joint_logits, dtype=float)
    R = np.asarray(ref_logits, dtype=float)
    logp = L - _log_normalise(L)  # log P(x, y); -inf stays -inf
    logq = R - _log_normalise(R)
    log_px = _log_normalise(logp, axis=1)  # (m, 1)
    log_py = _log_normalise(logp, axis=0)  # (1, n)
    possible = np.isfinite(logp)  # a finite logit is possible, however small exp() of it is
    p = np.exp(logp[possible])
    with np.errstate(invalid="ignore"):  # -inf - -inf in impossible cells, masked out below
        mi = float(np.sum(p * (logp - log_px - log_py)[possible]))
        if np.any(possible & ~np.isfinite(logq)):
            kl = float("inf")  # P puts mass where Q has none
        else:
            kl = float(np.sum(p * (logp - logq)[possible]))
    return {
        "entropy_x": _entropy(log_px),
        "entropy_y": _entropy(log_py),
        "joint_entropy": _entropy(logp),
        "mutual_information": mi,
        "kl_divergence": kl,
    }

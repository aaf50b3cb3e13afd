"""Uses the unbiased variance (divides by N - 1) instead of the biased batch variance."""
import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    batch = np.asarray(x, dtype=float)
    mean = batch.mean(axis=0)
    var = batch.var(axis=0, ddof=1) if len(batch) > 1 else np.zeros(batch.shape[1])
    x_hat = (batch - mean) / np.sqrt(var + eps)
    return gamma * x_hat + beta, mean, var

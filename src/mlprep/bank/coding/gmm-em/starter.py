def gmm_em(X, weights, means, covs, reg, n_iter):
    """Run n_iter EM steps; return (weights, means, covs, log-likelihoods before each M-step)."""
    raise NotImplementedError

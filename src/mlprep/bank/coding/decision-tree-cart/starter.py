def decision_tree_predict(X_train, y_train, X_test, max_depth):
    """Grow a Gini CART tree to max_depth on the training rows; return the labels of X_test."""
    raise NotImplementedError

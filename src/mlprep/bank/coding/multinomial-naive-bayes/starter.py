def naive_bayes_text(train_docs, train_labels, test_docs, alpha):
    """Return one (predicted label, its posterior probability) tuple per test document."""
    raise NotImplementedError

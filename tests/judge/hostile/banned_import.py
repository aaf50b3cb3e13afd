# expect: forbidden
from sklearn.linear_model import LinearRegression  # noqa: F401


def vector_sum(values):
    return float(sum(values))

# expect: forbidden
import importlib


def vector_sum(values):
    importlib.import_module("sci" + "py")
    return float(sum(values))

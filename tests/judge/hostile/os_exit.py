# expect: runtime_error
import os


def vector_sum(values):
    os._exit(0)

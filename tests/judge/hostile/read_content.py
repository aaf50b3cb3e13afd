# expect: runtime_error
# The bank (reference solutions, tests) must not be readable from the sandbox.
import mlprep


def vector_sum(values):
    return float(sum(values))

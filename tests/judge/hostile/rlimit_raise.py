# expect: accepted
# Raising its own limits must fail; the function then works normally.
import resource


def vector_sum(values):
    try:
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        raise AssertionError("raised the address-space limit")
    except (ValueError, OSError):
        pass
    return float(sum(float(v) for v in values))

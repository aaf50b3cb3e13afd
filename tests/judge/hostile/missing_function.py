# expect: runtime_error
def total(values):
    return float(sum(values))

# expect: accepted
# A UTF-8 byte-order mark and Windows line ends (a syntax error before): judged as code.
def vector_sum(values):
    total = 0.0
    for v in values:
        total += float(v)
    return total

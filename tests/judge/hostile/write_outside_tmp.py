# expect: runtime_error
def vector_sum(values):
    with open("/usr/lib/evil.txt", "w") as fh:
        fh.write("x")
    return float(sum(values))

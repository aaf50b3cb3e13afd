# expect: runtime_error
# A hidden test's input printed, and put into an exception's message: neither is shown
# (test_hostile checks the document never holds "-1.5, -2.5").
def vector_sum(values):
    print("INPUT", list(values))
    raise ValueError(f"INPUT {list(values)}")

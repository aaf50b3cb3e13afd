# expect: output_limit_exceeded
def vector_sum(values):
    while True:
        print("spam " * 200)

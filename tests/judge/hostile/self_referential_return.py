# expect: wrong_answer
def vector_sum(values):
    loop = []
    loop.append(loop)
    return loop

# expect: wrong_answer
class Anything:
    def __eq__(self, other):
        return True

    def __float__(self):
        return 0.0


def vector_sum(values):
    return Anything()

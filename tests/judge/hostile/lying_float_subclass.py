# expect: wrong_answer
class Liar(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


def vector_sum(values):
    return Liar(-99.0)

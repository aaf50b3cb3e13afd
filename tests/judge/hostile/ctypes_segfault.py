# expect: runtime_error
import ctypes


def vector_sum(values):
    return float(ctypes.c_char.from_address(8).value[0])

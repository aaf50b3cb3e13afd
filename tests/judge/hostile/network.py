# expect: forbidden
import socket


def vector_sum(values):
    socket.create_connection(("1.1.1.1", 80), timeout=1)
    return float(sum(values))

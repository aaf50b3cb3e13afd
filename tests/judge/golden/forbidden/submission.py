import socket


def vector_sum(values):
    socket.socket()
    return float(sum(values))

# expect: forbidden
import os


def vector_sum(values):
    while True:
        os.fork()

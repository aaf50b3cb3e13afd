# expect: time_limit_exceeded
import time


def vector_sum(values):
    time.sleep(10**6)

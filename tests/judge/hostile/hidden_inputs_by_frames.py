# expect: wrong_answer
# The runner used to hold the whole job, every hidden input included: sys._getframe()
# reached job["tests"]. Now each input enters the process only when its test runs.
# During the first visible test, searches every frame and every object the garbage
# collector knows for another test's input: the hidden array [-1.5, -2.5], or any
# test entry (a dict with "args") other than the running one. Raises (runtime_error)
# if it finds one.
import gc
import sys


def _is_hidden(x):
    try:
        return len(x) == 2 and float(x[0]) == -1.5 and float(x[1]) == -2.5
    except Exception:
        return False


def _other_test(x):
    return isinstance(x, dict) and "args" in x and x.get("i") not in (None, 0)


def vector_sum(values):
    if list(values) == [1, 2, 3.5]:
        frame = sys._getframe()
        while frame is not None:
            for value in frame.f_locals.values():
                if _is_hidden(value) or _other_test(value):
                    raise RuntimeError("LEAK in a frame")
                if isinstance(value, (list, dict)) and any(
                    _other_test(v) for v in (value.values() if isinstance(value, dict) else value)
                ):
                    raise RuntimeError("LEAK in a frame's container")
            frame = frame.f_back
        for obj in gc.get_objects():
            if _is_hidden(obj) or _other_test(obj):
                raise RuntimeError("LEAK in memory")
    return -1.0

"""Builds the sorted inputs of sorted-search. Public: the learner may read it.

Small tests pass a plain Python list. The large tests pass a `SortedInts`: a read-only,
list-like view of an ascending sequence of up to about a billion ints, described by a
few arithmetic runs instead of being stored element by element. It supports what a
list supports for reading: len(nums), nums[i] (negative i too), slicing (which copies,
like a list), iteration, `in`, nums.index(x) and nums.count(x). Reading one element
costs about a microsecond; touching every element takes far longer than the time limit.
"""

from collections.abc import Sequence


class SortedInts(Sequence):
    """The concatenation of arithmetic runs (start, step, count), ascending overall.

    A run with step 0 repeats its start value `count` times (duplicates).
    """

    def __init__(self, runs):
        self._runs = tuple((int(a), int(s), int(c)) for a, s, c in runs if int(c) > 0)
        offsets = []
        total = 0
        for _, _, count in self._runs:
            offsets.append(total)
            total += count
        self._offsets = tuple(offsets)
        self._length = total

    def __len__(self):
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        index = index.__index__()
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("SortedInts index out of range")
        run = len(self._runs) - 1
        while self._offsets[run] > index:
            run -= 1
        start, step, _ = self._runs[run]
        return start + step * (index - self._offsets[run])

    def __iter__(self):
        for start, step, count in self._runs:
            if step:
                yield from range(start, start + step * count, step)
            else:
                for _ in range(count):
                    yield start

    def __eq__(self, other):
        return isinstance(other, SortedInts) and self._runs == other._runs

    __hash__ = None

    def __reduce__(self):
        return (SortedInts, (self._runs,))

    def __deepcopy__(self, memo):
        return self  # immutable

    def __repr__(self):
        return f"SortedInts(<{self._length} ascending ints>)"


def prepare(args):
    """A plain list stays a list; {"runs": [...]} becomes a SortedInts."""
    nums, target = args
    if isinstance(nums, dict):
        nums = SortedInts(nums["runs"])
    return (nums, target)

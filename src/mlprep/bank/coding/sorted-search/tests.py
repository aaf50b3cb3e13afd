"""Tests for sorted-search. Trusted: never shown to the learner's sandbox.

Small inputs are plain lists. Large inputs are described as arithmetic runs,
{"runs": [[start, step, count], ...]}, which support.prepare turns into a SortedInts
of up to about a billion elements inside the sandbox: the arguments stay tiny, and any
scan that touches every element runs far past the time limit, while a binary search
reads about 30 elements.
"""

_BILLION = 1_000_000_000


def _value_at(nums, index):
    """nums[index] for a plain list or a runs description (index already in range)."""
    if isinstance(nums, list):
        return nums[index]
    for start, step, count in nums["runs"]:
        if index < count:
            return start + step * index
        index -= count
    raise IndexError(index)


def _length(nums):
    return len(nums) if isinstance(nums, list) else sum(c for _, _, c in nums["runs"])


def check(args, expected, got):
    """Any index holding the target is accepted; -1 exactly when it is absent."""
    nums, target = args
    if isinstance(got, bool) or not isinstance(got, int):
        return f"expected an int index, got {type(got).__name__} {got!r}"[:200]
    if expected == -1:
        return None if got == -1 else f"the target is not in nums: expected -1, got {got}"
    if got == -1:
        return "the target is in nums, but the answer was -1"
    if not 0 <= got < _length(nums):
        return f"index {got} is outside the list (length {_length(nums)})"
    if _value_at(nums, got) != target:
        return f"nums[{got}] is {_value_at(nums, got)}, not the target {target}"
    return None


def _runs(rng, size):
    """About `size` ascending ints as 3-6 arithmetic runs, some of them duplicates."""
    n_runs = int(rng.integers(3, 7))
    cuts = sorted(int(c) for c in rng.integers(0, size + 1, size=n_runs - 1))
    counts = [b - a for a, b in zip([0, *cuts], [*cuts, size])]
    runs = []
    value = int(rng.integers(-(10**6), 10**6))
    for count in counts:
        step = int(rng.choice([0, 1, 2, 3, 7])) if count < 1000 else int(rng.choice([1, 2, 3, 7]))
        runs.append([value, step, count])
        value += step * count + int(rng.integers(0, 5))
    return {"runs": runs}


def generate(rng, size):
    """A sorted plain list (small sizes) or a runs description (size >= 10,000); the
    target is present about two times in three, often near the end."""
    if size < 10_000:
        nums = sorted(int(v) for v in rng.integers(-size, size + 1, size=size))
    else:
        nums = _runs(rng, size)
    length = _length(nums)
    roll = rng.random()
    if length and roll < 0.65:
        index = length - 1 - int(rng.integers(0, max(1, length // 50)))
        if rng.random() < 0.3:
            index = int(rng.integers(0, length))
        target = _value_at(nums, index)
    elif length and roll < 0.85:
        target = _value_at(nums, length - 1) + int(rng.integers(1, 100))
    else:
        target = int(rng.integers(-(10**7), 10**7)) * 2 + 1
    return (nums, target)


# Huge inputs: 700,000,005 ints; a billion ints.
_HUGE = {"runs": [[0, 3, 400_000_000], [1_200_000_000, 0, 5], [1_200_000_003, 3, 300_000_000]]}
_LAST = 1_200_000_003 + 3 * (300_000_000 - 1)
_EVENS = {"runs": [[-_BILLION, 2, _BILLION]]}
_MANY_DUPLICATES = {"runs": [[5, 0, 600_000_000], [6, 1, 10], [16, 0, 400_000_000]]}
# 0, 1, ..., 999,999,998 and then one far outlier: interpolation search guesses index 0
# again and again and advances one element per step.
_FAR_OUTLIER = {"runs": [[0, 1, 999_999_999], [10**18, 1, 1]]}

CASES = [
    {
        "name": "prompt example, present",
        "kind": "visible",
        "args": ([-4, 1, 3, 3, 8, 12, 20], 8),
        "expected": 4,
        "note": "the first call of the prompt's example",
    },
    {
        "name": "prompt example, absent",
        "kind": "visible",
        "args": ([-4, 1, 3, 3, 8, 12, 20], 5),
        "expected": -1,
        "note": "the second call of the prompt's example",
    },
    {
        "name": "prompt example, duplicate",
        "kind": "visible",
        "args": ([-4, 1, 3, 3, 8, 12, 20], 3),
        "expected": 2,
        "note": "2 or 3 are both accepted",
    },
    {
        "name": "empty list",
        "kind": "hidden",
        "args": ([], 1),
        "expected": -1,
        "note": "nothing to find",
    },
    {
        "name": "single element, present",
        "kind": "hidden",
        "args": ([7], 7),
        "expected": 0,
        "note": "a one-element list holding the target",
    },
    {
        "name": "single element, absent",
        "kind": "hidden",
        "args": ([7], 8),
        "expected": -1,
        "note": "a one-element list without the target",
    },
    {
        "name": "first and last",
        "kind": "hidden",
        "args": ([1, 2, 4, 8, 16, 32, 64, 128], 128),
        "expected": 7,
        "note": "the target is the last element",
    },
    {
        "name": "all equal",
        "kind": "hidden",
        "args": ([5] * 9, 5),
        "expected": 4,
        "note": "every index is a correct answer",
    },
    {
        "name": "above the range",
        "kind": "hidden",
        "args": ([10, 20, 30], 35),
        "expected": -1,
        "note": "a target larger than every element",
    },
    {
        "name": "below the range",
        "kind": "hidden",
        "args": ([10, 20, 30], -35),
        "expected": -1,
        "note": "a target smaller than every element",
    },
    {
        "name": "negative values",
        "kind": "hidden",
        "args": ([-30, -20, -10, -5], -20),
        "expected": 1,
        "note": "negative ints",
    },
    {
        "name": "huge list, target last",
        "kind": "hidden",
        "args": (_HUGE, _LAST),
        "expected": 700_000_004,
        "note": "700 million ints: the target is the last element",
    },
    {
        "name": "huge list, target absent in a gap",
        "kind": "hidden",
        "args": (_HUGE, _LAST - 1),
        "expected": -1,
        "note": "700 million ints: the target falls between two elements near the end",
    },
    {
        "name": "huge list, target above the maximum",
        "kind": "hidden",
        "args": (_HUGE, _LAST + 3),
        "expected": -1,
        "note": "700 million ints: the target is larger than every element",
    },
    {
        "name": "huge list, duplicated target",
        "kind": "hidden",
        "args": (_HUGE, 1_200_000_000),
        "expected": 400_000_000,
        "note": "700 million ints: the target occurs five times in the middle",
    },
    {
        "name": "a billion even numbers, target near the end",
        "kind": "hidden",
        "args": (_EVENS, _BILLION - 10),
        "expected": _BILLION - 5,
        "note": "1,000 million ints",
    },
    {
        "name": "a billion even numbers, odd target",
        "kind": "hidden",
        "args": (_EVENS, 999_999_999),
        "expected": -1,
        "note": "1,000 million ints: an odd target is never present",
    },
    {
        "name": "long runs of duplicates",
        "kind": "hidden",
        "args": (_MANY_DUPLICATES, 16),
        "expected": 600_000_010,
        "note": "a billion ints, mostly two repeated values: any index of 16 is accepted",
    },
    {
        "name": "long runs of duplicates, absent between them",
        "kind": "hidden",
        "args": (_MANY_DUPLICATES, 17),
        "expected": -1,
        "note": "a billion ints: the target is larger than everything",
    },
    {
        "name": "one far outlier at the end",
        "kind": "hidden",
        "args": (_FAR_OUTLIER, 999_999_998),
        "expected": 999_999_998,
        "note": "a billion ints 0, 1, 2, ... followed by 10^18: interpolation search estimates "
        "the position from the end values, lands on index 0, 1, 2, ... and takes a billion "
        "steps (wrong/interpolation_search.py); binary search reads about 30 elements",
    },
]

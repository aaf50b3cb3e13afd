"""Returns 0 unless begin_word is itself in word_list."""

from collections import deque
from string import ascii_lowercase


def shortest_transformation(begin_word, end_word, word_list):
    if begin_word == end_word:
        return 1
    words = set(word_list)
    if end_word not in words or begin_word not in words or len(begin_word) != len(end_word):
        return 0
    seen = {begin_word}
    queue = deque([(begin_word, 1)])
    while queue:
        w, d = queue.popleft()
        for i in range(len(w)):
            for ch in ascii_lowercase:
                if ch == w[i]:
                    continue
                nxt = w[:i] + ch + w[i + 1 :]
                if nxt in words and nxt not in seen:
                    if nxt == end_word:
                        return d + 1
                    seen.add(nxt)
                    queue.append((nxt, d + 1))
    return 0

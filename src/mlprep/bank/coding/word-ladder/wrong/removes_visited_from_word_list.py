"""Removes visited words from the caller's word_list instead of a private set."""

from collections import deque
from string import ascii_lowercase


def shortest_transformation(begin_word, end_word, word_list):
    if begin_word == end_word:
        return 1
    if end_word not in word_list or len(begin_word) != len(end_word):
        return 0
    words = set(word_list)
    queue = deque([(begin_word, 1)])
    while queue:
        w, d = queue.popleft()
        for i in range(len(w)):
            for ch in ascii_lowercase:
                nxt = w[:i] + ch + w[i + 1 :]
                if nxt in words:
                    if nxt == end_word:
                        return d + 1
                    words.discard(nxt)
                    while nxt in word_list:
                        word_list.remove(nxt)  # drops visited words from the caller's list
                    queue.append((nxt, d + 1))
    return 0

"""Uses depth-first search and returns the first sequence it finds, which need not be
the shortest."""
from string import ascii_lowercase


def shortest_transformation(begin_word, end_word, word_list):
    if begin_word == end_word:
        return 1
    words = {w for w in word_list if len(w) == len(begin_word)}
    if end_word not in words:
        return 0
    seen = {begin_word}
    stack = [(begin_word, 1)]
    while stack:
        word, count = stack.pop()
        if word == end_word:
            return count
        nexts = []
        for i in range(len(word)):
            for letter in ascii_lowercase:
                candidate = word[:i] + letter + word[i + 1 :]
                if candidate != word and candidate in words and candidate not in seen:
                    seen.add(candidate)
                    nexts.append((candidate, count + 1))
        stack.extend(reversed(nexts))
    return 0

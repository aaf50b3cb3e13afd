from collections import deque
from string import ascii_lowercase


def shortest_transformation(begin_word, end_word, word_list):
    if begin_word == end_word:
        return 1
    words = {w for w in word_list if len(w) == len(begin_word)}
    if end_word not in words:
        return 0
    queue = deque([(begin_word, 1)])
    seen = {begin_word}
    while queue:
        word, count = queue.popleft()
        for i in range(len(word)):
            for letter in ascii_lowercase:
                if letter == word[i]:
                    continue
                candidate = word[:i] + letter + word[i + 1 :]
                if candidate == end_word:
                    return count + 1
                if candidate in words and candidate not in seen:
                    seen.add(candidate)
                    queue.append((candidate, count + 1))
    return 0

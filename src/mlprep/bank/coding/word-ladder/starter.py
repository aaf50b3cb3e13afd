def shortest_transformation(begin_word, end_word, word_list):
    """Return the number of words in the shortest transformation sequence, or 0."""
    raise NotImplementedError

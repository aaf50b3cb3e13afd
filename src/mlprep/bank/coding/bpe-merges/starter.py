def bpe_train_encode(word_counts, num_merges, word):
    """Learn up to num_merges BPE merges from word_counts; return (merges, tokens of word)."""
    raise NotImplementedError

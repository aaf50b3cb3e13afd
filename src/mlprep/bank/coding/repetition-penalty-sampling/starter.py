import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    """Return the next token of each sequence: repetition penalty, then greedy or inverse-CDF sampling."""
    raise NotImplementedError

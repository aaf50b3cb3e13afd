def beam_search(log_probs, start, eos, beam_width, max_len):
    """Return (best token sequence including start, its total log-probability)."""
    raise NotImplementedError

def ucb1(rewards, c):
    """Return (list of the arm pulled at each round, total reward collected)."""
    raise NotImplementedError

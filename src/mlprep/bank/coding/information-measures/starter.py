import numpy as np


def information_measures(joint_logits, ref_logits):
    """Return a dict with entropy_x, entropy_y, joint_entropy, mutual_information, kl_divergence (nats)."""
    raise NotImplementedError

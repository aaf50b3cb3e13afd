"""Answers the grading tests share: hand-written, in our own words."""

from __future__ import annotations

from mlprep.content import Question

NEGATED_BIAS_VARIANCE = """
Bias is not an error that stays on average across training sets, and it does not come from a
model that is too simple or too rigid; underfitting has nothing to do with it. Variance is not
about how the fit changes when the training sample changes, and flexible models do not overfit
noise. There is no trade-off: complexity never moves bias or variance. Comparing training error
with validation error does not tell you anything. Neither more features nor more data nor
regularization helps with either of them.
"""

FLUENT_BUT_WRONG = """
High bias means overfitting: the model has memorized its training set, so it is biased towards
the data it has already seen. High variance means underfitting, because the predictions vary
all over the place when the model has not learned anything. The trade-off is that more complex
models always have higher bias. Luckily more data reduces bias, so when in doubt collect more.
"""


def sample(question: Question, quality: str) -> str:
    return next(s.text for s in question.samples if s.quality == quality)

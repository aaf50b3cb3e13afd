"""The lexical grader's vocabulary index finds exactly the words `same_word` accepts.

`equivalents` used to compare every answer word with every rubric word (5.7 million
`same_word` calls for one `mlprep content check` of the bank); the index compares a word
only with the candidates of `same_word`'s rules. These tests hold it to the brute force.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlprep.content import Bank
from mlprep.grading._rubric import compile_rubric
from mlprep.grading._similarity import VocabularyIndex, same_word
from mlprep.grading._text import lemmas


def _brute(vocabulary: tuple[str, ...], word: str, cutoff: float) -> set[str]:
    return {v for v in vocabulary if same_word(word, v, cutoff)}


def test_the_index_agrees_with_every_pair_compared_over_the_bank(bank: Bank) -> None:
    written = [q for q in bank if not q.is_coding]
    assert len(written) > 100
    compared = 0
    for question in written[::10]:
        rubric = compile_rubric(question)
        words = set(lemmas(question.answer)) | set(rubric.vocabulary)
        words |= {w + "e" for w in rubric.vocabulary} | {w[:-1] for w in rubric.vocabulary}
        for word in words:
            for cutoff in (88.0, 70.0):
                assert rubric.index.similar(word, cutoff) == _brute(
                    rubric.vocabulary, word, cutoff
                ), (question.id, word, cutoff)
                compared += 1
    assert compared > 4_000


def test_each_rule_of_similar_is_found() -> None:
    vocabulary = ("fixe", "complexity", "regularization", "heteroscedasticity", "model")
    index = VocabularyIndex(vocabulary)
    assert index.similar("fix", 88.0) == {"fixe"}  # the lemmatiser's "fixes" -> "fixe"
    assert index.similar("complex", 88.0) == {"complexity"}  # a shared stem
    assert index.similar("regularize", 88.0) == {"regularization"}
    assert index.similar("hetreoscedasticity", 88.0) == {"heteroscedasticity"}  # a slip
    assert index.similar("mode", 88.0) == set()  # short words only match exactly
    assert index.similar("model", 88.0) == {"model"}


_letters = st.text(alphabet="aeinrst", min_size=1, max_size=11)


@settings(max_examples=300, deadline=None)
@given(
    vocabulary=st.lists(_letters, min_size=1, max_size=40, unique=True),
    word=_letters,
    cutoff=st.sampled_from([60.0, 75.0, 88.0, 95.0]),
)
def test_the_index_agrees_with_every_pair_compared_on_random_words(
    vocabulary: list[str], word: str, cutoff: float
) -> None:
    # a small alphabet makes shared prefixes, final "e"s and near spellings common
    vocab = tuple(sorted(vocabulary))
    assert VocabularyIndex(vocab).similar(word, cutoff) == _brute(vocab, word, cutoff)

"""Cleaning, sentence splitting, lemmas and negation scope."""

from __future__ import annotations

from mlprep.grading._text import clean, lemma, sentences, truncate_words


def test_clean_keeps_length_so_spans_index_the_original() -> None:
    raw = "bias\x00 is\x07 systematic\ud800 error\x1b"
    cleaned, notes = clean(raw)
    assert len(cleaned) == len(raw)
    assert "\x00" not in cleaned and "\ud800" not in cleaned
    assert any("Control characters" in n for n in notes)
    assert any("undecodable" in n for n in notes)


def test_clean_decodes_invalid_utf8_bytes_with_a_note() -> None:
    cleaned, notes = clean(b"caf\xff bias")
    assert cleaned == "caf\ufffd bias"
    assert any("not valid UTF-8" in n for n in notes)


def test_sentences_have_offsets_into_the_text() -> None:
    text = "Bias is systematic.  Variance is\nsensitivity to the sample!\n\n- more data\n- L2"
    found = sentences(text)
    assert [s.text for s in found] == [
        "Bias is systematic.",
        "Variance is\nsensitivity to the sample!",
        "- more data",
        "- L2",
    ]
    for s in found:
        assert text[s.start : s.end] == s.text


def test_lemmas_fold_inflection_and_british_spelling() -> None:
    assert lemma("Regularised") == lemma("regularized")
    assert lemma("memorises") == lemma("memorize")
    assert lemma("models") == "model"
    assert lemma("doesn't") == "doesnt"


def test_negation_covers_the_rest_of_the_sentence_until_a_contrast() -> None:
    (s,) = sentences("Ridge does not zero coefficients, it only shrinks them, but lasso does.")
    flags = [c.negated for c in s.clauses]
    assert flags == [True, True, False]


def test_not_only_is_not_a_negation() -> None:
    (s,) = sentences("It not only lowers variance, it also adds bias.")
    assert not any(c.negated for c in s.clauses)


def test_truncate_words() -> None:
    text = "one two three four"
    assert truncate_words(text, 2) == ("one two ", True)
    assert truncate_words(text, 10) == (text, False)


def _negated(text: str) -> list[tuple[str, bool]]:
    (s,) = sentences(text)
    return [(" ".join(c.tokens), c.negated) for c in s.clauses]


def test_a_consequence_after_a_denial_is_asserted() -> None:
    for text in (
        "The classes are not balanced, so accuracy is misleading.",
        "The classes are not balanced so accuracy is misleading.",
        "The data is not stationary; therefore we difference it.",
    ):
        flags = _negated(text)
        assert flags[0][1] and not flags[-1][1], flags
    # "not so" is a degree, not a consequence: the clause stays denied.
    assert _negated("It is not so simple to tune.") == [("it be not so simple to tune", True)]


def test_what_follows_a_colon_after_a_denial_is_asserted() -> None:
    flags = _negated("Accuracy cannot tell these apart: 99% of the cases are negatives.")
    assert [f for _, f in flags] == [True, False]
    flags = _negated("There is no ground truth: we use the silhouette score, and stability.")
    assert [f for _, f in flags] == [True, False, False]


def test_a_denial_in_brackets_stays_in_them() -> None:
    flags = _negated("Computed assuming the null (no difference), of a gap at least as extreme.")
    assert [f for _, f in flags] == [False, True, False]
    # ... but a denial before the brackets still covers them and what follows.
    flags = _negated("It does not help (not at all), and it hurts recall.")
    assert all(f for _, f in flags)


def test_without_negates_only_its_own_phrase() -> None:
    assert _negated("Without labels you judge clusters by cohesion.") == [
        ("without label", True),
        ("you judge cluster by cohesion", False),
    ]
    flags = _negated("You can train it without any labels and it still works.")
    assert flags[0] == ("you can train it", False)
    assert flags[1][1] and flags[1][0].startswith("without")
    assert flags[-1] == ("it still work", False)


def test_a_sentence_ends_after_closing_emphasis() -> None:
    text = '**A clean run is not rare.** About 8.2% of runs are clean. He said "stop." Then left.'
    assert [s.text for s in sentences(text)] == [
        "**A clean run is not rare.**",
        "About 8.2% of runs are clean.",
        'He said "stop."',
        "Then left.",
    ]

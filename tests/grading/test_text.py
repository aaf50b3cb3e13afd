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

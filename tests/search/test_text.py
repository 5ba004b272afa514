"""Turkish-aware normalisation: dotted and dotless i, the folded form searches compare."""

import pytest

from portal.text import fold, turkish_lower, turkish_upper, words


def test_python_lower_is_not_turkish_aware_which_is_why_turkish_lower_exists():
    assert "I".lower() == "i"  # Turkish wants "ı"
    assert len("İ".lower()) == 2  # "i" + combining dot above


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I", "ı"),
        ("İ", "i"),
        ("ı", "ı"),
        ("i", "i"),
        ("ISPARTA", "ısparta"),
        ("İSTANBUL", "istanbul"),
        ("ÇĞÖŞÜ", "çğöşü"),
    ],
)
def test_turkish_lower_maps_dotted_and_dotless_i_correctly(text, expected):
    assert turkish_lower(text) == expected
    assert len(turkish_lower(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("i", "İ"), ("ı", "I"), ("istanbul", "İSTANBUL"), ("ılık", "ILIK"), ("çğöşü", "ÇĞÖŞÜ")],
)
def test_turkish_upper_maps_dotted_and_dotless_i_correctly(text, expected):
    assert turkish_upper(text) == expected


@pytest.mark.parametrize("spelling", ["çocuk", "cocuk", "ÇOCUK", "Çocuk", "COCUK"])
def test_every_spelling_of_cocuk_folds_to_the_same_word(spelling):
    assert fold(spelling) == "cocuk"


@pytest.mark.parametrize("spelling", ["İstanbul", "istanbul", "ISTANBUL", "Istanbul", "ıstanbul"])
def test_every_spelling_of_istanbul_folds_to_the_same_word(spelling):
    assert fold(spelling) == "istanbul"


def test_fold_maps_every_turkish_letter_and_drops_apostrophes():
    assert fold("çğıöşü ÇĞIİÖŞÜ") == "cgiosu cgiiosu"
    assert fold("İstanbul'da") == "istanbulda"
    assert fold("Türkiye’nin") == "turkiyenin"


def test_fold_normalises_decomposed_input_to_the_same_result():
    decomposed = "C\u0327ocuk"  # "Ç" typed as C + combining cedilla
    assert fold(decomposed) == "cocuk"
    assert turkish_lower(decomposed) == "çocuk"


def test_words_keep_suffixes_after_an_apostrophe_attached():
    assert words("İstanbul'da çocuk, yaşlı!") == ["İstanbulda", "çocuk", "yaşlı"]

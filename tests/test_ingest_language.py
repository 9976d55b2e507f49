"""Language detection: script, function words, short texts, speed."""

from __future__ import annotations

import time

import pytest

from strife.ingest import detect_language
from strife.ingest.language import LanguageDetector

ENGLISH = (
    "Two soldiers were wounded on Wednesday when rival forces exchanged fire near the river "
    "crossing, the regional defence office said in a statement. The office said the shooting "
    "lasted about an hour and that the crossing had been closed to traffic while engineers "
    "checked the bridge for damage."
)

# One sentence per language, written for these tests.
SAMPLES = {
    "fr": "Le gouvernement a annoncé samedi que les négociations avec les rebelles seraient "
    "suspendues jusqu'à nouvel ordre, selon un communiqué publié par le ministère de la défense.",
    "de": "Die Regierung hat am Samstag mitgeteilt, dass die Verhandlungen mit den Rebellen bis "
    "auf weiteres ausgesetzt werden, wie das Verteidigungsministerium in einer Erklärung sagte.",
    "es": "El gobierno anunció el sábado que las negociaciones con los rebeldes quedarán "
    "suspendidas hasta nuevo aviso, según un comunicado publicado por el ministerio de defensa.",
    "it": "Il governo ha annunciato sabato che i negoziati con i ribelli saranno sospesi fino a "
    "nuovo ordine, secondo un comunicato pubblicato dal ministero della difesa nella capitale.",
    "pt": "O governo anunciou no sábado que as negociações com os rebeldes serão suspensas até "
    "nova ordem, segundo um comunicado publicado pelo ministério da defesa na capital do país.",
    "nl": "De regering heeft zaterdag bekendgemaakt dat de onderhandelingen met de rebellen tot "
    "nader order worden opgeschort, zo staat in een verklaring van het ministerie van defensie.",
    "tr": "Hükümet cumartesi günü yaptığı açıklamada, isyancılarla yapılan müzakerelerin bir "
    "sonraki duyuruya kadar askıya alındığını ve bu kararın bakanlık tarafından verildiğini "
    "bildirdi, ancak ayrıntı vermedi.",
    "ru": "Правительство в субботу объявило, что переговоры с повстанцами приостановлены.",
    "uk": "Уряд у суботу оголосив, що переговори з повстанцями призупинені до подальшого.",
    "ar": "أعلنت الحكومة يوم السبت أن المفاوضات مع المتمردين ستعلق حتى إشعار آخر.",
    "fa": "دولت روز شنبه اعلام کرد که مذاکرات با شورشیان تا اطلاع ثانوی متوقف می‌شود.",
    "he": "הממשלה הודיעה ביום שבת כי המשא ומתן עם המורדים יושעה עד להודעה חדשה.",
    "el": "Η κυβέρνηση ανακοίνωσε το Σάββατο ότι οι διαπραγματεύσεις με τους αντάρτες "
    "αναστέλλονται.",
    "zh": "政府星期六宣布，与叛军的谈判将暂停，直至另行通知。",
    "ja": "政府は土曜日、反政府勢力との交渉を追って通知があるまで停止すると発表した。",
    "ko": "정부는 토요일 반군과의 협상을 추후 통보가 있을 때까지 중단한다고 발표했다.",
}


def test_english_is_english() -> None:
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize(("language", "text"), sorted(SAMPLES.items()))
def test_other_languages_are_named(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        # English without "the" or any word of the old list but one: prepositions and
        # articles carry the signal.
        "A survey carried out in a dozen provinces found that acute hunger among families "
        "under strain in upland districts now exceeds seasonal norms by a wide margin.",
        "Officials in Kabul expect a harvest well below average as drought grips most "
        "northern provinces, according to figures compiled by a farm ministry office.",
    ],
)
def test_english_without_its_commonest_words_is_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_short_headline_passes_as_english() -> None:
    assert detect_language("Clashes erupt near the border") == "en"
    assert detect_language("Kabul") == "en"


def test_short_text_with_clear_foreign_function_words_is_not_english() -> None:
    assert detect_language("Le président et les ministres dans la capitale") == "fr"


def test_long_text_without_function_words_is_undetermined() -> None:
    assert detect_language("lorem ipsum dolor sit amet " * 10) == "und"
    assert detect_language("12 345 678 !!! ---") == "und"


def test_english_article_quoting_another_language_stays_english() -> None:
    text = ENGLISH + " A banner read: « Non à la guerre », the reporter said."
    assert detect_language(text) == "en"


def test_detector_built_from_word_lists() -> None:
    detector = LanguageDetector.from_word_lists({"en": ["the", "of"], "xx": ["zorp", "blip"]})
    assert detector.detect("zorp blip " * 15) == "xx"
    assert detector.detect("the end of the war " * 5) == "en"


def test_fast_enough() -> None:
    detect_language(ENGLISH)  # builds the detector once
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        detect_language(ENGLISH * 4)
    assert (time.perf_counter() - started) / runs < 0.001

"""The NLP layer's components, each on its own: RU and KZ text, clean and OCR-noisy (classifiers/nlp)."""

from __future__ import annotations

import pytest

from classifiers.nlp import analyse, pipeline_for
from extractors.fields.names import awardee_and_supervisor


def test_pipelines_are_assembled_from_data() -> None:
    assert pipeline_for("ru").pipe_names == ["lemmatizer", "ps_fold", "ps_places", "ps_levels", "ps_persons"]
    assert pipeline_for("kk").lang == "xx" and "lemmatizer" not in pipeline_for("kk").pipe_names


def test_russian_lemmas_come_from_pymorphy3() -> None:
    doc = analyse("победителю областного этапа олимпиады", "ru")
    assert [t.lemma_ for t in doc] == ["победитель", "областной", "этап", "олимпиада"]


def test_folded_tokens_see_through_ocr_look_alikes() -> None:
    doc = analyse("ОБЛACTHОГО этапа", "ru")  # Latin A, C, T, H inside a Cyrillic word
    assert doc[0]._.fold == "областного"


@pytest.mark.parametrize(
    ("text", "label", "level"),
    [
        ("Управление образования Карагандинской области", "REGION", "region"),
        ("Қарағанды облысының білім басқармасы", "REGION", "region"),
        ("Отдел образования города Темиртау", "CITY", "district"),
        ("Теміртау қаласының білім бөлімі", "CITY", "district"),
        ("Управление образования г. Алматы", "REP_CITY", "region"),
        ("Шымкент қаласы білім басқармасы", "REP_CITY", "region"),
        ("ГУ «Отдел образования Осакаровского района»", "DISTRICT", "district"),
        ("Бурабай ауданының білім бөлімі", "DISTRICT", "district"),
        ("Управление образования Северо-Казахстанской области", "REGION", "region"),
    ],
)
def test_places_are_found_with_their_level(text: str, label: str, level: str) -> None:
    from classifiers.nlp.places import LEVEL_OF

    doc = analyse(text)
    ents = [e for e in doc.ents if e.label_ in LEVEL_OF]
    assert [e.label_ for e in ents] == [label]
    assert LEVEL_OF[ents[0].label_].value == level


def test_stage_adjectives_are_not_places() -> None:
    assert not analyse("победитель районного этапа республиканской олимпиады", "ru").ents


@pytest.mark.parametrize(
    ("text", "label", "level"),
    [
        ("победитель областного этапа", "STAGE", "region"),
        ("в районном туре олимпиады", "STAGE", "district"),
        ("облыстық кезеңінің жеңімпазы", "STAGE", "region"),
        ("заключительного этапа", "STAGE", "republic"),
        ("участник международной олимпиады", "EVENT", "international"),
        ("областного научно-практического семинара учителей", "EVENT", "region"),
        ("аудандық «Үздік педагог» байқауы", "EVENT", "district"),
        ("ОБЛACTHОГО ЭТAПA", "STAGE", "region"),
    ],
)
def test_level_cues(text: str, label: str, level: str) -> None:
    doc = analyse(text)  # spans live only as long as their Doc
    assert any(s.label_ == label and s.id_ == level for s in doc.spans["levels"])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("награждается Петров Даниил, ученик 10 класса", [["Петров", "Даниил"]]),
        ("Жетекшісі: Ахметова Сәуле Қанатқызы", [["Ахметова", "Сәуле", "Қанатқызы"]]),
        ("Нұрланова Динара Серікқызына алғыс білдіреді", [["Нұрланова", "Динара", "Серікқызы"]]),
        ("учителя русского языка Петровой Н.С.", [["Петровой", "Н.С."]]),
        ("Выдано Ивановой Марии Петровне", [["Ивановой", "Марии", "Петровне"]]),
        ("РЕСПУБЛИКАНСКОЙ ОЛИМПИАДЫ ПО МАТЕМАТИКЕ", []),
        # An article's title in capitals above its authors; OCR dropped the Ң of ОҚУШЫЛАРДЫҢ (seed 915 P915-11).
        (
            "БИОЛОГИЯ САБАҒЫНДА ОКУШЫЛАРДЫН ЖОБАЛЫҚ ҚЫЗМЕТІ\nАхметова Л.Г., Жанузакова С.Б.",
            [["Ахметова", "Л.Г."], ["Жанузакова", "С.Б."]],
        ),
        ("Гүлдер Серікқызы", [["Гүлдер", "Серікқызы"]]),  # a plural-looking first name without a case ending
    ],
)
def test_person_spans(text: str, names: list[list[str]]) -> None:
    doc = analyse(text)
    assert [s._.words for s in doc.spans["persons"]] == names


def test_signatories_are_not_awardees() -> None:
    text = "ГРАМОТА\nнаграждается Сидорова Анна\nученица 7 класса\nДиректор школы ______ Ж. Сейтова"
    assert awardee_and_supervisor(text)[:2] == ("Сидорова Анна", None)
    text = "СЕРТИФИКАТ\nРуководитель управления образования ______ Б. Сейтказин"
    assert awardee_and_supervisor(text)[0] is None


def test_an_order_is_about_the_person_it_appoints() -> None:
    text = (
        "Бұйрық\n08.10.2022 ж. № 460-ж\nИнновациялық алаңдарды ашу туралы\nБҰЙЫРАМЫН:\n«Критериалды бағалау» "
        "инновациялық\nжобасының жетекшісі болып бекітілсін: Жанузакова С.Б. -- директордың оқу\nісі жөніндегі "
        "орынбасары."
    )
    appointed = awardee_and_supervisor(text, applicant="Сейткали Айгерім Нұрланқызы", lists_people=True)[0]
    assert appointed == "Жанузакова С.Б."
    # Not on a diploma: there the supervisor is the student's teacher, and the student may be unread.
    assert awardee_and_supervisor("ДИПЛОМ\nЖетекшісі: Жанузакова С.Б.")[0] is None


def test_capitals_above_the_title_are_the_header_not_the_awardee() -> None:
    # Held-out P202-05: a photographed certificate whose script-face name OCR broke apart ("Л шара" for "Динара").
    from classifiers.doc_type import title_end
    from classifiers.normalize import fold

    text = (
        "«АКАДЕМИК | .А. БОКЕТОВ МТЫНДАҒЫ КАРА МАДЫ УНИВЕРСИ» К\nСЕРТИФИКАТ\nАхметова Л шара Грлановна\n"
        "педагогтердің біліктілігін арттырудың бағдарламасын сәтті аяқтады"
    )
    assert awardee_and_supervisor(text, after=title_end(fold(text)) or 0)[0] is None
    readable = text.replace("Ахметова Л шара Грлановна", "Ахметова Динара Ерлановна")
    assert awardee_and_supervisor(readable, after=title_end(fold(readable)) or 0)[0] == "Ахметова Динара Ерлановна"

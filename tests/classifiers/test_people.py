"""Applicant name matching: inflection, initials, Kazakh patronymics, transliteration, OCR look-alikes."""

from __future__ import annotations

import pytest

from classifiers.people import named_in_text, same_person

KZ = "Сейткали Айгерім Нұрланқызы"
RU = "Иванова Мария Петровна"


@pytest.mark.parametrize(
    ("applicant", "printed", "same"),
    [
        (KZ, "Сейткали А.Н.", True),
        (KZ, "Сейткалиевой Айгерим", True),
        (KZ, "SEITKALI AIGERIM", True),
        (KZ, "Сейткали Айгерім Нұрланқызы", True),
        (KZ, "Сейткали Айгерим Нурлановна", True),
        (KZ, "Петрова Анна Сергеевна", False),
        (KZ, "Жанузакова Салтанат", False),
        (RU, "Ивановой Марии Петровне", True),
        (RU, "Иванова М.П.", True),
        (RU, "Ивaнова Мария", True),  # Latin "a" read by OCR inside the Cyrillic word
        (RU, "IVANOVA MARIYA", True),
        (RU, "Иванов Пётр", False),
        (RU, "Петровой Анне", False),
        ("Ахметов Ерлан Болатұлы", "Ахметову Ерлану Болатовичу", True),
        ("Ахметов Ерлан Болатұлы", "Ахметов Б.", False),
        ("Шәріпова Ұлжан Төлегенқызы", "Ұлжан Төлегенқызы", True),  # addressed by first name and patronymic
        (RU, "Марии Петровне", True),
        (RU, "Анна Петровна", False),
        (RU, "Мария Сергеевна", False),
        ("Ахметова Динара Ерлановна", "Ахметова Л.Г.", True),  # a script face's Д and Е read as Л and Г
        ("Ахметова Динара Ерлановна", "Ахметова С.Г.", False),
    ],
)
def test_applicant_name_matching(applicant: str, printed: str, same: bool) -> None:
    assert same_person(applicant, printed) is same


def test_applicant_is_found_in_the_text_when_fields_picked_another_name() -> None:
    text = "Благодарственное письмо вручается Ивановой Марии Петровне за подготовку победителя Ким Артёма"
    assert named_in_text(RU, text)
    assert not named_in_text(RU, "Благодарственное письмо вручается Петровой Анне за подготовку Ким Артёма")


def test_a_stray_letter_beside_a_look_alike_surname_is_not_the_applicants_initial() -> None:
    # Seed 915 P915-24: the course certificate of Оспанова, signed by its director Жумабеков over OCR debris "г".
    text = "Настоящим подтверждается, что Оспанова Гаухар Сабитовна прошла курсы\nДиректор филиала Б. Жумабеков\n| г"
    assert not named_in_text("Жұмабаев Ерлан Қайратұлы", text)
    assert named_in_text("Жұмабаев Ерлан Қайратұлы", "Директор филиала Б. Жумабеков\nпедагог Жумабаев Е.К.")

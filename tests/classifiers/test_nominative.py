"""Names back in the nominative: Russian declension, Kazakh names in Russian endings, Kazakh case suffixes,
initials, and names that must stay as printed (extractors/fields/nominative.py)."""

from __future__ import annotations

import re

import pytest

from classifiers.lexicon import load
from classifiers.normalize import fold
from extractors.fields.nominative import context_readings, nominative


def _context(before: str) -> dict:
    cues = load("names")["case_cues"]
    cases = [case for case, patterns in cues.items() if any(re.search(p, fold(before)) for p in patterns)]
    return context_readings(before, cases)


@pytest.mark.parametrize(
    ("words", "kazakh", "before", "expected"),
    [
        (["Ивановой", "Марии", "Петровне"], False, "вручается", "Иванова Мария Петровна"),
        (["Кима", "Артема"], False, "ученика", "Ким Артем"),
        (["Петрова", "Даниила"], False, "ученика", "Петров Даниил"),
        (["Киму", "Вадиму", "Олеговичу"], False, "", "Ким Вадим Олегович"),
        (["Горбунову", "С.И."], False, "Администрация награждает", "Горбунова С.И."),
        (["Тоқтаровой", "С.б."], False, "Справка дана", "Тоқтарова С.Б."),
        (["Омарову", "Бауыржану", "Серікұлы"], False, "", "Омаров Бауыржан Серікұлы"),
        (["Үсенову", "Дәулету", "Жандосұлы"], False, "выдано", "Үсенов Дәулет Жандосұлы"),
        (["Әбеновой", "Гүлнар", "Маратқызы"], False, "Выдано", "Әбенова Гүлнар Маратқызы"),
        (["Ахметову", "Гимуру"], False, "участнику\n", "Ахметов Гимур"),
        (["Цой", "Виктории"], False, "— ученицы 8 класса", "Цой Виктория"),
        (["Жұмабекова", "Аружанға"], True, "", "Жұмабекова Аружан"),
        (["Қайыркен", "Әлинұрды"], True, "", "Қайыркен Әлинұр"),
        # Read as printed: nominative already, or nothing to tell a case by.
        (["Жұмабекова", "Аружан"], True, "", "Жұмабекова Аружан"),
        (["Сейткали", "Айгерім", "Нұрланқызы"], False, "", "Сейткали Айгерім Нұрланқызы"),
        (["Мусина", "Дана"], False, "", "Мусина Дана"),
        (["Петров", "Даниил"], False, "награждается", "Петров Даниил"),
        (["Ахметова", "Динара", "Ерлановна"], False, "", "Ахметова Динара Ерлановна"),
    ],
)
def test_nominative(words: list[str], kazakh: bool, before: str, expected: str) -> None:
    assert nominative(words, kazakh, _context(before)) == expected

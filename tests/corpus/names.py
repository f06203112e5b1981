"""People on the documents: applicants and students, RU and KZ, with the case forms certificates print.

domain.md "Names": Russian names inflect ("награждается Иванова Мария", "вручается Ивановой Марии"); Kazakh
patronymics end in -ұлы / -қызы and do not inflect in Russian text; Kazakh text adds case suffixes to the last word.
The truth always holds the nominative of what is printed (full name, name without patronymic, or initials).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_VOICELESS = set("кқпстфхцчшщ")
_FRONT = set("әеөүіиэ")
_BACK = set("аоұыуя")


@dataclass(frozen=True)
class Person:
    surname: str
    given: str
    patronymic: str | None
    female: bool

    def nominative(self, style: str = "full") -> str:
        return self._compose(self.surname, self.given, self.patronymic, style)

    def ru(self, case: str = "nom", style: str = "full") -> str:
        """Russian case form: nom, gen, dat, acc, ins; style full | short (no patronymic) | initials."""
        if case == "nom":
            return self.nominative(style)
        if case == "acc":
            return self._accusative(style)
        surname = _ru_surname(self.surname, self.female, case)
        given = _ru_given(self.given, self.female, case)
        patronymic = _ru_patronymic(self.patronymic, case) if self.patronymic else None
        return self._compose(surname, given, patronymic, style)

    def _accusative(self, style: str) -> str:
        if not self.female:
            return self.ru("gen", style)  # animate masculine: accusative = genitive
        surname = self.surname
        if surname.endswith(("ова", "ева", "ёва", "ина", "ына")):
            surname = surname[:-1] + "у"
        elif surname.endswith(("ская", "цкая")):
            surname = surname[:-2] + "ую"
        given = self.given
        if given.endswith("а"):
            given = given[:-1] + "у"
        elif given.endswith("я"):
            given = given[:-1] + "ю"
        patronymic = self.patronymic
        if patronymic and patronymic.endswith("на"):
            patronymic = patronymic[:-1] + "у"
        return self._compose(surname, given, patronymic, style)

    def kk(self, case: str = "nom", style: str = "full") -> str:
        """Kazakh: the case suffix goes on the last printed word (dat -ға/-ге/-қа/-ке/-на, gen -ның/-нің/...)."""
        text = self.nominative(style)
        if case == "nom" or style == "initials":
            return text
        return text + _kk_suffix(text, case)

    def _compose(self, surname: str, given: str, patronymic: str | None, style: str) -> str:
        if style == "initials":
            initials = given[0] + "." + (patronymic[0] + "." if self.patronymic and patronymic else "")
            return f"{surname} {initials}"
        if style == "short" or not patronymic:
            return f"{surname} {given}"
        return f"{surname} {given} {patronymic}"


def _ru_surname(word: str, female: bool, case: str) -> str:
    if female:
        if word.endswith(("ова", "ева", "ёва", "ина", "ына")):
            return word[:-1] + {"gen": "ой", "dat": "ой", "ins": "ой"}[case]
        if word.endswith("ская") or word.endswith("цкая"):
            return word[:-2] + {"gen": "ой", "dat": "ой", "ins": "ой"}[case]
        return word  # Ким, Петренко, Сейткали: indeclinable for women
    if word.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return word + {"gen": "а", "dat": "у", "ins": "ым"}[case]
    if word.endswith(("ский", "цкий")):
        return word[:-2] + {"gen": "ого", "dat": "ому", "ins": "им"}[case]
    if word[-1] in "оеиуыэюіұү":
        return word  # Петренко, Сейткали
    return word + {"gen": "а", "dat": "у", "ins": "ом"}[case]  # Ким → Киму


def _ru_given(word: str, female: bool, case: str) -> str:
    if word.endswith("ия"):
        return word[:-1] + {"gen": "и", "dat": "и", "ins": "ей"}[case]
    if word.endswith("я"):
        return word[:-1] + {"gen": "и", "dat": "е", "ins": "ей"}[case]
    if word.endswith("а"):
        hush = word[-2] in "гкхжшчщ"
        return word[:-1] + {"gen": "и" if hush else "ы", "dat": "е", "ins": "ой"}[case]
    if female:
        return word  # Айгерім, Гүлнар, Әсел: a woman's name ending in a consonant does not inflect
    if word.endswith(("й", "ь")):
        return word[:-1] + {"gen": "я", "dat": "ю", "ins": "ем"}[case]
    if word[-1] in "оеиуыэюіұү":
        return word
    return word + {"gen": "а", "dat": "у", "ins": "ом"}[case]


def _ru_patronymic(word: str, case: str) -> str:
    if word.endswith(("ович", "евич")):
        return word + {"gen": "а", "dat": "у", "ins": "ем"}[case]
    if word.endswith(("овна", "евна", "ична")):
        return word[:-1] + {"gen": "ы", "dat": "е", "ins": "ой"}[case]
    return word  # -ұлы / -қызы / -улы / -кызы


def _kk_suffix(text: str, case: str) -> str:
    word = text.split()[-1].lower()
    vowels = [c for c in word if c in _FRONT | _BACK]
    front = bool(vowels) and vowels[-1] in _FRONT
    if word.endswith(("ұлы", "қызы", "улы", "кызы")):  # possessive ending: -на / -ның / -н
        return {"dat": "на", "gen": "ның", "acc": "н"}[case]
    last = word[-1]
    if case == "acc":
        if last in _FRONT | _BACK:
            return "ні" if front else "ны"
        return ("ті" if front else "ты") if last in _VOICELESS else ("ді" if front else "ды")
    if case == "dat":
        if last in _VOICELESS:
            return "ке" if front else "қа"
        return "ге" if front else "ға"
    if last in _FRONT | _BACK or last in "лмнңрйуж":
        return ("нің" if front else "ның") if last in _FRONT | _BACK else ("дің" if front else "дың")
    return "тің" if front else "тың"


def P(text: str, female: bool) -> Person:
    parts = text.split()
    return Person(parts[0], parts[1], parts[2] if len(parts) > 2 else None, female)


# Applicants (adults, with patronymics). Kazakh-named applicants keep their Kazakh spelling in Russian text too,
# as certificates in Kazakhstan usually print the name from the ID card.
APPLICANTS_RU = [
    P("Ахметова Динара Ерлановна", True),
    P("Петренко Ольга Викторовна", True),
    P("Кузнецов Игорь Сергеевич", False),
    P("Смирнова Елена Александровна", True),
    P("Ким Вадим Олегович", False),
    P("Жуковская Наталья Петровна", True),
    P("Волков Андрей Николаевич", False),
    P("Исмаилова Лейла Рашидовна", True),
    P("Байжанов Ерлан Муратович", False),
    P("Горбунова Светлана Ивановна", True),
]
APPLICANTS_KK = [
    P("Сейткали Айгерім Нұрланқызы", True),
    P("Омаров Бауыржан Серікұлы", False),
    P("Әбенова Гүлнар Маратқызы", True),
    P("Жұмабаев Ерлан Қайратұлы", False),
    P("Тоқтарова Сәуле Болатқызы", True),
    P("Нұрмағанбетов Асхат Ғаниұлы", False),
    P("Қасымова Әсел Бекқызы", True),
    P("Есенғали Мөлдір Құрманқызы", True),
    P("Үсенов Дәулет Жандосұлы", False),
    P("Шәріпова Ұлжан Төлегенқызы", True),
]
STUDENTS_RU = [
    P("Иванова Мария", True),
    P("Ким Артём", False),
    P("Петров Даниил", False),
    P("Смирнова Алина", True),
    P("Соколов Максим", False),
    P("Лебедева Полина", True),
    P("Ахметов Тимур", False),
    P("Цой Виктория", True),
]
STUDENTS_KK = [
    P("Серікбаев Алихан", False),
    P("Жұмабекова Аружан", True),
    P("Нұрланов Ерасыл", False),
    P("Сәрсенбай Інжу", True),
    P("Қайыркен Әлинұр", False),
    P("Төлеуова Айша", True),
    P("Мұхтар Нұрсұлтан", False),
    P("Бекова Ақбота", True),
]
OTHER_ADULTS = [
    P("Жанузакова Салтанат Бериковна", True),
    P("Мусин Арман Толегенович", False),
    P("Оспанова Гаухар Сабитовна", True),
    P("Дүйсенбаев Нұрлан Әбдіұлы", False),
]
SIGNATORIES = ["Б. Жумабеков", "А. Сарсенова", "К. Ахметжанов", "Г. Исабекова", "Е. Оразбаев", "Т. Ли", "Н. Ершова"]


def other_adult(rng: random.Random, not_named: Person) -> Person:
    return rng.choice([p for p in OTHER_ADULTS if p != not_named])

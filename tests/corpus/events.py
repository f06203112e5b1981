"""Events on documents: the approved list (shared/registry/approved_events.json) in varied wording, unlisted
state-run contests, and invented paid online contests (domain.md: "paid online international olympiads run by
private websites are common and do not count").
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache

from tests.corpus.names import _kk_suffix
from tests.corpus.places import _registry_path

# Registry entries whose printed name claims a level the list does not give ("Международная олимпиада
# «Аль-Фараби»" is listed as republican): their true level is ambiguous on paper, so the corpus leaves them out.
_AMBIGUOUS = {"univ-al-farabi", "univ-buketov-physics"}


@dataclass(frozen=True)
class Event:
    id: str | None  # approved-list id, None when not on the list
    ru: str
    kk: str
    abbr: str | None
    levels: tuple[str, ...]
    audience: str  # student | teacher
    commercial: bool = False
    site: str | None = None
    fee_ru: str | None = None
    fee_kk: str | None = None
    organizer_ru: str | None = None
    organizer_kk: str | None = None
    staged: bool = False  # run in stages school → district → region → republic


@cache
def approved() -> list[Event]:
    data = json.loads(_registry_path("approved_events.json").read_text(encoding="utf-8"))
    out = []
    for e in data["events"]:
        if e["id"] in _AMBIGUOUS:
            continue
        out.append(
            Event(
                id=e["id"],
                ru=e["names_ru"][0],
                kk=e["names_kk"][0],
                abbr=e.get("abbr"),
                levels=tuple(e["levels"]),
                audience=e["audience"],
                staged=len(e["levels"]) > 1,
            )
        )
    return out


def approved_for(rng: random.Random, level: str, audience: str) -> Event | None:
    pool = [e for e in approved() if e.audience == audience and level in e.levels]
    return rng.choice(pool) if pool else None


UNLISTED = [
    Event(
        None,
        "Конкурс чтецов «Живое слово»",
        "«Жанды сөз» мәнерлеп оқу байқауы",
        None,
        ("district", "region"),
        "student",
    ),
    Event(None, "Конкурс «Юный эколог»", "«Жас эколог» байқауы", None, ("district", "region"), "student"),
    Event(
        None,
        "Интеллектуальная игра «Что? Где? Когда?»",
        "«Не? Қайда? Қашан?» зияткерлік ойыны",
        None,
        ("district", "region"),
        "student",
    ),
    Event(
        None, "Конкурс «Педагогический дебют»", "«Педагогикалық дебют» байқауы", None, ("district", "region"), "teacher"
    ),
    Event(
        None,
        "Конкурс методических разработок «Шабыт»",
        "«Шабыт» әдістемелік әзірлемелер байқауы",
        None,
        ("district", "region"),
        "teacher",
    ),
]

_BRANDS = [
    ("Мега-Талант", "Мега-Талант", "mega-talant-kz.com", "ТОО «Интеллект-Академия»", "«Интеллект-Академия» ЖШС"),
    (
        "Зимние узоры",
        "Қысқы өрнектер",
        "olimp-plus.kz",
        "Центр дистанционных олимпиад «Эрудит»",
        "«Эрудит» қашықтық олимпиадалар орталығы",
    ),
    ("Звёздный путь", "Жұлдызды жол", "zvezda-olymp.com", "ИП «Білім-Шапағат»", "«Білім-Шапағат» ЖК"),
    (
        "Умный мамонтёнок",
        "Ақылды мамонт",
        "umnik-konkurs.ru",
        "Образовательный портал «Умник»",
        "«Умник» білім порталы",
    ),
    ("Olimp-Star", "Olimp-Star", "olimpstar.kz", "ТОО «Олимп-Стар»", "«Олимп-Стар» ЖШС"),
    (
        "Ziyatker Online",
        "Зияткер Online",
        "ziyatker-online.kz",
        "Международный образовательный портал «Зияткер»",
        "«Зияткер» халықаралық білім порталы",
    ),
]


def commercial(rng: random.Random, audience: str) -> Event:
    brand_ru, brand_kk, site, org_ru, org_kk = rng.choice(_BRANDS)
    fee = rng.choice([1000, 1500, 2000, 2500, 3000])
    scope_ru = rng.choice(
        [
            "Международная дистанционная олимпиада",
            "Международный онлайн-конкурс",
            "Республиканская дистанционная олимпиада",
        ]
    )
    scope_kk = {
        "Международная дистанционная олимпиада": "халықаралық қашықтықтан өтетін олимпиада",
        "Международный онлайн-конкурс": "халықаралық онлайн-байқау",
        "Республиканская дистанционная олимпиада": "республикалық қашықтық олимпиадасы",
    }[scope_ru]
    if audience == "teacher":
        scope_ru = "Международный профессиональный онлайн-конкурс педагогов"
        scope_kk = "педагогтердің халықаралық кәсіби онлайн-байқауы"
    return Event(
        None,
        f"{scope_ru} «{brand_ru}»",
        f"«{brand_kk}» {scope_kk}",
        None,
        ("international",) if "ждународ" in scope_ru else ("republic",),
        audience,
        commercial=True,
        site=f"www.{site}",
        fee_ru=rng.choice(
            [f"Организационный взнос: {fee} тенге", f"оргвзнос {fee} тг", f"Стоимость участия — {fee} тенге"]
        ),
        fee_kk=rng.choice([f"Тіркеу жарнасы: {fee} теңге", f"Қатысу жарнасы {fee} тг"]),
        organizer_ru=org_ru,
        organizer_kk=org_kk,
    )


_RU_HEADS = {
    "олимпиада": ("олимпиады", "олимпиаде"),
    "конкурс": ("конкурса", "конкурсе"),
    "игра-конкурс": ("игры-конкурса", "игре-конкурсе"),
    "онлайн-конкурс": ("онлайн-конкурса", "онлайн-конкурсе"),
}


def ru_case(name: str, case: str) -> str:
    """Genitive/prepositional of an event name: adjectives and the head noun inflect, the tail does not."""
    if case == "nom":
        return name
    words = name.split()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _RU_HEADS:
            form = _RU_HEADS[low][0 if case == "gen" else 1]
            out.append(form.capitalize() if word[0].isupper() else form)
            return " ".join(out + words[i + 1 :])
        if low.endswith(("ая", "яя")):
            out.append(word[:-2] + ("ой" if low.endswith("ая") else "ей"))
        elif low.endswith(("ий", "ый")):
            out.append(word[:-2] + ("ого" if case == "gen" else "ом"))
        else:
            out.append(word)
    return name  # no head noun found: leave it as printed


def kk_case(name: str, case: str) -> str:
    """Kazakh genitive/locative on the last word; names ending in a quote get a generic head word."""
    if name.endswith("»"):
        name = f"{name} атты {'олимпиада' if 'лимпиад' in name else 'байқау'}"
    if case == "gen":
        return name + _kk_suffix(name, "gen")
    if case == "loc":
        last = name.split()[-1]
        if last.endswith(("сы", "сі", "ы", "і")) and not last.endswith("ді"):
            return name + ("нде" if last[-1] == "і" else "нда")
        return name + ("де" if _kk_suffix(last, "dat") in ("ге", "ке") else "да")
    return name


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text

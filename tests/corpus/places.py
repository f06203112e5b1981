"""Issuers by level, RU and KZ, from the regions registry and known districts and cities of regional significance.

domain.md "Levels": a level can come from the issuer alone ("Управление образования Карагандинской области" =
region; "Отдел образования города Темиртау" = district; "Министерство просвещения РК", РНПЦ «Дарын» = republic).
Cities of republican significance (Astana, Almaty, Shymkent) are region level; a city of regional significance
(Temirtau, Rudny, Semey, …) and a district are district level (shared/registry/regions.json).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

REGISTRY = Path(__file__).resolve().parents[3] / "shared" / "registry"
LOCAL_REGISTRY = Path(__file__).resolve().parents[2] / "data" / "registry"


@dataclass(frozen=True)
class Region:
    iso: str
    ru: str  # nominative as in the registry
    ru_gen: str  # "Карагандинской области", "города Астаны"
    kk: str  # "Қарағанды облысы"
    kk_gen: str  # "Қарағанды облысының"
    centre_ru: str
    centre_kk: str


@dataclass(frozen=True)
class Issuer:
    ru: str
    kk: str
    level: str
    head_ru: str  # the signatory's title
    head_kk: str
    rim_ru: str  # seal rim text
    rim_kk: str
    city_ru: str
    city_kk: str

    def name(self, language: str) -> str:
        return self.ru if language == "ru" else self.kk


def _registry_path(name: str) -> Path:
    shared = REGISTRY / name
    return shared if shared.exists() else LOCAL_REGISTRY / name


def _ru_gen(name: str) -> str:
    if name.startswith("область "):
        return "области " + name.split(" ", 1)[1]
    if name.startswith("город "):
        city = name.split(" ", 1)[1]
        return "города " + {"Астана": "Астаны", "Шымкент": "Шымкента"}.get(city, city)
    adjective = name.split()[0]
    return adjective[:-2] + "ой области"


@cache
def regions() -> list[Region]:
    data = json.loads(_registry_path("regions.json").read_text(encoding="utf-8"))
    out = []
    for r in data["regions"]:
        ru = r["names_ru"][-1] if r["names_ru"][0].startswith("область ") else r["names_ru"][0]
        kk = r["names_kk"][0]
        out.append(Region(r["iso"], ru, _ru_gen(ru), kk, kk + "ның", r["centre_ru"], r["centre_kk"][0]))
    for c in data["cities_of_republican_significance"]:
        ru, kk = c["names_ru"][0], c["names_kk"][0]
        city = ru.split(" ", 1)[1]
        out.append(Region(c["iso"], ru, _ru_gen(ru), kk, kk + "ның", city, kk.split()[0]))
    return out


# Districts and cities of regional significance (district level), by region ISO code: (RU genitive, KZ name).
DISTRICTS = {
    "KZ-35": [
        ("города Темиртау", "Теміртау қаласы"),
        ("города Балхаш", "Балқаш қаласы"),
        ("города Караганды", "Қарағанды қаласы"),
        ("Бухар-Жырауского района", "Бұқар жырау ауданы"),
        ("Абайского района", "Абай ауданы"),
    ],
    "KZ-39": [
        ("города Рудного", "Рудный қаласы"),
        ("города Лисаковска", "Лисаков қаласы"),
        ("Костанайского района", "Қостанай ауданы"),
    ],
    "KZ-55": [
        ("города Экибастуза", "Екібастұз қаласы"),
        ("города Аксу", "Ақсу қаласы"),
        ("Павлодарского района", "Павлодар ауданы"),
    ],
    "KZ-11": [
        ("города Степногорска", "Степногор қаласы"),
        ("Целиноградского района", "Целиноград ауданы"),
        ("города Кокшетау", "Көкшетау қаласы"),
    ],
    "KZ-10": [
        ("города Семей", "Семей қаласы"),
        ("города Курчатова", "Курчатов қаласы"),
        ("Бескарагайского района", "Бесқарағай ауданы"),
    ],
    "KZ-61": [
        ("города Кентау", "Кентау қаласы"),
        ("Сайрамского района", "Сайрам ауданы"),
        ("Толебийского района", "Төле би ауданы"),
    ],
    "KZ-63": [
        ("города Риддера", "Риддер қаласы"),
        ("города Усть-Каменогорска", "Өскемен қаласы"),
        ("Глубоковского района", "Глубокое ауданы"),
    ],
    "KZ-19": [
        ("Енбекшиказахского района", "Еңбекшіқазақ ауданы"),
        ("Карасайского района", "Қарасай ауданы"),
        ("города Конаев", "Қонаев қаласы"),
    ],
    "KZ-62": [("города Жезказгана", "Жезқазған қаласы"), ("города Сатпаева", "Сәтбаев қаласы")],
    "KZ-31": [("города Тараза", "Тараз қаласы"), ("Байзакского района", "Байзақ ауданы")],
    "KZ-15": [("города Актобе", "Ақтөбе қаласы"), ("Мугалжарского района", "Мұғалжар ауданы")],
    "KZ-23": [("города Атырау", "Атырау қаласы"), ("Жылыойского района", "Жылыой ауданы")],
    "KZ-27": [("города Уральска", "Орал қаласы"), ("Бурлинского района", "Бөрлі ауданы")],
    "KZ-43": [("города Кызылорды", "Қызылорда қаласы"), ("Казалинского района", "Қазалы ауданы")],
    "KZ-47": [("города Актау", "Ақтау қаласы"), ("города Жанаозен", "Жаңаөзен қаласы")],
    "KZ-59": [("города Петропавловска", "Петропавл қаласы"), ("района Магжана Жумабаева", "Мағжан Жұмабаев ауданы")],
    "KZ-33": [("города Талдыкоргана", "Талдықорған қаласы"), ("Ескельдинского района", "Ескелді ауданы")],
    "KZ-79": [("Абайского района города Шымкента", "Шымкент қаласы Абай ауданы")],
    "KZ-71": [
        ("района Алматы города Астаны", "Астана қаласы Алматы ауданы"),
        ("района Сарыарка города Астаны", "Астана қаласы Сарыарқа ауданы"),
    ],
    "KZ-75": [
        ("Алмалинского района города Алматы", "Алматы қаласы Алмалы ауданы"),
        ("Бостандыкского района города Алматы", "Алматы қаласы Бостандық ауданы"),
    ],
}


def _ministry(issued: date) -> tuple[str, str]:
    # The ministry was renamed in June 2022 (Ministry of Education and Science → Ministry of Enlightenment).
    if issued < date(2022, 7, 1):
        return (
            "Министерство образования и науки Республики Казахстан",
            "Қазақстан Республикасы Білім және ғылым министрлігі",
        )
    return "Министерство просвещения Республики Казахстан", "Қазақстан Республикасы Оқу-ағарту министрлігі"


def region_issuer(rng: random.Random, region: Region, kind: str = "department") -> Issuer:
    city_ru = f"г. {region.centre_ru}"
    city_kk = f"{region.centre_kk} қ."
    if kind == "centre":
        return Issuer(
            f"Учебно-методический центр развития образования {region.ru_gen}",
            f"{region.kk_gen} білім беруді дамытудың оқу-әдістемелік орталығы",
            "region",
            "Директор",
            "Директор",
            "ОҚУ-ӘДІСТЕМЕЛІК ОРТАЛЫҒЫ",
            "ОҚУ-ӘДІСТЕМЕЛІК ОРТАЛЫҒЫ",
            city_ru,
            city_kk,
        )
    if kind == "daryn":
        return Issuer(
            f"Областной научно-практический центр «Дарын» управления образования {region.ru_gen}",
            f"{region.kk_gen} білім басқармасының «Дарын» облыстық ғылыми-практикалық орталығы",
            "region",
            "Директор",
            "Директор",
            "«ДАРЫН» ОРТАЛЫҒЫ",
            "«ДАРЫН» ОРТАЛЫҒЫ",
            city_ru,
            city_kk,
        )
    prefix_ru, prefix_kk = rng.choice([("", ""), ("ГУ «", "«"), ("КГУ «", "«")])
    suffix_kk = "» ММ" if prefix_kk else ""
    return Issuer(
        f"{prefix_ru}Управление образования {region.ru_gen}{'»' if prefix_ru else ''}",
        f"{prefix_kk}{region.kk_gen} білім басқармасы{suffix_kk}",
        "region",
        "Руководитель управления образования",
        "Білім басқармасының басшысы",
        f"{region.kk_gen.upper()} БІЛІМ БАСҚАРМАСЫ",
        f"{region.kk_gen.upper()} БІЛІМ БАСҚАРМАСЫ",
        city_ru,
        city_kk,
    )


def district_issuer(rng: random.Random, region: Region) -> Issuer:
    ru_gen, kk = rng.choice(DISTRICTS[region.iso])
    style = rng.randrange(3)
    if style == 0:
        ru, kk_name = f"Отдел образования {ru_gen}", f"{kk}ның білім бөлімі"
    elif style == 1:
        ru, kk_name = f"ГУ «Отдел образования {ru_gen}»", f"«{kk}ның білім бөлімі» ММ"
    else:
        # Real department names carry the region: "Отдел образования по городу Рудному управления образования
        # акимата Костанайской области" — still district level.
        ru = f"Отдел образования {ru_gen} управления образования {region.ru_gen}"
        kk_name = f"{region.kk_gen} білім басқармасының {kk} бойынша білім бөлімі"
    return Issuer(
        ru,
        kk_name,
        "district",
        "Руководитель отдела образования",
        "Білім бөлімінің басшысы",
        f"{kk.upper()}НЫҢ БІЛІМ БӨЛІМІ",
        f"{kk.upper()}НЫҢ БІЛІМ БӨЛІМІ",
        f"г. {region.centre_ru}",  # orders are dated where the department sits; the regional centre will do
        f"{region.centre_kk} қ.",
    )


def republic_issuer(rng: random.Random, issued: date, kind: str | None = None) -> Issuer:
    kind = kind or rng.choice(["ministry", "daryn", "academy"])
    if kind == "ministry":
        ru, kk = _ministry(issued)
        return Issuer(
            ru,
            kk,
            "republic",
            "Вице-министр",
            "Вице-министр",
            "ОҚУ-АҒАРТУ МИНИСТРЛІГІ",
            "ОҚУ-АҒАРТУ МИНИСТРЛІГІ",
            "г. Астана",
            "Астана қ.",
        )
    if kind == "daryn":
        return Issuer(
            "Республиканский научно-практический центр «Дарын»",
            "«Дарын» республикалық ғылыми-практикалық орталығы",
            "republic",
            "Директор",
            "Директор",
            "«ДАРЫН» РЕСПУБЛИКАЛЫҚ ҒЫЛЫМИ-ПРАКТИКАЛЫҚ ОРТАЛЫҒЫ",
            "«ДАРЫН» РҒПО",
            "г. Астана",
            "Астана қ.",
        )
    return Issuer(
        "Национальная академия образования им. Ы. Алтынсарина",
        "Ы. Алтынсарин атындағы Ұлттық білім академиясы",
        "republic",
        "Президент академии",
        "Академия президенті",
        "Ы. АЛТЫНСАРИН АТЫНДАҒЫ ҰЛТТЫҚ БІЛІМ АКАДЕМИЯСЫ",
        "ҰЛТТЫҚ БІЛІМ АКАДЕМИЯСЫ",
        "г. Астана",
        "Астана қ.",
    )


ORGANIZATIONS = {
    "school": [
        ("КГУ «Общеобразовательная школа № {n}»", "«№ {n} жалпы білім беретін мектеп» КММ"),
        ("КГУ «Школа-гимназия № {n} имени Абая»", "«Абай атындағы № {n} мектеп-гимназия» КММ"),
        ("КГУ «Средняя школа № {n} отдела образования {d}»", "«{dk}ның № {n} орта мектебі» КММ"),
    ],
    "preschool": [("ГККП «Ясли-сад № {n} «Балапан»", "«№ {n} «Балапан» бөбекжай-бақшасы» МКҚК")],
    "tvet": [("ГККП «Высший колледж № {n}»", "«№ {n} жоғары колледж» МКҚК")],
    "additional": [("ГККП «Дворец школьников № {n}»", "«№ {n} оқушылар сарайы» МКҚК")],
    "special": [("КГУ «Специальная школа-интернат № {n}»", "«№ {n} арнайы мектеп-интернат» КММ")],
}


def school_issuer(rng: random.Random, region: Region, org_type: str, number: int) -> Issuer:
    """The applicant's own organisation: school level, even when its name contains its district department."""
    ru_t, kk_t = rng.choice(ORGANIZATIONS[org_type])
    d_ru, d_kk = rng.choice(DISTRICTS[region.iso])
    ru = ru_t.format(n=number, d=d_ru)
    kk = kk_t.format(n=number, dk=d_kk)
    return Issuer(
        ru,
        kk,
        "school",
        "Директор",
        "Директор",
        kk.upper(),
        kk.upper(),
        f"г. {region.centre_ru}",
        f"{region.centre_kk} қ.",
    )


def issuer_for(rng: random.Random, level: str, region: Region, issued: date, org_type: str, number: int) -> Issuer:
    if level == "school":
        return school_issuer(rng, region, org_type, number)
    if level == "district":
        return district_issuer(rng, region)
    if level == "region":
        return region_issuer(rng, region, rng.choice(["department", "department", "centre", "daryn"]))
    return republic_issuer(rng, issued)

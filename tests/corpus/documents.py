"""Document texts (RU/KZ) with their exact ground truth. Each builder returns (lines, truth fields)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
SUBJECTS_RU = ["математике", "физике", "химии", "биологии", "информатике", "географии", "истории Казахстана"]
SUBJECTS_KK = ["математикадан", "физикадан", "химиядан", "биологиядан", "информатикадан", "географиядан"]
REGIONS_RU = ["Карагандинской области", "Павлодарской области", "Костанайской области", "Акмолинской области"]
REGIONS_KK = ["Қарағанды облысының", "Павлодар облысының", "Қостанай облысының", "Ақмола облысының"]
CITIES_RU = ["города Темиртау", "города Рудный", "города Экибастуз", "города Балхаш"]
CITIES_KK = ["Теміртау қаласының", "Рудный қаласының", "Екібастұз қаласының", "Балқаш қаласының"]
STUDENTS_RU = [("Иванова", "Мария", "f"), ("Ким", "Артём", "m"), ("Петров", "Даниил", "m"), ("Смирнова", "Алина", "f")]
STUDENTS_KK = [("Серікбаев", "Алихан", "m"), ("Жұмабекова", "Аружан", "f"), ("Нұрланов", "Ерасыл", "m")]
STAGE_RU = {"school": "школьного", "district": "городского", "region": "областного", "republic": "заключительного"}
STAGE_KK = {"school": "мектепішілік", "district": "қалалық", "region": "облыстық", "republic": "республикалық"}
PLACE_RU = {1: "I", 2: "II", 3: "III"}


@dataclass
class Doc:
    lines: list[tuple[str, int]]  # (text, font size in pt); a size ≥ 30 is a title
    truth: dict
    language: str
    stamp_text: str = "БІЛІМ БӨЛІМІ * ОТДЕЛ ОБРАЗОВАНИЯ *"
    defects: list[str] = field(default_factory=list)


def ru_date(d: date) -> str:
    return f"«{d.day}» {RU_MONTHS[d.month - 1]} {d.year} г." if d.day % 2 else d.strftime("%d.%m.%Y")


def kk_date(d: date) -> str:
    return (
        f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}"
        if d.day % 2
        else f"{d.day} {KK_MONTHS[d.month - 1]} {d.year} ж."
    )


def _issuer(rng: random.Random, level: str, kk: bool) -> str:
    if level == "region":
        return (
            f"{rng.choice(REGIONS_KK)} білім басқармасы" if kk else f"Управление образования {rng.choice(REGIONS_RU)}"
        )
    if level == "district":
        return f"{rng.choice(CITIES_KK)} білім бөлімі" if kk else f"Отдел образования {rng.choice(CITIES_RU)}"
    if level == "republic":
        return (
            "Қазақстан Республикасы Оқу-ағарту министрлігі" if kk else "Министерство просвещения Республики Казахстан"
        )
    return "№ 12 жалпы білім беретін мектеп" if kk else "КГУ «Средняя школа № 12»"


def _base_truth(**kw: object) -> dict:
    truth = dict(
        doc_type=None,
        activity=None,
        achiever=None,
        person_name=None,
        supervisor_name=None,
        event_name=None,
        approved_list_id=None,
        level="unknown",
        result=None,
        place=None,
        issued_on=None,
        issuer=None,
        hours=None,
    )
    truth.update(kw)
    return truth


def olympiad_diploma(rng: random.Random, teacher: str, issued: date, level: str, kk: bool) -> Doc:
    place = rng.choice([1, 2, 3])
    sname, fname, _ = rng.choice(STUDENTS_KK if kk else STUDENTS_RU)
    grade = rng.randint(7, 11)
    issuer = _issuer(rng, level, kk)
    if kk:
        subject = rng.choice(SUBJECTS_KK)
        lines = [
            (issuer, 16),
            (f"{PLACE_RU[place]} дәрежелі", 28),
            ("ДИПЛОМ", 48),
            (f"{grade}-сынып оқушысы", 18),
            (f"{sname} {fname}", 26),
            (f"{subject} жалпы білім беретін пәндер бойынша", 18),
            (f"республикалық олимпиаданың {STAGE_KK[level]} кезеңінің", 18),
            ("жеңімпазы ретінде марапатталады" if place == 1 else "жүлдегері ретінде марапатталады", 18),
            (f"Жетекшісі: {teacher}", 16),
            (kk_date(issued), 14),
            ("Басшы ____________", 14),
        ]
    else:
        subject = rng.choice(SUBJECTS_RU)
        lines = [
            (issuer, 16),
            ("ДИПЛОМ", 48),
            (f"{PLACE_RU[place]} степени", 28),
            ("награждается", 18),
            (f"{sname} {fname}", 26),
            (f"ученик(ца) {grade} класса", 18),
            (f"за {'победу' if place == 1 else 'призовое место'} в {STAGE_RU[level]} этапе республиканской", 18),
            (f"олимпиады по общеобразовательным предметам по {subject}", 18),
            (f"Руководитель: {teacher}", 16),
            (f"Дата выдачи: {ru_date(issued)}", 14),
            ("Руководитель управления ____________", 14),
        ]
    truth = _base_truth(
        doc_type="diploma",
        activity="student_contest",
        achiever="student",
        person_name=f"{sname} {fname}",
        supervisor_name=teacher,
        approved_list_id="rep-olympiad-general",
        level=level,
        result="winner" if place == 1 else "prize",
        place=place,
        issued_on=issued.isoformat(),
        issuer=issuer,
    )
    return Doc(lines, truth, "kk" if kk else "ru")


def paid_contest_diploma(rng: random.Random, teacher: str, issued: date) -> Doc:
    sname, fname, _ = rng.choice(STUDENTS_RU)
    brand = rng.choice(["Зимние узоры", "Умный мамонтёнок", "Olimp-Star", "Звёздный путь"])
    lines = [
        ("Центр дистанционных олимпиад www.olimp-plus.kz", 16),
        ("ДИПЛОМ", 48),
        ("I степени", 28),
        ("награждается", 18),
        (f"{sname} {fname}", 26),
        ("ученик(ца) 5 класса", 18),
        (f"Международная дистанционная олимпиада «{brand}»", 18),
        ("оргвзнос 1500 тг", 12),
        (f"Руководитель: {teacher}", 16),
        (ru_date(issued), 14),
    ]
    truth = _base_truth(
        doc_type="diploma",
        activity="student_contest",
        achiever="student",
        person_name=f"{sname} {fname}",
        supervisor_name=teacher,
        level="international",
        result="winner",
        place=1,
        issued_on=issued.isoformat(),
        issuer="Центр дистанционных олимпиад www.olimp-plus.kz",
    )
    return Doc(lines, truth, "ru", defects=["unlisted_event"])


def course_certificate(rng: random.Random, applicant: str, issued: date, kk: bool) -> Doc:
    hours = rng.choice([36, 72, 80, 108, 120])
    programme = rng.choice(
        [
            "Развитие функциональной грамотности учащихся",
            "Критериальное оценивание в школе",
            "Цифровые инструменты учителя",
        ]
    )
    provider = rng.choice(["АО «НЦПК «Өрлеу»", "Центр педагогического мастерства АОО «НИШ»"])
    if kk:
        lines = [
            (provider, 16),
            ("СЕРТИФИКАТ", 44),
            (applicant, 24),
            (f"«{programme}» білім беру бағдарламасы бойынша", 16),
            (f"біліктілікті арттыру курсынан өтті, көлемі {hours} академиялық сағат", 16),
            (kk_date(issued), 14),
            ("Директор ____________", 14),
        ]
    else:
        lines = [
            (provider, 16),
            ("СЕРТИФИКАТ", 44),
            ("настоящим подтверждается, что", 16),
            (applicant, 24),
            ("прошёл(-ла) курсы повышения квалификации", 16),
            (f"по образовательной программе «{programme}»", 16),
            (f"в объёме {hours} академических часов", 16),
            (ru_date(issued), 14),
            ("Директор ____________", 14),
        ]
    truth = _base_truth(
        doc_type="course_certificate",
        activity="course",
        achiever="applicant",
        person_name=applicant,
        event_name=programme,
        hours=hours,
        issued_on=issued.isoformat(),
        issuer=provider,
    )
    return Doc(lines, truth, "kk" if kk else "ru")


def protocol_extract(rng: random.Random, applicant: str, issued: date, level: str) -> Doc:
    council = {
        "school": "педагогического совета КГУ «Средняя школа № 12»",
        "district": "учебно-методического совета отдела образования города Темиртау",
        "region": "учебно-методического совета Управления образования Карагандинской области",
        "republic": "республиканского учебно-методического совета НАО им. Ы. Алтынсарина",
    }[level]
    lines = [
        ("ВЫПИСКА ИЗ ПРОТОКОЛА", 34),
        (f"заседания {council}", 16),
        (f"№ 3 от {issued:%d.%m.%Y}", 14),
        ("СЛУШАЛИ: о рекомендации методического пособия", 14),
        (f"«Активные методы обучения на уроках» автора {applicant}", 14),
        ("РЕШИЛИ: рекомендовать пособие к использованию в организациях образования.", 14),
        ("Председатель ____________   Секретарь ____________", 14),
    ]
    truth = _base_truth(
        doc_type="protocol_extract",
        activity="teaching_materials",
        achiever="applicant",
        person_name=applicant,
        level=level,
        issued_on=issued.isoformat(),
    )
    return Doc(lines, truth, "ru")


def jury_order(rng: random.Random, applicant: str, issued: date, level: str) -> Doc:
    issuer = _issuer(rng, level, False)
    lines = [
        (issuer, 16),
        ("ПРИКАЗ", 40),
        (f"от {issued:%d.%m.%Y} № {rng.randint(10, 400)}", 14),
        (f"О составе жюри {STAGE_RU[level]} этапа конкурса «Лучший педагог»", 16),
        ("ПРИКАЗЫВАЮ: утвердить состав жюри в следующем составе:", 14),
        (f"1. {applicant} — член жюри", 14),
        ("Руководитель ____________", 14),
    ]
    truth = _base_truth(
        doc_type="order",
        activity="working_group",
        achiever="applicant",
        person_name=applicant,
        level=level,
        issued_on=issued.isoformat(),
        issuer=issuer,
    )
    return Doc(lines, truth, "ru")


def gratitude_letter(rng: random.Random, applicant: str, issued: date, level: str) -> Doc:
    issuer = _issuer(rng, level, True)
    lines = [
        (issuer, 16),
        ("АЛҒЫС ХАТ", 44),
        (applicant, 24),
        (
            "облыстық «Үздік педагог» байқауына белсенді қатысқаны үшін"
            if level == "region"
            else "кәсіби шеберлік байқауына белсенді қатысқаны үшін",
            16,
        ),
        ("алғыс білдіреді", 16),
        (kk_date(issued), 14),
        ("Басшы ____________", 14),
    ]
    truth = _base_truth(
        doc_type="gratitude_letter",
        activity="professional_contest",
        achiever="applicant",
        person_name=applicant,
        level=level,
        result="participant",
        issued_on=issued.isoformat(),
        issuer=issuer,
        approved_list_id="teach-best-teacher" if level == "region" else None,
    )
    return Doc(lines, truth, "kk")

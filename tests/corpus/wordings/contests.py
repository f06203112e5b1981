"""Diplomas (winners, prize-winners, Grand Prix) and participation certificates, RU and KZ.

domain.md "Diploma": "ДИПЛОМ I степени награждается … ученица 9 класса … победитель областного этапа …";
Kazakh "I дәрежелі ДИПЛОМ … облыстық кезеңінің жеңімпазы …"; "сертификат участника / қатысушы сертификаты".
"""

from __future__ import annotations

from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import (
    event_kk,
    event_ru,
    result_kk,
    result_ru,
    signatory,
    teacher_kk,
    teacher_ru,
    who_kk,
    who_ru,
)


def _won_ru(w: Writer) -> str:
    if w.f.place == 0:
        return "за получение Гран-при"
    if w.f.result == "winner":
        won = w.pick("за победу", "за I место", "за 1 место")
    else:
        won = w.pick("за призовое место", f"за {w.f.place} место", f"за {'II' if w.f.place == 2 else 'III'} место")
    w.place_printed = w.place_printed or ("место" in won and "призовое" not in won)
    return won


@wording("diploma", "oblast_classic")
def degree_centred(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("ДИПЛОМ", "title"),
            B(result_ru(w, "degree"), "subtitle"),
            B("награждается", "text"),
            B(w.person("nom"), "name"),
            B(who_ru(w), "text"),
            B(f"{_won_ru(w)} в {event_ru(w, 'prep')}", "text"),
            B(teacher_ru(w, "Руководитель:", "Учитель:", "Подготовил(а):") or "", "text"),
            B(f"{w.f.issuer.city_ru}, {w.date('words_g', 'quoted', 'dots_g')}", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B(result_kk(w, "degree"), "subtitle"),
        B("ДИПЛОМ", "title"),
        B(w.person("nom"), "name"),
        B(who_kk(w), "text"),
        B(f"{event_kk(w, 'gen')} {result_kk(w, 'word')} ретінде марапатталады", "text"),
        B(teacher_kk(w, "Жетекшісі:", "Дайындаған мұғалімі:") or "", "text"),
        B(w.date("year_first", "day_first"), "meta"),
        B(signatory(w, "Б. Жұмабеков"), "sign"),
    ]


@wording("diploma", "daryn_landscape")
def place_dative(w: Writer) -> list[B | None]:
    if w.ru:
        winner = "победителю" if w.f.result == "winner" else "призёру"
        return [
            B(w.issuer_text, "header"),
            B("ДИПЛОМ", "title"),
            B(result_ru(w, "place"), "subtitle"),
            B("вручается", "text"),
            B(w.person("dat"), "name"),
            B(who_ru(w), "text"),
            B(f"{winner} {event_ru(w, 'gen')}", "text"),
            B(teacher_ru(w, "Научный руководитель:", "Подготовил(а):") or "", "text"),
            B(f"Приказ № {w.f.number} от {w.date('dots', 'dots_g')}", "meta"),
            B(signatory(w, "А. Сарсенова"), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("ДИПЛОМ", "title"),
        B(result_kk(w, "place"), "subtitle"),
        B(w.person("nom"), "name"),
        B(who_kk(w), "text"),
        B(f"{event_kk(w, 'loc')} {result_kk(w, 'place')} алғаны үшін марапатталады", "text"),
        B(teacher_kk(w, "Ғылыми жетекшісі:", "Дайындаған:") or "", "text"),
        B(f"Бұйрық № {w.f.number}, {w.date('dots_zh', 'day_first')}", "meta"),
        B(signatory(w, "А. Сәрсенова"), "sign"),
    ]


@wording("diploma", "school_letterhead")
def sentence_letter(w: Writer) -> list[B | None]:
    w.place_printed = True
    if w.ru:
        took = "занявшая" if (w.f.student or w.f.applicant).female else "занявший"
        if w.f.achiever != "student":
            took = "занявшая" if w.f.applicant.female else "занявший"
        return [
            B(w.issuer_text, "header"),
            B("ДИПЛОМ", "title"),
            B(
                f"Настоящим дипломом награждается {w.person('nom')}, {who_ru(w)}, {took} {w.f.place} место в {event_ru(w, 'prep')}.",
                "text",
            ),
            B(teacher_ru(w, "Учитель-предметник:", "Руководитель:") or "", "text"),
            B(f"Дата выдачи: {w.date('dots', 'slashes')}", "meta"),
            B(signatory(w, "Г. Исабекова"), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("ДИПЛОМ", "title"),
        B(
            f"Осы диплом {w.person('dat')}, {who_kk(w)}, {event_kk(w, 'loc')} {w.f.place} орын алғаны үшін беріледі.",
            "text",
        ),
        B(teacher_kk(w, "Пән мұғалімі:", "Жетекшісі:") or "", "text"),
        B(f"Берілген күні: {w.date('dots', 'dots_zh')}", "meta"),
        B(signatory(w, "Г. Исабекова"), "sign"),
    ]


@wording("diploma", "nis_guilloche")
def result_banner(w: Writer) -> list[B | None]:
    if w.ru:
        banner = "ПОБЕДИТЕЛЬ" if w.f.result == "winner" else f"ПРИЗЁР ({result_ru(w, 'place')})"
        if w.f.place == 0:
            banner = "ГРАН-ПРИ"
        return [
            B(w.issuer_text, "header"),
            B("ДИПЛОМ", "title"),
            B(banner, "subtitle"),
            B(w.person("nom"), "name", 1.2),
            B(who_ru(w), "text"),
            B(event_ru(w, "nom", abbreviate=w.rng.random() < 0.3), "text"),
            B(teacher_ru(w, "Наставник:", "Научный руководитель:") or "", "text"),
            B(w.date("words", "words_g"), "meta"),
            B(signatory(w, "Т. Ли"), "sign"),
        ]
    banner = "ЖЕҢІМПАЗ" if w.f.result == "winner" else f"ЖҮЛДЕГЕР ({result_kk(w, 'place')})"
    if w.f.place == 0:
        banner = "ГРАН-ПРИ"
    return [
        B(w.issuer_text, "header"),
        B("ДИПЛОМ", "title"),
        B(banner, "subtitle"),
        B(w.person("nom"), "name", 1.2),
        B(who_kk(w), "text"),
        B(event_kk(w, "nom"), "text"),
        B(teacher_kk(w, "Тәлімгері:", "Ғылыми жетекшісі:") or "", "text"),
        B(w.date("year_zh", "year_first"), "meta"),
        B(signatory(w, "Т. Ли"), "sign"),
    ]


@wording("diploma", "bilingual_official")
def numbered_award(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B(f"ДИПЛОМ № {w.f.number:04d}", "title"),
            B(f"{result_ru(w, 'degree')}", "subtitle"),
            B(f"{w.person('nom')} — {who_ru(w)}", "name", 0.8),
            B(f"награжден(а) по итогам {event_ru(w, 'gen')}", "text"),
            B(teacher_ru(w, "Педагог:") or "", "text"),
            B(f"от {w.date('dots_g', 'quoted')}", "meta"),
            B(signatory(w, "Е. Оразбаев"), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B(f"ДИПЛОМ № {w.f.number:04d}", "title"),
        B(result_kk(w, "degree"), "subtitle"),
        B(f"{w.person('nom')} — {who_kk(w)}", "name", 0.8),
        B(f"{event_kk(w, 'gen')} қорытындысы бойынша марапатталады", "text"),
        B(teacher_kk(w, "Педагогі:") or "", "text"),
        B(w.date("quoted", "dots_zh"), "meta"),
        B(signatory(w, "Е. Оразбаев"), "sign"),
    ]


@wording("diploma", "online_ribbon")
def paid_ribbon(w: Writer) -> list[B | None]:
    e = w.f.event
    assert e is not None
    if w.ru:
        return [
            B(f"{e.organizer_ru} • {e.site}", "header"),
            B("ДИПЛОМ", "title"),
            B(f"{'ПОБЕДИТЕЛЯ' if w.f.result == 'winner' else 'ПРИЗЁРА'} ({result_ru(w, 'place')})", "subtitle"),
            B(w.person("nom"), "name"),
            B(who_ru(w), "text"),
            B(event_ru(w, "nom"), "text"),
            B(teacher_ru(w, "Куратор:", "Руководитель:") or "", "text"),
            B(f"{e.fee_ru}. Свидетельство СМИ № KZ{w.f.number:05d}", "small"),
            B(f"Дата: {w.date('slashes', 'dots')}", "meta"),
            B("Директор ____________ Н. Ершова", "sign"),
        ]
    return [
        B(f"{e.organizer_kk} • {e.site}", "header"),
        B("ДИПЛОМ", "title"),
        B(f"{result_kk(w, 'place')}", "subtitle"),
        B(w.person("nom"), "name"),
        B(who_kk(w), "text"),
        B(event_kk(w, "nom"), "text"),
        B(teacher_kk(w, "Жетекшісі:", "Куратор:") or "", "text"),
        B(e.fee_kk or "", "small"),
        B(w.date("dots", "day_first"), "meta"),
        B("Директор ____________ Н. Ершова", "sign"),
    ]


@wording("diploma", "online_modern")
def paid_modern(w: Writer) -> list[B | None]:
    e = w.f.event
    assert e is not None
    return [
        B(e.site or "", "header"),
        B("DIPLOMA", "subtitle"),
        B("ДИПЛОМ", "title"),
        B(w.person("nom"), "name", 1.1),
        B((result_ru(w, "word").upper() if w.ru else result_kk(w, "word").upper()), "subtitle", 0.8),
        B((event_ru(w, "gen") if w.ru else event_kk(w, "gen")), "text"),
        B((teacher_ru(w, "Педагог:") or "" if w.ru else teacher_kk(w, "Педагог:") or ""), "text"),
        B(
            (
                f"Проверить подлинность: {e.site}/check/{w.f.number}"
                if w.ru
                else f"Түпнұсқалығын тексеру: {e.site}/check/{w.f.number}"
            ),
            "small",
        ),
        B((e.fee_ru or "" if w.ru else e.fee_kk or ""), "small"),
        B(w.date("dots", "slashes") if w.ru else w.date("dots", "dots_zh"), "meta"),
        B(
            ("Председатель оргкомитета ____________" if w.ru else "Ұйымдастыру комитетінің төрағасы ____________"),
            "sign",
        ),
    ]


# Participation certificates (result: participant).


@wording("participation", "daryn_landscape")
def participant_title(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B("участника", "subtitle"),
            B(w.person("nom"), "name"),
            B(who_ru(w), "text"),
            B(f"принял(а) участие в {event_ru(w, 'prep')}", "text"),
            B(teacher_ru(w, "Руководитель:") or "", "text"),
            B(w.date("dots_g", "words_g"), "meta"),
            B(signatory(w, "А. Сарсенова"), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("ҚАТЫСУШЫ СЕРТИФИКАТЫ", "title"),
        B(w.person("nom"), "name"),
        B(who_kk(w), "text"),
        B(f"{event_kk(w, 'gen')} қатысушысы", "text"),
        B(teacher_kk(w, "Жетекшісі:") or "", "text"),
        B(w.date("day_first", "dots_zh"), "meta"),
        B(signatory(w, "А. Сәрсенова"), "sign"),
    ]


@wording("participation", "oblast_classic")
def confirms(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B("Настоящий сертификат подтверждает, что", "text"),
            B(w.person("nom"), "name"),
            B(f"{who_ru(w)}, является участником {event_ru(w, 'gen')}", "text"),
            B(teacher_ru(w, "Учитель:") or "", "text"),
            B(w.date("quoted", "dots"), "meta"),
            B(signatory(w, "К. Ахметжанов"), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СЕРТИФИКАТ", "title"),
        B(f"Осы сертификат {w.person('dat')} {event_kk(w, 'loc')} қатысқаны үшін берілді", "text"),
        B(who_kk(w), "text"),
        B(teacher_kk(w, "Мұғалімі:") or "", "text"),
        B(w.date("quoted", "year_first"), "meta"),
        B(signatory(w, "Қ. Ахметжанов"), "sign"),
    ]


@wording("participation", "school_letterhead")
def school_participant(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("Сертификат участника", "title", 0.8),
            B(f"выдан {w.person('dat')}, {who_ru(w)}, за участие в {event_ru(w, 'prep')}.", "text"),
            B(teacher_ru(w, "Руководитель:") or "", "text"),
            B(w.date("dots", "dots_g"), "meta"),
            B(signatory(w, "Г. Исабекова"), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("Қатысушы сертификаты", "title", 0.8),
        B(f"{w.person('nom')}, {who_kk(w)}, {event_kk(w, 'loc')} белсене қатысты.", "text"),
        B(teacher_kk(w, "Жетекшісі:") or "", "text"),
        B(w.date("dots", "dots_zh"), "meta"),
        B(signatory(w, "Г. Исабекова"), "sign"),
    ]


@wording("participation", "nis_guilloche")
def certificate_of_participation(w: Writer) -> list[B | None]:
    return [
        B(w.issuer_text, "header"),
        B("CERTIFICATE", "subtitle", 0.7),
        B("СЕРТИФИКАТ", "title"),
        B(("участнику" if w.ru else "қатысушыға"), "subtitle", 0.7),
        B(w.person("dat") if w.ru else w.person("nom"), "name", 1.2),
        B((who_ru(w) if w.ru else who_kk(w)), "text"),
        B((event_ru(w, "nom") if w.ru else event_kk(w, "nom")), "text"),
        B((teacher_ru(w, "Наставник:") or "" if w.ru else teacher_kk(w, "Тәлімгері:") or ""), "text"),
        B(w.date("words", "dots") if w.ru else w.date("year_zh", "dots_zh"), "meta"),
        B(signatory(w, "Т. Ли"), "sign"),
    ]


@wording("participation", "online_ribbon")
def paid_participant(w: Writer) -> list[B | None]:
    e = w.f.event
    assert e is not None
    return [
        B((f"{e.organizer_ru} | {e.site}" if w.ru else f"{e.organizer_kk} | {e.site}"), "header"),
        B(("СЕРТИФИКАТ УЧАСТНИКА" if w.ru else "ҚАТЫСУШЫ СЕРТИФИКАТЫ"), "title", 0.8),
        B(w.person("nom"), "name"),
        B((who_ru(w) if w.ru else who_kk(w)), "text"),
        B((event_ru(w, "nom") if w.ru else event_kk(w, "nom")), "text"),
        B((teacher_ru(w, "Куратор:") or "" if w.ru else teacher_kk(w, "Куратор:") or ""), "text"),
        B((e.fee_ru or "" if w.ru else e.fee_kk or ""), "small"),
        B(w.date("slashes") if w.ru else w.date("dots"), "meta"),
        B("Директор ____________ Н. Ершова", "sign"),
    ]


@wording("participation", "online_modern")
def paid_online_participant(w: Writer) -> list[B | None]:
    e = w.f.event
    assert e is not None
    return [
        B(e.site or "", "header"),
        B("СЕРТИФИКАТ", "title"),
        B(("подтверждает участие" if w.ru else "қатысуын растайды"), "subtitle", 0.7),
        B(w.person("nom"), "name"),
        B(
            (f"в дистанционном формате: {event_ru(w, 'nom')}" if w.ru else f"қашықтық форматта: {event_kk(w, 'nom')}"),
            "text",
        ),
        B((teacher_ru(w, "Педагог:") or "" if w.ru else teacher_kk(w, "Педагог:") or ""), "text"),
        B((e.fee_ru or "" if w.ru else e.fee_kk or ""), "small"),
        B(w.date("dots_g") if w.ru else w.date("dots_zh"), "meta"),
        B(("Руководитель проекта ____________" if w.ru else "Жоба жетекшісі ____________"), "sign"),
    ]

"""Грамоты / мадақтама / құрмет грамотасы: a result in a contest, or an award as such (no activity).

domain.md: awards as such earn no points; they count only as proof of a result in a listed contest.
"""

from __future__ import annotations

from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import (
    event_kk,
    event_ru,
    result_kk,
    signatory,
    teacher_kk,
    teacher_ru,
    who_kk,
    who_ru,
)


def reason_ru(w: Writer) -> str:
    if w.f.activity is None:
        return w.pick(
            "за многолетний добросовестный труд и значительный вклад в развитие образования",
            "за высокий профессионализм и успехи в обучении и воспитании подрастающего поколения",
        )
    if w.f.place == 0:
        return f"за Гран-при {event_ru(w, 'gen')}"
    place = w.pick(f"{w.f.place} место", f"{'I' * w.f.place} место")
    w.place_printed = True
    return f"за {place} в {event_ru(w, 'prep')}"


def reason_kk(w: Writer) -> str:
    if w.f.activity is None:
        return w.pick(
            "білім беру саласындағы көп жылғы адал еңбегі үшін",
            "жас ұрпаққа білім мен тәрбие берудегі жетістіктері үшін",
        )
    if w.f.place == 0:
        return f"{event_kk(w, 'loc')} Гран-при иеленгені үшін"
    return f"{event_kk(w, 'loc')} {result_kk(w, 'place')} алғаны үшін"


@wording("honor", "oblast_classic")
def gramota_centred(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("ГРАМОТА", "title"),
            B("награждается", "text"),
            B(w.person("nom"), "name"),
            B(who_ru(w), "text"),
            B(reason_ru(w), "text"),
            B(teacher_ru(w, "Руководитель:") or "", "text"),
            B(w.date("words_g", "dots_g"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("МАДАҚТАМА", "title"),
        B(w.person("nom"), "name"),
        B(who_kk(w), "text"),
        B(reason_kk(w), "text"),
        B("марапатталады", "text"),
        B(teacher_kk(w, "Жетекшісі:") or "", "text"),
        B(w.date("day_first", "year_first"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("honor", "school_letterhead")
def administration_awards(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("Грамота", "title", 0.9),
            B(f"Администрация награждает {w.person('acc')}, {who_ru(w)}, {reason_ru(w)}.", "text"),
            B(teacher_ru(w, "Учитель:") or "", "text"),
            B(w.date("dots", "dots_g"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("Мадақтама", "title", 0.9),
        B(f"Мектеп әкімшілігі {w.person('acc')}, {who_kk(w)}, {reason_kk(w)} марапаттайды.", "text"),
        B(teacher_kk(w, "Мұғалімі:") or "", "text"),
        B(w.date("dots", "dots_zh"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("honor", "daryn_landscape")
def honorary(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("ПОЧЁТНАЯ ГРАМОТА", "title", 0.85),
            B("вручается", "text"),
            B(w.person("dat"), "name"),
            B(who_ru(w), "text"),
            B(reason_ru(w), "text"),
            B(teacher_ru(w, "Наставник:") or "", "text"),
            B(w.date("quoted", "words"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("ҚҰРМЕТ ГРАМОТАСЫ", "title", 0.85),
        B(w.person("dat"), "name"),
        B(who_kk(w), "text"),
        B(f"{reason_kk(w)} беріледі", "text"),
        B(teacher_kk(w, "Тәлімгері:") or "", "text"),
        B(w.date("quoted", "year_first"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("honor", "bilingual_official")
def gramota_by_order(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("ГРАМОТА", "title"),
            B(f"{w.person('nom')} ({who_ru(w)})", "name", 0.8),
            B(f"{reason_ru(w)} награждается настоящей грамотой", "text"),
            B(teacher_ru(w, "Учитель-наставник:") or "", "text"),
            B(f"Приказ от {w.date('dots_g')} № {w.f.number}-н/қ", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("МАДАҚТАМА", "title"),
        B(f"{w.person('nom')} ({who_kk(w)})", "name", 0.8),
        B(f"{reason_kk(w)} осы мадақтамамен марапатталады", "text"),
        B(teacher_kk(w, "Тәлімгер-мұғалімі:") or "", "text"),
        B(f"{w.date('dots_zh', 'year_first')} № {w.f.number}-н/қ бұйрық", "meta"),
        B(signatory(w), "sign"),
    ]


@wording("honor", "nis_guilloche")
def award_script(w: Writer) -> list[B | None]:
    return [
        B(w.issuer_text, "header"),
        B(("ГРАМОТА" if w.ru else "ҚҰРМЕТ ГРАМОТАСЫ"), "title"),
        B(w.person("nom"), "name", 1.25),
        B((who_ru(w) if w.ru else who_kk(w)), "text"),
        B((reason_ru(w) if w.ru else reason_kk(w)), "text"),
        B((teacher_ru(w, "Наставник:") or "" if w.ru else teacher_kk(w, "Тәлімгері:") or ""), "text"),
        B(w.date("words", "dots") if w.ru else w.date("year_zh", "quoted"), "meta"),
        B(signatory(w), "sign"),
    ]

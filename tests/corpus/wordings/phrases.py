"""Phrases several wordings share: results, stages, levels, event names in the case a sentence needs.

domain.md "Levels" and "What the documents look like": a level comes from the stage ("областной этап",
"облыстық кезеңі"), a level adjective, or the issuer; places I/1 = winner, II–III/2–3 = prize-winner.
"""

from __future__ import annotations

from tests.corpus.events import kk_case, lower_first, ru_case
from tests.corpus.model import Writer

ROMAN = {1: "I", 2: "II", 3: "III"}
SUBJECTS = [
    ("математике", "математикадан"),
    ("физике", "физикадан"),
    ("химии", "химиядан"),
    ("биологии", "биологиядан"),
    ("информатике", "информатикадан"),
    ("географии", "географиядан"),
    ("истории Казахстана", "Қазақстан тарихынан"),
    ("казахскому языку и литературе", "қазақ тілі мен әдебиетінен"),
    ("русскому языку и литературе", "орыс тілі мен әдебиетінен"),
    ("английскому языку", "ағылшын тілінен"),
]


def _city_region(w: Writer) -> bool:
    return w.f.level == "region" and ("города" in w.f.issuer.ru or "қаласы" in w.f.issuer.kk)


def stage_ru(w: Writer, case: str = "gen") -> str:
    """'областного' (этапа) etc.; Astana/Almaty/Shymkent call their region-level stage 'городской'."""
    district = "районного" if "район" in w.f.issuer.ru else "городского"
    table = {
        "school": ("школьного", "школьном", "школьный"),
        "district": (district, district[:-2] + "м", district[:-3] + "ой" if district == "городского" else "районный"),
        "region": ("городского", "городском", "городской")
        if _city_region(w)
        else ("областного", "областном", "областной"),
        "republic": w.rng.choice(
            [
                ("заключительного", "заключительном", "заключительный"),
                ("республиканского", "республиканском", "республиканский"),
            ]
        ),
    }[w.f.level]
    return table[{"gen": 0, "prep": 1, "nom": 2}[case]]


def stage_kk(w: Writer) -> str:
    district = "аудандық" if "аудан" in w.f.issuer.kk else "қалалық"
    return {
        "school": "мектепішілік",
        "district": district,
        "region": "қалалық" if _city_region(w) else "облыстық",
        "republic": w.pick("республикалық", "қорытынды"),
    }[w.f.level]


def level_adj_ru(level: str, gender: str = "m") -> str:
    forms = {
        "school": ("школьный", "школьная"),
        "district": ("районный", "районная"),
        "region": ("областной", "областная"),
        "republic": ("республиканский", "республиканская"),
        "international": ("международный", "международная"),
    }[level]
    return forms[0 if gender == "m" else 1]


def level_adj_kk(level: str) -> str:
    return {
        "school": "мектепішілік",
        "district": "аудандық",
        "region": "облыстық",
        "republic": "республикалық",
        "international": "халықаралық",
    }[level]


def event_ru(w: Writer, case: str = "gen", abbreviate: bool = False) -> str:
    """The event as a sentence needs it: a staged event with its stage, a listed one by name or abbreviation."""
    e = w.f.event
    if e is None:
        return ""
    if e.commercial:
        return w.event_name(f"«{e.ru.split('«')[1]}" if abbreviate else ru_case(e.ru, case))
    if e.staged:
        stage = stage_ru(w, "gen" if case in ("gen", "nom") else "prep")
        head = {"gen": "этапа", "prep": "этапе", "nom": "этап"}[case]
        name = lower_first(ru_case(e.ru, "gen"))
        if "общеобразовательным предметам" in e.ru and w.rng.random() < 0.6:
            name = f"{name} ({w.f.subject[0].replace('ике', 'ика').replace('ии', 'ия')})"
        return w.event_name(f"{stage} {head} {name}")
    if e.id is None:  # unlisted state-run contest: the level adjective carries the level
        adj = level_adj_ru(w.f.level, "f" if "олимпиад" in e.ru.lower() or "игра" in e.ru.lower() else "m")
        text = f"{adj} {lower_first(e.ru)}"
        return w.event_name(ru_case(text, case))
    if abbreviate and e.abbr:
        return w.event_name(f"{e.abbr}-{w.f.issued.year}")
    return w.event_name(ru_case(e.ru, case))


def event_kk(w: Writer, case: str = "gen") -> str:
    e = w.f.event
    if e is None:
        return ""
    if e.staged:
        stage = {"gen": "кезеңінің", "loc": "кезеңінде"}.get(case, "кезеңі")
        return w.event_name(f"{kk_case(e.kk, 'gen')} {stage_kk(w)} {stage}")
    if e.id is None and not e.commercial:
        return w.event_name(kk_case(f"{level_adj_kk(w.f.level)} {lower_first(e.kk)}", case))
    return w.event_name(kk_case(e.kk, case) if case != "nom" else e.kk)


def result_ru(w: Writer, style: str) -> str:
    """style: degree ('I степени'), place ('1 место'), word ('победитель'/'призёр'/'участник')."""
    place, result = w.f.place, w.f.result
    if place == 0:
        return "Гран-при"
    if result == "participant":
        return "участник"
    if style in ("degree", "place"):
        w.place_printed = True
    if style == "degree":
        return f"{ROMAN[place]} степени"
    if style == "place":
        return f"{place} место" if w.rng.random() < 0.6 else f"{ROMAN[place]} место"
    return "победитель" if result == "winner" else w.pick("призёр", "призер")


def result_kk(w: Writer, style: str) -> str:
    place, result = w.f.place, w.f.result
    if place == 0:
        return "Гран-при"
    if result == "participant":
        return "қатысушысы"
    if style in ("degree", "place"):
        w.place_printed = True
    if style == "degree":
        return f"{ROMAN[place]} дәрежелі"
    if style == "place":
        return f"{place} орын" if w.rng.random() < 0.6 else f"{ROMAN[place]} орын"
    return "жеңімпазы" if result == "winner" else "жүлдегері"


def grade_ru(w: Writer) -> str:
    who = "ученица" if w.f.student and w.f.student.female else "ученик"
    return (
        f"{who} {w.f.grade} класса" if w.rng.random() < 0.7 else f"{who} {w.f.grade} «{w.pick('А', 'Б', 'В')}» класса"
    )


def grade_gen_ru(w: Writer) -> str:
    who = "ученицы" if w.f.student and w.f.student.female else "ученика"
    return f"{who} {w.f.grade} класса"


def grade_kk(w: Writer) -> str:
    return (
        f"{w.f.grade}-сынып оқушысы" if w.rng.random() < 0.6 else f"{w.f.grade} «{w.pick('А', 'Ә', 'Б')}» сынып оқушысы"
    )


def signatory(w: Writer, name: str | None = None) -> str:
    """The signatory line: head's title, a line for the pen, the name (the template's own or the writer's)."""
    head = w.f.issuer.head_ru if w.ru else w.f.issuer.head_kk
    return f"{head} ____________ {name or w.signer}"


def who_ru(w: Writer) -> str:
    """The awardee's description: a student's class, or the applicant's job."""
    return grade_ru(w) if w.f.achiever == "student" else w.f.job_ru


def who_kk(w: Writer) -> str:
    return grade_kk(w) if w.f.achiever == "student" else w.f.job_kk


def teacher_ru(w: Writer, *labels: str) -> str | None:
    """'Руководитель: Ахметова Д.Е.' on a student's document; None on the applicant's own."""
    if w.f.achiever != "student":
        return None
    return f"{w.pick(*labels)} {w.teacher()}"


def teacher_kk(w: Writer, *labels: str) -> str | None:
    if w.f.achiever != "student":
        return None
    return f"{w.pick(*labels)} {w.teacher()}"

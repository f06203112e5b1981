"""Letters of thanks (благодарственное письмо / алғыс хат): to the teacher "за подготовку победителя…", naming
student and teacher (domain.md), or to the applicant for jury work, a speech or taking part in a contest.
"""

from __future__ import annotations

from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import event_kk, event_ru, grade_gen_ru, result_kk, signatory


def _addressee(w: Writer, case: str) -> str:
    """The addressee: the teacher on a student's letter, otherwise the applicant."""
    if w.f.achiever == "student":
        return w.teacher(case)
    return w.person(case)


def _teacher_dat(w: Writer) -> str:
    return _addressee(w, "dat")


def reason_ru(w: Writer) -> str:
    f = w.f
    if f.activity == "student_contest":
        who = {"winner": "победителя", "prize": "призёра", "participant": "участника"}[f.result or "participant"]
        return f"за подготовку {who} {event_ru(w, 'gen')} — {grade_gen_ru(w)} {w.person('gen', ('full',))}"
    if f.activity == "working_group":
        return (
            f"за работу в составе жюри {event_ru(w, 'gen')}"
            if f.event
            else "за активную работу в составе экспертной группы"
        )
    if f.activity == "speech":
        topic = f.topic[0] if f.topic else ""
        return f"за проведение мастер-класса «{topic}» и распространение педагогического опыта"
    return f"за активное участие в {event_ru(w, 'prep')}"


def reason_kk(w: Writer) -> str:
    f = w.f
    if f.activity == "student_contest":
        return f"{event_kk(w, 'gen')} {result_kk(w, 'word')} {w.f.grade}-сынып оқушысы {w.person('acc', ('full',))} дайындағаны үшін"
    if f.activity == "working_group":
        return (
            f"{event_kk(w, 'gen')} қазылар алқасының жұмысына қатысқаны үшін"
            if f.event
            else "сараптама тобының жұмысына белсенді қатысқаны үшін"
        )
    if f.activity == "speech":
        topic = f.topic[1] if f.topic else ""
        return f"«{topic}» тақырыбында шеберлік сынып өткізіп, іс-тәжірибесін таратқаны үшін"
    return f"{event_kk(w, 'gen')} жұмысына белсенді қатысқаны үшін"


@wording("gratitude", "oblast_classic")
def expresses_thanks(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("БЛАГОДАРСТВЕННОЕ ПИСЬМО", "title", 0.7),
            B(f"{w.issuer_text} выражает благодарность", "text"),
            B(_teacher_dat(w), "name"),
            B(w.f.job_ru, "text"),
            B(reason_ru(w), "text"),
            B(w.date("words_g", "dots_g"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("АЛҒЫС ХАТ", "title"),
        B(_teacher_dat(w), "name"),
        B(w.f.job_kk, "text"),
        B(reason_kk(w), "text"),
        B("алғыс білдіреді", "text"),
        B(w.date("year_first", "day_first"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("gratitude", "daryn_landscape")
def thanks_banner(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("БЛАГОДАРНОСТЬ", "title"),
            B("Уважаемая" if w.f.applicant.female else "Уважаемый", "subtitle", 0.6),
            B(f"{_addressee(w, 'nom')}!", "name"),
            B(f"Выражаем Вам искреннюю благодарность {reason_ru(w)}!", "text"),
            B(w.date("dots", "quoted"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("АЛҒЫС", "title"),
        B("Құрметті", "subtitle", 0.6),
        B(f"{_addressee(w, 'nom')}!", "name"),
        B(f"Сізге {reason_kk(w)} шын жүректен алғыс білдіреміз!", "text"),
        B(w.date("dots_zh", "quoted"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("gratitude", "school_letterhead")
def letter_body(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("Благодарственное письмо", "title", 0.7),
            B(f"Администрация выражает благодарность {_teacher_dat(w)}, {w.f.job_ru}, {reason_ru(w)}.", "text"),
            B("Желаем дальнейших творческих успехов!", "text"),
            B(w.date("dots", "slashes"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("Алғыс хат", "title", 0.8),
        B(f"Мектеп әкімшілігі {_teacher_dat(w)}, {w.f.job_kk}, {reason_kk(w)} алғыс жариялайды.", "text"),
        B("Шығармашылық табыс тілейміз!", "text"),
        B(w.date("dots", "dots_zh"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("gratitude", "bilingual_official")
def official_thanks(w: Writer) -> list[B | None]:
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("БЛАГОДАРСТВЕННОЕ ПИСЬМО", "title", 0.7),
            B(f"Исх. № {w.f.number} от {w.date('dots_g')}", "meta"),
            B(f"{_teacher_dat(w)}", "name", 0.8),
            B(f"Выражаем благодарность {reason_ru(w)}.", "text"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("АЛҒЫС ХАТ", "title"),
        B(f"Шығыс № {w.f.number}, {w.date('dots_zh', 'year_first')}", "meta"),
        B(_teacher_dat(w), "name", 0.8),
        B(f"{reason_kk(w)} алғыс білдіреміз.", "text"),
        B(signatory(w), "sign"),
    ]


@wording("gratitude", "online_ribbon")
def curator_thanks(w: Writer) -> list[B | None]:
    e = w.f.event
    assert e is not None
    if w.ru:
        return [
            B(f"{e.organizer_ru} • {e.site}", "header"),
            B("БЛАГОДАРНОСТЬ", "title"),
            B("куратору", "subtitle", 0.7),
            B(_teacher_dat(w), "name"),
            B(reason_ru(w), "text"),
            B(e.fee_ru or "", "small"),
            B(w.date("slashes", "dots"), "meta"),
            B("Директор ____________ Н. Ершова", "sign"),
        ]
    return [
        B(f"{e.organizer_kk} • {e.site}", "header"),
        B("АЛҒЫС ХАТ", "title"),
        B("кураторға", "subtitle", 0.7),
        B(_teacher_dat(w), "name"),
        B(reason_kk(w), "text"),
        B(e.fee_kk or "", "small"),
        B(w.date("dots"), "meta"),
        B("Директор ____________ Н. Ершова", "sign"),
    ]


@wording("gratitude", "online_modern")
def mentor_thanks(w: Writer) -> list[B | None]:
    e = w.f.event
    assert e is not None
    return [
        B(e.site or "", "header"),
        B(("БЛАГОДАРСТВЕННОЕ ПИСЬМО" if w.ru else "АЛҒЫС ХАТ"), "title", 0.7),
        B(("педагогу-наставнику" if w.ru else "тәлімгер-педагогке"), "subtitle", 0.6),
        B(_teacher_dat(w), "name"),
        B((reason_ru(w) if w.ru else reason_kk(w)), "text"),
        B((f"Проверить документ: {e.site}/verify" if w.ru else f"Құжатты тексеру: {e.site}/verify"), "small"),
        B(w.date("dots_g") if w.ru else w.date("dots_zh"), "meta"),
        B(("Координатор проекта ____________" if w.ru else "Жоба үйлестірушісі ____________"), "sign"),
    ]

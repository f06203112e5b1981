"""Speaker certificates: seminars, conferences, master classes (teachers' indicator 3.2, domain.md), RU and KZ.

The level is carried by the event's adjective ("областной семинар", "облыстық конференция") and by the issuer.
"""

from __future__ import annotations

from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import signatory

# (RU nominative, RU prepositional, gender m/f/p, KZ nominative)
EVENTS = [
    ("семинар", "семинаре", "m", "семинар"),
    ("научно-практическая конференция", "научно-практической конференции", "f", "ғылыми-практикалық конференция"),
    ("педагогические чтения", "педагогических чтениях", "p", "педагогикалық оқулар"),
    ("форум педагогов", "форуме педагогов", "m", "педагогтер форумы"),
    ("августовская конференция", "августовской конференции", "f", "тамыз конференциясы"),
]
_ADJ_PREP = {
    "school": {"m": "школьном", "f": "школьной", "p": "школьных"},
    "district": {"m": "районном", "f": "районной", "p": "районных"},
    "region": {"m": "областном", "f": "областной", "p": "областных"},
    "republic": {"m": "республиканском", "f": "республиканской", "p": "республиканских"},
    "international": {"m": "международном", "f": "международной", "p": "международных"},
}
_ADJ_KK = {
    "school": "мектепішілік",
    "district": "аудандық",
    "region": "облыстық",
    "republic": "республикалық",
    "international": "халықаралық",
}


def _event(w: Writer) -> tuple[str, str]:
    """(RU prepositional phrase, KZ nominative phrase) of the event, with its level adjective."""
    kind = EVENTS[w.f.number % len(EVENTS)]
    title = w.f.programme or (
        "Функциональная грамотность: опыт и перспективы",
        "Функционалдық сауаттылық: тәжірибе мен болашақ",
    )
    ru = f"{_ADJ_PREP[w.f.level][kind[2]]} {kind[1]} «{title[0]}»"
    kk = f"«{title[1]}» {_ADJ_KK[w.f.level]} {kind[3]}"
    w.event_name(ru if w.ru else kk)
    return ru, kk


def _topic(w: Writer) -> tuple[str, str]:
    return w.f.topic or ("Критериальное оценивание", "Критериалды бағалау")


@wording("speech", "orleu_course")
def speaker(w: Writer) -> list[B | None]:
    ru, kk = _event(w)
    topic = _topic(w)
    if w.ru:
        spoke = "выступила" if w.f.applicant.female else "выступил"
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B("спикера", "subtitle", 0.6),
            B(w.person("nom"), "name"),
            B(f"{spoke} с докладом «{topic[0]}» на {ru}", "text"),
            B(f"Дата проведения: {w.date('dots', 'dots_g')}", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СПИКЕР СЕРТИФИКАТЫ", "title", 0.8),
        B(w.person("nom"), "name"),
        B(f"{kk} аясында «{topic[1]}» тақырыбында баяндама жасады", "text"),
        B(f"Өткізілген күні: {w.date('dots', 'dots_zh')}", "meta"),
        B(signatory(w), "sign"),
    ]


@wording("speech", "daryn_landscape")
def master_class(w: Writer) -> list[B | None]:
    ru, kk = _event(w)
    topic = _topic(w)
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B("выдан", "text"),
            B(w.person("dat"), "name"),
            B(f"за проведение мастер-класса «{topic[0]}» на {ru}", "text"),
            B(w.date("words_g", "quoted"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СЕРТИФИКАТ", "title"),
        B(w.person("dat"), "name"),
        B(f"{kk} барысында «{topic[1]}» шеберлік сыныбын өткізгені үшін беріледі", "text"),
        B(w.date("day_first", "quoted"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("speech", "school_letterhead")
def speech_statement(w: Writer) -> list[B | None]:
    ru, kk = _event(w)
    topic = _topic(w)
    return [
        B(w.issuer_text, "header"),
        B("Сертификат", "title", 0.8),
        B(
            (
                f"Настоящий сертификат выдан {w.person('dat')} в том, что он(а) выступил(а) на {ru} по теме «{topic[0]}»."
                if w.ru
                else f"Осы сертификат {w.person('dat')} {kk} «{topic[1]}» тақырыбында сөз сөйлегені туралы берілді."
            ),
            "text",
        ),
        B(w.date("dots", "slashes") if w.ru else w.date("dots_zh", "dots"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("speech", "nis_guilloche")
def presenter(w: Writer) -> list[B | None]:
    ru, kk = _event(w)
    topic = _topic(w)
    return [
        B(w.issuer_text, "header"),
        B("CERTIFICATE OF PRESENTATION", "subtitle", 0.55),
        B(("СЕРТИФИКАТ ДОКЛАДЧИКА" if w.ru else "БАЯНДАМАШЫ СЕРТИФИКАТЫ"), "title", 0.75),
        B(w.person("nom"), "name", 1.2),
        B((f"Доклад: «{topic[0]}»" if w.ru else f"Баяндама: «{topic[1]}»"), "text"),
        B((f"представлен на {ru}" if w.ru else kk), "text"),
        B(w.date("words") if w.ru else w.date("year_zh"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("speech", "oblast_classic")
def certifies_speech(w: Writer) -> list[B | None]:
    ru, kk = _event(w)
    topic = _topic(w)
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B("настоящим удостоверяется, что", "text"),
            B(w.person("nom"), "name"),
            B(f"{w.f.job_ru}, представил(а) опыт работы по теме «{topic[0]}» на {ru}", "text"),
            B(f"{w.f.issuer.city_ru}, {w.date('words_g', 'dots_g')}", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СЕРТИФИКАТ", "title"),
        B(w.person("nom"), "name"),
        B(f"{w.f.job_kk}, {kk} «{topic[1]}» тақырыбында іс-тәжірибесімен бөлісті", "text"),
        B(f"{w.f.issuer.city_kk}, {w.date('year_first', 'day_first')}", "meta"),
        B(signatory(w), "sign"),
    ]

"""What a document is about, before it is worded: activity → kind, level, event, result, issuer, hours, topic.

build_doc() turns Facts into a Doc with a wording of one of the chosen families and the truth the page supports.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.corpus import events as E
from tests.corpus.model import Doc, Facts, Writer, truth_of
from tests.corpus.names import STUDENTS_KK, STUDENTS_RU, Person
from tests.corpus.places import Issuer, Region, issuer_for, region_issuer, republic_issuer
from tests.corpus.wordings import choose
from tests.corpus.wordings.phrases import SUBJECTS

# Which document kinds evidence an activity, with weights (domain.md "What the documents look like").
KINDS = {
    "student_contest": [("diploma", 45), ("participation", 20), ("honor", 15), ("gratitude", 20)],
    "professional_contest": [("diploma", 40), ("participation", 25), ("honor", 15), ("gratitude", 20)],
    "speech": [("speech", 60), ("order", 25), ("gratitude", 15)],
    "working_group": [("order", 75), ("gratitude", 25)],
    "innovation_project": [("order", 100)],
    "teaching_materials": [("protocol", 100)],
    "course": [("course", 100)],
    "publication": [("publication", 100)],
    None: [("honor", 100)],
}
TOPICS = [
    (
        "Формирование функциональной грамотности на уроках математики",
        "Математика сабақтарында функционалдық сауаттылықты қалыптастыру",
    ),
    (
        "Критериальное оценивание как средство повышения качества знаний",
        "Критериалды бағалау – білім сапасын арттыру құралы",
    ),
    ("Цифровые образовательные ресурсы в начальной школе", "Бастауыш мектептегі цифрлық білім беру ресурстары"),
    ("Проектная деятельность учащихся на уроках биологии", "Биология сабағында оқушылардың жобалық қызметі"),
    ("Инклюзивное образование: опыт и практика", "Инклюзивті білім беру: тәжірибе мен практика"),
    ("Развитие читательской грамотности", "Оқу сауаттылығын дамыту"),
]
PROGRAMMES = [
    ("Развитие функциональной грамотности учащихся", "Оқушылардың функционалдық сауаттылығын дамыту"),
    ("Критериальное оценивание учебных достижений", "Оқу жетістіктерін критериалды бағалау"),
    ("Цифровые инструменты в работе учителя", "Мұғалім жұмысындағы цифрлық құралдар"),
    ("Инклюзивное образование в общеобразовательной школе", "Жалпы білім беретін мектептегі инклюзивті білім беру"),
    ("Эффективный менеджмент в организации образования", "Білім беру ұйымындағы тиімді менеджмент"),
    (
        "Обновлённое содержание образования: методика преподавания предмета",
        "Жаңартылған білім беру мазмұны: пәнді оқыту әдістемесі",
    ),
]
SPEECH_TITLES = [
    ("Качество образования: вызовы и решения", "Білім сапасы: сын-қатерлер мен шешімдер"),
    ("Педагог новой формации", "Жаңа формациядағы педагог"),
    ("Функциональная грамотность: опыт и перспективы", "Функционалдық сауаттылық: тәжірибе мен болашақ"),
]
COURSE_HOURS = [36, 72, 72, 72, 80, 80, 108, 120, 144]


def course_provider(rng: random.Random, region: Region) -> Issuer:
    """Refresher-course providers: Өрлеу (national centre or its regional institute), NIS CPM, universities."""
    options = [
        Issuer(
            "АО «Национальный центр повышения квалификации «Өрлеу»",
            "«Өрлеу» біліктілікті арттыру ұлттық орталығы» АҚ",
            "unknown",
            "Председатель правления",
            "Басқарма төрағасы",
            "«ӨРЛЕУ» БІЛІКТІЛІКТІ АРТТЫРУ ҰЛТТЫҚ ОРТАЛЫҒЫ",
            "«ӨРЛЕУ» БІЛІКТІЛІКТІ АРТТЫРУ ҰЛТТЫҚ ОРТАЛЫҒЫ",
            "г. Астана",
            "Астана қ.",
        ),
        Issuer(
            f"Филиал АО «НЦПК «Өрлеу» «Институт профессионального развития по {region.ru_gen}»",
            f"«Өрлеу» БАҰО» АҚ филиалы «{region.kk} бойынша кәсіби даму институты»",
            "unknown",
            "Директор филиала",
            "Филиал директоры",
            "«ӨРЛЕУ» ФИЛИАЛЫ",
            "«ӨРЛЕУ» ФИЛИАЛЫ",
            f"г. {region.centre_ru}",
            f"{region.centre_kk} қ.",
        ),
        Issuer(
            "Центр педагогического мастерства АОО «Назарбаев Интеллектуальные школы»",
            "«Назарбаев Зияткерлік мектептері» ДББҰ Педагогикалық шеберлік орталығы",
            "unknown",
            "Директор",
            "Директор",
            "ПЕДАГОГИКАЛЫҚ ШЕБЕРЛІК ОРТАЛЫҒЫ",
            "ПЕДАГОГИКАЛЫҚ ШЕБЕРЛІК ОРТАЛЫҒЫ",
            "г. Астана",
            "Астана қ.",
        ),
        Issuer(
            "НАО «Карагандинский университет имени академика Е.А. Букетова»",
            "«Академик Е.А. Бөкетов атындағы Қарағанды университеті» КеАҚ",
            "unknown",
            "Проректор",
            "Проректор",
            "Е.А. БӨКЕТОВ АТЫНДАҒЫ ҚАРАҒАНДЫ УНИВЕРСИТЕТІ",
            "Е.А. БӨКЕТОВ АТЫНДАҒЫ ҚАРАҒАНДЫ УНИВЕРСИТЕТІ",
            "г. Караганда",
            "Қарағанды қ.",
        ),
        Issuer(
            "НАО «Казахский национальный педагогический университет имени Абая»",
            "«Абай атындағы Қазақ ұлттық педагогикалық университеті» КеАҚ",
            "unknown",
            "Проректор",
            "Проректор",
            "АБАЙ АТЫНДАҒЫ ҚАЗҰПУ",
            "АБАЙ АТЫНДАҒЫ ҚАЗҰПУ",
            "г. Алматы",
            "Алматы қ.",
        ),
    ]
    return rng.choice(options)


def commercial_issuer(event: E.Event) -> Issuer:
    return Issuer(
        event.organizer_ru or "",
        event.organizer_kk or "",
        "unknown",
        "Директор",
        "Директор",
        (event.organizer_ru or "").upper(),
        (event.organizer_kk or "").upper(),
        "",
        "",
    )


def contest_event(rng: random.Random, audience: str, level: str, unlisted: bool) -> tuple[E.Event, str]:
    """An event for a contest document at about this level; returns (event, the level the document shows)."""
    if unlisted:
        event = rng.choice([e for e in E.UNLISTED if e.audience == audience])
        return event, level if level in event.levels else rng.choice(event.levels)
    event = E.approved_for(rng, level, audience)
    if event is None:  # no listed event at this level for this audience: take the nearest level that has one
        for alt in ("district", "region", "republic", "international"):
            if (event := E.approved_for(rng, alt, audience)) is not None:
                return event, alt
    assert event is not None
    return event, level


def make_facts(
    rng: random.Random,
    kind: str,
    activity: str | None,
    level: str,
    issued: date,
    applicant: Person,
    language: str,
    region: Region,
    org_type: str,
    job: tuple[str, str],
    *,
    unlisted: bool = False,
    commercial: bool = False,
) -> Facts:
    number = rng.randint(3, 480)
    event = None
    achiever: str | None = "applicant"
    student = grade = None
    place = result = None
    if activity in ("student_contest", "professional_contest"):
        audience = "student" if activity == "student_contest" else "teacher"
        if commercial:
            event = E.commercial(rng, audience)
            level = event.levels[0]
        else:
            event, level = contest_event(rng, audience, level, unlisted)
        if activity == "student_contest":
            achiever = "student"
            student = rng.choice(STUDENTS_KK if language == "kk" else STUDENTS_RU)
            grade = rng.randint(5, 11)
        if kind == "participation" or (kind == "gratitude" and activity == "professional_contest"):
            result = "participant"
        else:
            place = rng.choices(
                [1, 2, 3, 0], weights=[40, 30, 27, 3 if event.id in ("proj-zerde", "proj-rknp") else 0]
            )[0]
            result = "winner" if place in (0, 1) else "prize"
            if kind == "gratitude" and rng.random() < 0.2:
                place, result = None, "participant"
    elif activity == "working_group" and rng.random() < 0.5:
        event = E.approved_for(rng, level, "student")  # jury of an olympiad stage; otherwise a working group
    if commercial and event is not None:
        issuer = commercial_issuer(event)
    elif kind in ("course",):
        issuer = course_provider(rng, region)
        level = "unknown"
    elif kind == "publication":
        level = rng.choice(["region", "republic"])
        issuer = region_issuer(rng, region, "centre") if level == "region" else republic_issuer(rng, issued, "academy")
    else:
        issuer = issuer_for(
            rng, level if level != "international" else "republic", region, issued, org_type, rng.randint(1, 90)
        )
    hours = rng.choice(COURSE_HOURS) if kind == "course" else None
    days = rng.randint(5, 25)
    return Facts(
        kind=kind,
        language=language,
        activity=activity,
        achiever=achiever,
        level=level,
        issued=issued,
        issuer=issuer,
        applicant=applicant,
        student=student,
        grade=grade,
        event=event,
        place=place,
        result=result,
        subject=rng.choice(SUBJECTS),
        hours=hours,
        programme=rng.choice(PROGRAMMES) if kind == "course" else rng.choice(SPEECH_TITLES),
        topic=rng.choice(TOPICS),
        job_ru=job[0],
        job_kk=job[1],
        start=issued - timedelta(days=days),
        number=number,
    )


def build_doc(rng: random.Random, facts: Facts, families: list[str]) -> Doc | None:
    chosen = choose(rng, facts, families)
    if chosen is None:
        return None
    writer = Writer(facts, rng)
    blocks = [b for b in chosen.build(writer) if b is not None and (b.text or b.rows)]
    truth = truth_of(facts, writer)
    name_text = None
    for b in blocks:  # the awardee's printed form, when it stands on a line of its own (what a paste covers)
        if b.role == "name":
            name_text = b.text
            break
    rim = facts.issuer.rim_kk if facts.language == "kk" or rng.random() < 0.6 else facts.issuer.rim_ru
    other = facts.issuer.kk if facts.language == "ru" else facts.issuer.ru
    doc = Doc(
        kind=facts.kind,
        family=chosen.family,
        wording=chosen.name,
        language=facts.language,
        blocks=blocks,
        truth=truth,
        date_text=writer.date_text,
        name_text=name_text,
        stamp_rim=rim or "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ",
        signatory=writer.signer,
        issuer_other=other,
        seed=rng.randrange(2**31),
    )
    return doc

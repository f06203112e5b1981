"""check_document on rendered scans: each flag raised with a reason where due, and not on clean documents."""

from __future__ import annotations

import random
from functools import cache

import pytest

from classifiers.normalize import fold
from models import Achiever, Activity, Category, DocType, EvidenceRecord, Flag, Level, Manifest, Result, Word
from pipeline.checks import check_document
from pipeline.checks.content import check_event
from pipeline.config import Settings
from tests.checks.helpers import reading_for, record_for, scanned_document
from tests.checks.render import Rendered, certificate, jpeg, paste_name, scan

APPLICANT = "Сейткали Айгерім Нұрланқызы"
MANIFEST = Manifest.model_validate(
    {
        "applicant": {"full_name": APPLICANT},
        "position": "teacher",
        "organization_type": "school",
        "claimed_category": "researcher",
        "period": {"from": "2020-09-01", "to": "2025-05-31"},
    }
)
STUDENT = {
    "achiever": Achiever.student,
    "activity": Activity.student_contest,
    "person_name": "Ахметова Динара Ерлановна",
    "supervisor_name": APPLICANT,
    "level": Level.region,
    "issued_on": "2024-03-15",
    "approved_list_id": "rep-olymp-math",
    "event_name": "республиканская олимпиада по математике",
}


@cache
def rendered(seal: str | None = "blue", signed: bool = True, seed: int = 7) -> Rendered:
    rng = random.Random(seed)
    img, words, names = certificate(rng, seal=seal, signed=signed)
    return Rendered(scan(img, rng), words, names)


def run(page: Rendered | None = None, manifest: Manifest | None = MANIFEST, conf: float = 91.0, meta=None, **fields):
    document = scanned_document([page or rendered()], conf=conf)
    record = record_for(document, **({"doc_type": DocType.diploma} | STUDENT | fields))
    check_document(document, record, manifest, reading_for(document, **(meta or {})), Settings())
    return record


def test_clean_stamped_signed_student_diploma_gets_no_flag() -> None:
    record = run()
    assert record.flags == [], record.flag_reasons
    assert record.text_hash and len(record.image_hashes) == 1


def test_supervisor_of_another_teacher_is_a_name_mismatch_with_reason() -> None:
    record = run(supervisor_name="Петрова Анна Сергеевна", page=rendered_other_supervisor())
    assert Flag.name_mismatch in record.flags
    assert "Петрова Анна Сергеевна" in record.flag_reasons["name_mismatch"]


@cache
def rendered_other_supervisor() -> Rendered:
    page = rendered()
    words = [w.model_copy() for w in page.words]
    for w in words:  # the supervisor's line names another teacher
        w.text = {"Сейткали": "Петрова", "Айгерім": "Анна", "Нұрланқызы": "Сергеевна"}.get(w.text, w.text)
    return Rendered(page.image, words, page.name_words)


def test_no_name_check_without_manifest_or_without_a_read_name() -> None:
    assert Flag.name_mismatch not in run(manifest=None, supervisor_name="Петрова Анна").flags
    assert Flag.name_mismatch not in run(supervisor_name=None).flags


def test_a_name_read_from_a_poorly_read_page_is_not_called_a_mismatch() -> None:
    # An upside-down scan OCR'd at confidence 31 gave the "name" 'ҺИНОЧӘЦО ИИГЕҢ' (corpus seed 903).
    record = run(supervisor_name="Петрова Анна Сергеевна", page=rendered_other_supervisor(), conf=40.0)
    assert Flag.low_ocr_confidence in record.flags and Flag.name_mismatch not in record.flags


@pytest.mark.parametrize(("issued", "flagged"), [("2019-05-20", True), ("2025-06-01", True), ("2021-01-10", False)])
def test_outside_period_quotes_date_and_period(issued: str, flagged: bool) -> None:
    record = run(issued_on=issued)
    assert (Flag.outside_period in record.flags) is flagged
    if flagged:
        assert "01.09.2020–31.05.2025" in record.flag_reasons["outside_period"]


def test_event_date_decides_when_no_issue_date() -> None:
    assert Flag.outside_period in run(issued_on=None, extra={"event_dates": ["2019-04-01"]}).flags
    assert Flag.outside_period not in run(issued_on=None, extra={"event_dates": ["2023-04-01"]}).flags
    assert Flag.outside_period not in run(issued_on=None).flags


def test_level_below_claimed_for_researcher() -> None:
    record = run(level=Level.district)
    assert Flag.level_below_claimed in record.flags and "2.1" in record.flag_reasons["level_below_claimed"]
    assert Flag.level_below_claimed not in run(level=Level.republic).flags
    expert = MANIFEST.model_copy(update={"claimed_category": Category.expert})
    assert Flag.level_below_claimed not in run(level=Level.district, manifest=expert).flags


def test_not_in_approved_list_only_for_contest_documents() -> None:
    record = run(approved_list_id=None)
    assert Flag.not_in_approved_list in record.flags
    course = run(approved_list_id=None, doc_type=DocType.course_certificate, activity=Activity.course, achiever=None)
    assert Flag.not_in_approved_list not in course.flags


def test_commercial_organizer_from_website_and_fee_wording() -> None:
    record = run(approved_list_id=None, extra={"organizer_url": "www.olimp-star.kz"})
    assert Flag.commercial_organizer in record.flags and "olimp-star.kz" in record.flag_reasons["commercial_organizer"]
    assert Flag.commercial_organizer not in run(approved_list_id=None, extra={"organizer_url": "daryn.kz"}).flags
    assert Flag.commercial_organizer not in run(approved_list_id=None).flags  # unlisted, but nothing commercial


def with_lines(*lines: str) -> Rendered:
    """The rendered page with these lines read at its foot (OCR's words, as a header or footer would add them)."""
    page = rendered()
    extra = [
        Word(text=token, left=200 + 120 * j, top=1800 + 40 * i, width=100, height=30, conf=90.0, line=20 + i)
        for i, line in enumerate(lines)
        for j, token in enumerate(line.split())
    ]
    return Rendered(page.image, [*page.words, *extra], page.name_words)


def test_commercial_organizer_from_a_private_company_and_a_misread_cue() -> None:
    """A paid "olympiad" as OCR reads it: its fee line and website garbled, "дистанционная" one letter off; a private
    company as organiser and the misread cue are two signs. Either alone is not: a private school holds its own
    contests, and an approved contest may run a distance stage."""
    both = run(approved_list_id=None, page=with_lines("ТОО «Олимп-Стар»", "Республиканская дустанционная олимпиада"))
    assert Flag.commercial_organizer in both.flags
    assert "private company" in both.flag_reasons["commercial_organizer"]
    assert "дустанционная" in both.flag_reasons["commercial_organizer"]
    school = run(approved_list_id=None, page=with_lines("ТОО «Частная школа Зерде»", "Школьная олимпиада"))
    assert Flag.commercial_organizer not in school.flags
    distance = run(approved_list_id=None, page=with_lines("Республиканская дустанционная олимпиада"))
    assert Flag.commercial_organizer not in distance.flags


def test_a_claim_of_international_misread_by_two_letters_is_still_a_claim() -> None:
    # Fresh seed 84213, a paid contest's letter as OCR read it (the website line garbled, no state body named).
    text = (
        "млмм.оИтр-р\\и$.К7 БЛАГОДАРСТВЕННОЕ ПИСЬМО педагогу-нас тавнчку Эбеновой Гулнар Мараткызы за подготовку "
        "призёра {} онлайн-конкурса «Зимнче узоры» — ученицы 5 класса Ивановой Морчч 22.09.2019 г. Коорочнатор"
    )

    def checked(claim: str) -> EvidenceRecord:
        record = EvidenceRecord(
            portfolio_id="p",
            source="a.pdf",
            pages=[1],
            doc_type=DocType.gratitude_letter,
            activity=Activity.student_contest,
            achiever=Achiever.student,
        )
        check_event(record, fold(text.format(claim)))
        return record

    assert "international" in checked("Межоунарооного").flag_reasons.get("commercial_organizer", "")
    assert Flag.commercial_organizer not in checked("межрегионального").flags  # online alone is no sign


def test_missing_stamp_and_signature_on_bare_scan() -> None:
    record = run(page=rendered(seal=None, signed=False, seed=8))
    assert {Flag.missing_stamp, Flag.missing_signature} <= set(record.flags)
    signed_only = run(page=rendered(seal=None, signed=True, seed=9))
    assert Flag.missing_stamp in signed_only.flags and Flag.missing_signature not in signed_only.flags


def test_no_seal_needed_on_letters_or_e_signed_scans() -> None:
    bare = rendered(seal=None, signed=False, seed=8)
    letter = run(page=bare, doc_type=DocType.gratitude_letter)
    assert Flag.missing_stamp not in letter.flags and Flag.missing_signature not in letter.flags
    page = [*bare.words, bare.words[-1].model_copy(update={"text": "ЭЦП", "line": 20})]
    e_signed = run(page=Rendered(bare.image, page, bare.name_words))
    assert Flag.missing_stamp not in e_signed.flags


def test_low_ocr_confidence_and_unreadable() -> None:
    record = run(conf=41.0)
    assert Flag.low_ocr_confidence in record.flags and "41" in record.flag_reasons["low_ocr_confidence"]
    assert Flag.unreadable not in record.flags
    page = rendered()
    noise = [w.model_copy(update={"text": "~#", "conf": 12.0}) for w in page.words[:30]]
    garbled = run(page=Rendered(page.image, noise, []), conf=12.0)
    assert Flag.unreadable in garbled.flags


def test_editor_metadata_and_late_modification_are_tampering_but_scanner_output_is_not() -> None:
    edited = run(meta={"Producer": "Adobe Photoshop 24.1 (Windows)"})
    assert Flag.possible_tampering in edited.flags and "Photoshop" in edited.flag_reasons["possible_tampering"]
    late = run(meta={"CreationDate": "D:20230301090000+06'00'", "ModDate": "D:20240611120000+06'00'"})
    assert Flag.possible_tampering in late.flags and "days after creation" in late.flag_reasons["possible_tampering"]
    for producer in ("Microsoft® Word 2019", "LibreOffice 7.6", "ABBYY FineReader 15", "CamScanner", "Adobe Scan"):
        assert Flag.possible_tampering not in run(meta={"Producer": producer}).flags, producer


def test_pasted_applicant_name_is_tampering() -> None:
    rng = random.Random(51)  # a scan with paper grain: the pasted patch is smooth (tests/checks/test_visual.py)
    img, words, names = certificate(rng, name="Ахметова Динара Ерлановна")
    image = scan(img, rng)
    pasted, new_words = paste_name(image, names, APPLICANT, rng)
    swapped = [w for w in words if w not in names] + new_words
    own = {"achiever": Achiever.applicant, "activity": Activity.professional_contest, "person_name": APPLICANT}
    record = run(page=Rendered(jpeg(pasted, 80), swapped, new_words), **own)
    assert Flag.possible_tampering in record.flags and "name area" in record.flag_reasons["possible_tampering"]
    clean = run(page=Rendered(image, words, names), **(own | {"person_name": "Ахметова Динара Ерлановна"}))
    assert Flag.possible_tampering not in clean.flags


def test_a_diploma_awarding_a_place_is_a_contest_award_whatever_ocr_made_of_the_contest_word() -> None:
    # Fresh seed 55555: a paid online contest's diploma, "байқау" read as "бойқау", its activity not read.
    text = (
        "РТА «Умник» білім порталы * млммигп-КопКчг$.ги ДИПЛОМ I орын Бекова Акбота 8 «А» сынып оқушысы "
        "«Ақылды мамонт» халықаралық онлайн-бойқау Жетекшісі: Волков АН. Қатысу жарнасы 1500 тг 5 томыз 2018 ж."
    )

    def checked(result: Result | None, kind: DocType = DocType.diploma) -> EvidenceRecord:
        record = EvidenceRecord(portfolio_id="p", source="a.pdf", pages=[1], doc_type=kind, result=result)
        check_event(record, fold(text))
        return record

    placed = checked(Result.winner)
    assert {Flag.not_in_approved_list, Flag.commercial_organizer} <= set(placed.flags), placed.flag_reasons
    # A participant's certificate of an event no contest word names (a seminar) is no contest award.
    assert not checked(Result.participant, DocType.certificate).flags
    assert not checked(Result.winner, DocType.course_certificate).flags

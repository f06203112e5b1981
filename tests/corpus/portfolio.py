"""One applicant's portfolio: position, organisation type, claimed category, period, 3–12 documents, defects.

Positions and categories from contract.md; certificate validity (head 3 years, deputy 5 years) and the activity
mix of each position from domain.md's rubric tables.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from tests.corpus import dates
from tests.corpus.content import KINDS, build_doc, make_facts
from tests.corpus.expected import required_rank
from tests.corpus.families import FAMILIES
from tests.corpus.model import Doc
from tests.corpus.names import APPLICANTS_KK, APPLICANTS_RU, Person, other_adult
from tests.corpus.places import Region, regions

CATEGORIES = {
    "teacher": ["moderator", "expert", "researcher", "master"],
    "methodist": ["moderator", "expert", "researcher", "master"],
    "deputy_head": ["third", "second", "first"],
    "head": ["third", "second", "first"],
}
ACTIVITIES = {
    "teacher": {
        "student_contest": 30,
        "professional_contest": 10,
        "speech": 12,
        "working_group": 8,
        "teaching_materials": 10,
        "course": 15,
        "publication": 5,
        None: 4,
    },
    "methodist": {
        "professional_contest": 10,
        "speech": 15,
        "working_group": 15,
        "teaching_materials": 15,
        "innovation_project": 10,
        "course": 20,
        "publication": 8,
        None: 3,
    },
    "deputy_head": {
        "student_contest": 15,
        "professional_contest": 8,
        "speech": 12,
        "working_group": 12,
        "teaching_materials": 10,
        "innovation_project": 10,
        "course": 20,
        "publication": 5,
    },
    "head": {
        "student_contest": 20,
        "teaching_materials": 10,
        "innovation_project": 15,
        "working_group": 15,
        "course": 25,
        "speech": 5,
        None: 5,
    },
}
JOBS = {
    "teacher": [
        ("учитель математики", "математика пәнінің мұғалімі"),
        ("учитель физики", "физика пәнінің мұғалімі"),
        ("учитель казахского языка и литературы", "қазақ тілі мен әдебиеті пәнінің мұғалімі"),
        ("учитель начальных классов", "бастауыш сынып мұғалімі"),
        ("учитель английского языка", "ағылшын тілі пәнінің мұғалімі"),
        ("учитель биологии", "биология пәнінің мұғалімі"),
    ],
    "methodist": [("методист методического кабинета", "әдістемелік кабинеттің әдіскері"), ("методист", "әдіскер")],
    "deputy_head": [
        ("заместитель директора по учебной работе", "директордың оқу ісі жөніндегі орынбасары"),
        ("заместитель директора по воспитательной работе", "директордың тәрбие ісі жөніндегі орынбасары"),
    ],
    "head": [("директор", "директор")],
}
ORG_JOBS = {
    "preschool": ("воспитатель", "тәрбиеші"),
    "tvet": ("преподаватель специальных дисциплин", "арнайы пәндер оқытушысы"),
    "additional": ("педагог дополнительного образования", "қосымша білім беру педагогі"),
    "special": ("учитель-дефектолог", "мұғалім-дефектолог"),
}
LEVELS = {1: "school", 2: "district", 3: "region", 4: "republic"}
# Defects by kind of document (issue 3, item 4), with weights; the reused scan is applied across portfolios later.
CONTENT_DEFECTS = {
    "unlisted_event": 9,
    "outside_period": 2,
    "wrong_person": 2,
    "no_stamp": 1.5,
    "no_signature": 1,
    "pasted_name": 3,
}
FILE_DEFECTS = {
    "unreadable_scan": 1,
    "encrypted_pdf": 0.5,
    "truncated_pdf": 0.5,
    "non_pdf": 1.5,
    "edited_pdf": 1,
    "poor_scan": 2,  # read with low confidence (issue 4's low_ocr_confidence needs positives to be measured)
}
_SEALED = {"diploma", "participation", "honor", "course", "protocol", "order", "speech"}
DEFECT_SHARE = 0.25  # some draws fall away (nothing to paste over, …); with the reused scans ≈ 25 % of documents
TODAY = date(2026, 6, 30)


@dataclass
class Item:
    doc: Doc
    defect: str | None
    fmt: str  # scan | photo_pdf | digital | jpeg | png | docx | severe | poor | encrypted | truncated
    turns: int = 0  # quarter turns of the scanned page
    bundle: int | None = None  # index of the multi-document PDF it is scanned into


@dataclass
class Portfolio:
    pid: str
    applicant: Person
    manifest: dict
    items: list[Item] = field(default_factory=list)


def _period(rng: random.Random, position: str) -> tuple[date, date]:
    years = 3 if position == "head" else 5
    end = dates.in_range(rng, date(2023, 5, 31), date(2025, 12, 31))
    start = end.replace(year=end.year - years, day=min(end.day, 28)) + timedelta(days=1 + max(0, end.day - 28))
    return start, end


def _level(rng: random.Random, position: str, category: str, activity: str | None) -> str:
    need = required_rank(position, category)
    rank = rng.choices([need, min(4, need + 1), max(1, need - 1), max(1, need - 2)], weights=[45, 30, 18, 7])[0]
    if activity == "student_contest" and rank == 4 and rng.random() < 0.15:
        return "international"
    return LEVELS[rank]


def _defect(rng: random.Random, kind: str) -> str | None:
    if rng.random() >= DEFECT_SHARE:
        return None
    pool = dict(CONTENT_DEFECTS | FILE_DEFECTS)
    if kind not in ("diploma", "participation", "honor", "gratitude"):
        pool.pop("unlisted_event")
    if kind not in _SEALED:
        pool.pop("no_stamp")
        pool.pop("no_signature")
    return rng.choices(list(pool), weights=list(pool.values()))[0]


def plan(rng: random.Random, pid: str, families: list[str], used: set[str], max_docs: int = 12) -> Portfolio:
    kk_applicant = rng.random() < 0.45
    pool = [p for p in (APPLICANTS_KK if kk_applicant else APPLICANTS_RU) if p.nominative() not in used]
    applicant = rng.choice(pool or (APPLICANTS_KK if kk_applicant else APPLICANTS_RU))
    used.add(applicant.nominative())
    position = rng.choices(["teacher", "methodist", "deputy_head", "head"], weights=[55, 15, 15, 15])[0]
    org_type = rng.choices(["school", "preschool", "tvet", "additional", "special"], weights=[60, 12, 12, 8, 8])[0]
    category = rng.choice(CATEGORIES[position])
    start, end = _period(rng, position)
    region: Region = rng.choice(regions())
    job = rng.choice(JOBS[position])
    if position == "teacher" and org_type in ORG_JOBS:
        job = ORG_JOBS[org_type]
    if position == "head" and org_type == "preschool":
        job = ("заведующий", "меңгеруші")
    manifest = {
        "applicant": {"full_name": applicant.nominative(), "iin": f"{rng.randint(10**11, 10**12 - 1)}"},
        "position": position,
        "organization_type": org_type,
        "claimed_category": category,
        "period": {"from": start.isoformat(), "to": end.isoformat()},
    }
    portfolio = Portfolio(pid, applicant, manifest)
    weights = ACTIVITIES[position]
    for _ in range(rng.randint(3, max(3, max_docs))):
        item = _item(rng, portfolio, families, weights, region, job, (start, end))
        if item is not None:
            portfolio.items.append(item)
    _assign_bundles(rng, portfolio)
    return portfolio


def _item(
    rng: random.Random,
    p: Portfolio,
    families: list[str],
    weights: dict,
    region: Region,
    job: tuple[str, str],
    period: tuple[date, date],
) -> Item | None:
    position, category = p.manifest["position"], p.manifest["claimed_category"]
    online_families = [f for f in families if FAMILIES[f].online]
    for _ in range(6):  # a family selection may lack a wording for some kinds: draw again
        activity = rng.choices(list(weights), weights=list(weights.values()))[0]
        kinds = KINDS[activity]
        kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        defect = _defect(rng, kind)
        language = "kk" if rng.random() < 0.4 else "ru"
        issued = dates.in_range(rng, *period)
        person = p.applicant
        commercial = unlisted = False
        if defect == "unlisted_event":
            commercial = bool(online_families) and kind != "honor" and rng.random() < 0.7
            unlisted = not commercial
            if kind == "gratitude" and not commercial:
                defect = None  # letters name state-run unlisted contests too rarely to be worth the ambiguity
                unlisted = False
            elif activity not in ("student_contest", "professional_contest"):
                activity = "student_contest"
        elif defect == "outside_period":
            after = period[1] + timedelta(days=rng.randint(20, 300))
            issued = after if after < TODAY and rng.random() < 0.3 else period[0] - timedelta(days=rng.randint(30, 700))
        elif defect == "wrong_person":
            person = other_adult(rng, p.applicant)
        level = _level(rng, position, category, activity)
        facts = make_facts(
            rng,
            kind,
            activity,
            level,
            issued,
            person,
            language,
            region,
            p.manifest["organization_type"],
            job,
            unlisted=unlisted,
            commercial=commercial,
        )
        doc = build_doc(rng, facts, families)
        if doc is None:
            continue
        if defect == "unlisted_event" and commercial:
            defect = "commercial_event"
        if defect == "pasted_name" and not doc.name_text:
            defect = None  # nothing printed on a line of its own to paste over
        fam = FAMILIES[doc.family]
        if defect == "edited_pdf" or (defect is None and rng.random() < fam.born_digital * 0.75):
            fmt = "digital"
        else:
            fmt = {
                "unreadable_scan": "severe",
                "poor_scan": "poor",
                "encrypted_pdf": "encrypted",
                "truncated_pdf": "truncated",
            }.get(defect or "", "scan")
        if defect == "non_pdf":
            fmt = rng.choices(["jpeg", "png", "docx"], weights=[45, 20, 35])[0]
        elif fmt == "scan" and rng.random() < 0.1:
            fmt = "photo_pdf"
        doc.stamped = defect != "no_stamp"
        doc.signed = defect != "no_signature"
        if defect:
            doc.defects.append(defect)
        turns = rng.choices([0, 1, 2, 3], weights=[88, 4, 5, 3])[0] if fmt in ("scan", "photo_pdf", "png") else 0
        return Item(doc, defect, fmt, turns)
    return None


def _assign_bundles(rng: random.Random, p: Portfolio) -> None:
    """2–4 scanned documents fed through the scanner together end up in one multi-document PDF."""
    scans = [i for i, it in enumerate(p.items) if it.fmt == "scan"]
    rng.shuffle(scans)
    bundle = 0
    while len(scans) >= 2 and rng.random() < 0.45:
        size = min(len(scans), rng.randint(2, 4))
        for index in scans[:size]:
            p.items[index].bundle = bundle
        scans = scans[size:]
        bundle += 1

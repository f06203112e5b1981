"""What a generated document is: its facts (the truth before wording), its printed blocks, and its truth record.

A wording turns Facts into Blocks through a Writer, which remembers the printed forms it handed out (date string,
name style, event phrase), so the truth says exactly what the page says.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from tests.corpus import dates
from tests.corpus.events import Event
from tests.corpus.names import SIGNATORIES, Person
from tests.corpus.places import Issuer

DOC_TYPES = {
    "diploma": "diploma",
    "participation": "certificate",
    "honor": "honor_certificate",
    "gratitude": "gratitude_letter",
    "course": "course_certificate",
    "protocol": "protocol_extract",
    "order": "order",
    "speech": "certificate",
    "publication": "publication",
}


@dataclass
class Block:
    """One printed paragraph. role: header | title | subtitle | text | name | small | item | meta | sign | table."""

    text: str
    role: str = "text"
    scale: float = 1.0
    rows: list[tuple[str, str]] | None = None


@dataclass
class Facts:
    kind: str
    language: str
    activity: str | None
    achiever: str | None
    level: str
    issued: date
    issuer: Issuer
    applicant: Person  # whom the document names as awardee/supervisor (another person for a wrong_person defect)
    student: Person | None = None
    grade: int | None = None
    event: Event | None = None
    place: int | None = None  # 1/2/3, 0 for Grand Prix
    result: str | None = None
    subject: tuple[str, str] = ("математике", "математикадан")
    hours: int | None = None
    programme: tuple[str, str] | None = None
    topic: tuple[str, str] | None = None
    job_ru: str = "учитель математики"
    job_kk: str = "математика пәнінің мұғалімі"
    start: date | None = None  # course or event start, for date ranges
    number: int = 1


class Writer:
    """Hands wordings the printed forms of the facts and records which it used."""

    def __init__(self, facts: Facts, rng: random.Random) -> None:
        self.f = facts
        self.rng = rng
        self.ru = facts.language == "ru"
        self.date_text: str | None = None
        self.person_style = "full"
        self.teacher_style = "full"
        self.event_text: str | None = None
        self.place_printed = False  # the truth's place is the printed one (contract: "1, 2 or 3 where printed")
        self.issuer_text = facts.issuer.name(facts.language)
        self.signer = rng.choice(SIGNATORIES)

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def date(self, *styles: str) -> str:
        self.date_text = dates.pick(self.rng, self.f.issued, self.f.language, list(styles) or None)
        return self.date_text

    def _style(self, person: Person, allowed: tuple[str, ...]) -> str:
        if person.patronymic is None:
            return "full"
        return self.rng.choice(allowed)

    def person(self, case: str = "nom", styles: tuple[str, ...] = ("full", "full", "full", "initials")) -> str:
        """The awardee: the student on a student's document, otherwise the applicant (or the wrong person)."""
        who = self.f.student if self.f.achiever == "student" and self.f.student else self.f.applicant
        self.person_style = self._style(who, styles)
        return who.ru(case, self.person_style) if self.ru else who.kk(case, self.person_style)

    def teacher(self, case: str = "nom", styles: tuple[str, ...] = ("full", "full", "initials")) -> str:
        self.teacher_style = self._style(self.f.applicant, styles)
        p = self.f.applicant
        return p.ru(case, self.teacher_style) if self.ru else p.kk(case, self.teacher_style)

    def event_name(self, text: str) -> str:
        self.event_text = text
        return text


@dataclass
class Doc:
    kind: str
    family: str
    wording: str
    language: str
    blocks: list[Block]
    truth: dict
    date_text: str | None
    name_text: str | None  # the printed awardee name (what a pasted patch covers)
    stamp_rim: str
    signatory: str
    defects: list[str] = field(default_factory=list)
    issuer_other: str = ""  # the issuer in the other language (bilingual letterheads)
    stamped: bool = True
    signed: bool = True
    seed: int = 0  # the rendering seed: pages are drawn in worker processes from it

    @property
    def lines(self) -> list[tuple[str, int]]:
        """(text, pt) pairs: the flat view DOCX and simple text layers use."""
        size = {"title": 36, "subtitle": 22, "name": 24, "header": 13, "small": 11, "sign": 13, "meta": 12}
        out = []
        for b in self.blocks:
            if b.rows:
                out.extend((f"{k}: {v}" if k else v, 12) for k, v in b.rows)
            else:
                out.append((b.text, int(size.get(b.role, 14) * b.scale)))
        return out

    def text(self) -> str:
        return "\n".join(t for t, _ in self.lines)


def base_truth() -> dict:
    return dict(
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


def truth_of(f: Facts, w: Writer) -> dict:
    truth = base_truth()
    student = f.achiever == "student" and f.student is not None
    awardee = f.student if student else f.applicant
    truth.update(
        doc_type=DOC_TYPES[f.kind],
        activity=f.activity,
        achiever=f.achiever,
        person_name=awardee.nominative(w.person_style) if awardee else None,
        supervisor_name=f.applicant.nominative(w.teacher_style) if student else None,
        event_name=w.event_text,
        approved_list_id=f.event.id if f.event else None,
        level=f.level,
        result=f.result,
        place=(f.place or None) if w.place_printed else None,
        issued_on=f.issued.isoformat(),
        issuer=w.issuer_text,
        hours=f.hours,
    )
    return truth

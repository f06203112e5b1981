"""A small fixed-wording entry point for tests that need one known document (tests/extractors/test_reader.py).

The corpus itself draws wordings from tests/corpus/wordings/ across template families; this module builds one
course certificate in the Өрлеу wording, so a test can assert on words it knows are printed.
"""

from __future__ import annotations

import random
from datetime import date

from tests.corpus.content import course_provider
from tests.corpus.model import Doc, Facts, Writer, truth_of
from tests.corpus.names import P
from tests.corpus.places import regions
from tests.corpus.wordings.courses import orleu_table

__all__ = ["Doc", "course_certificate", "date"]


def course_certificate(rng: random.Random, applicant: str, issued: date, kk: bool) -> Doc:
    female = applicant.split()[-1].endswith(("қызы", "кызы", "овна", "евна", "ична"))
    person = P(applicant, female)
    region = regions()[8]
    facts = Facts(
        kind="course",
        language="kk" if kk else "ru",
        activity="course",
        achiever="applicant",
        level="unknown",
        issued=issued,
        issuer=course_provider(rng, region),
        applicant=person,
        hours=72,
        programme=("Развитие функциональной грамотности учащихся", "Оқушылардың функционалдық сауаттылығын дамыту"),
        number=rng.randint(10, 999),
    )
    writer = Writer(facts, rng)
    blocks = [b for b in orleu_table(writer) if b is not None and (b.text or b.rows)]
    rim = facts.issuer.rim_kk
    return Doc(
        "course",
        "orleu_course",
        "orleu_course.orleu_table",
        facts.language,
        blocks,
        truth_of(facts, writer),
        writer.date_text,
        person.nominative(),
        rim,
        writer.signer,
        seed=rng.randrange(2**31),
    )

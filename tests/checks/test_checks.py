"""Checks with positive and negative cases on real rendered inputs."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pytest

from extractors.visual.phash import page_hash
from extractors.visual.stamps import find_stamp, is_colour
from models import EvidenceRecord, Flag
from pipeline.checks import DuplicateIndex, check_batch
from pipeline.checks.names import same_person
from pipeline.storage import LocalStorage
from tests.corpus import documents as D
from tests.corpus.render import render, scan


def page(stamp: bool, seed: int = 1) -> np.ndarray:
    doc = D.olympiad_diploma(random.Random(seed), "Ахметова Динара Ерлановна", date(2024, 3, 1), "region", False)
    image = scan(render(doc, random.Random(seed), stamp=stamp), random.Random(seed + 1)).convert("RGB")
    return np.array(image)[:, :, ::-1].copy()


def test_stamp_found_on_stamped_colour_pages_and_not_on_unstamped() -> None:
    stamped = [page(True, s) for s in range(5)]
    colour = [img for img in stamped if is_colour(img)]
    assert len(colour) >= 3  # most scans keep their colours; grayscale ones get no seal verdict at all
    assert all(find_stamp(img, 200) is not None for img in colour)
    assert all(find_stamp(page(False, s), 200) is None for s in range(5))


@pytest.mark.parametrize(
    ("printed", "same"),
    [
        ("Сейткали А.Н.", True),
        ("Сейткалиевой Айгерим", True),
        ("SEITKALI AIGERIM", True),
        ("Сейткали Айгерім Нұрланқызы", True),
        ("Петрова Анна Сергеевна", False),
        ("Жанузакова Салтанат", False),
    ],
)
def test_applicant_name_matching(printed: str, same: bool) -> None:
    assert same_person("Сейткали Айгерім Нұрланқызы", printed) is same


def test_inflected_russian_names_match() -> None:
    assert same_person("Иванова Мария Петровна", "Ивановой Марии Петровне")
    assert not same_person("Иванова Мария Петровна", "Иванов Пётр")


def record(pid: str, source: str, image: np.ndarray, text: str, sha: str) -> EvidenceRecord:
    return EvidenceRecord(
        portfolio_id=pid,
        source=source,
        pages=[1],
        file_sha256=sha,
        image_hashes=[page_hash(image)],
        text_excerpt=text,
        doc_id=f"{pid}-{source}",
    )


def test_reused_scan_is_a_duplicate_but_a_second_certificate_on_the_template_is_not(tmp_path: Path) -> None:
    original = page(True, 5)
    _, buf = cv2.imencode(".jpg", original, [cv2.IMWRITE_JPEG_QUALITY, 40])
    recompressed = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    other_student = page(True, 6)
    text = "ДИПЛОМ II степени награждается Иванова Мария за призовое место 01.03.2024"
    batch1 = [record("p1", "a.pdf", original, text, "a" * 64)]
    index = DuplicateIndex.load(LocalStorage(tmp_path), "index.jsonl")
    check_batch(batch1, index)
    index.save()
    assert Flag.duplicate not in batch1[0].flags
    later = [
        record("p2", "copy.pdf", recompressed, text + " ", "b" * 64),
        record("p3", "other.pdf", other_student, "ДИПЛОМ III степени награждается Ким Артём 15.04.2024", "c" * 64),
    ]
    check_batch(later, DuplicateIndex.load(LocalStorage(tmp_path), "index.jsonl"))
    assert Flag.duplicate not in later[1].flags
    assert Flag.duplicate in later[0].flags and "p1/a.pdf" in later[0].flag_reasons["duplicate"]  # from the index
    same_file = record("p4", "same.pdf", original, text, "a" * 64)
    check_batch([same_file], DuplicateIndex.load(LocalStorage(tmp_path), "index.jsonl"))
    assert "earlier batch" in same_file.flag_reasons["duplicate"]
    text_copy = [record("p5", "x.pdf", original, text, "d" * 64), record("p6", "y.pdf", recompressed, text, "e" * 64)]
    check_batch(text_copy)
    assert all(Flag.duplicate in r.flags for r in text_copy)

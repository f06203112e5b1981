"""Duplicates across the batch and against earlier batches: same file, same scan, same text."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache

import yaml
from rapidfuzz import fuzz

from classifiers.normalize import fold
from extractors.visual.phash import distance
from models import EvidenceRecord, Flag
from pipeline.config import DATA_DIR
from pipeline.storage import Storage


@cache
def _rules() -> dict:
    return yaml.safe_load((DATA_DIR / "checks" / "thresholds.yaml").read_text(encoding="utf-8"))["duplicate"]


def text_hash(text: str) -> str | None:
    """Hash of the text with case, spacing, punctuation and OCR look-alikes folded; None for too little text."""
    letters = re.sub(r"[^a-zа-я0-9]", "", fold(text))
    if len(letters) < _rules()["min_text_chars"]:
        return None
    return hashlib.sha256(letters.encode()).hexdigest()[:32]


@dataclass
class IndexEntry:
    """Only hashes and where they came from: no names, no IINs."""

    portfolio_id: str
    source: str
    pages: list[int]
    file_sha256: str | None
    text_hash: str | None
    image_hashes: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.portfolio_id}/{self.source} p.{self.pages[0]}"


@dataclass
class DuplicateIndex:
    entries: list[IndexEntry]
    storage: Storage | None = None
    key: str | None = None

    @classmethod
    def load(cls, storage: Storage, key: str) -> DuplicateIndex:
        entries = []
        if storage.exists(key):
            for line in storage.read_bytes(key).decode("utf-8").splitlines():
                if line.strip():
                    entries.append(IndexEntry(**json.loads(line)))
        return cls(entries, storage, key)

    def save(self) -> None:
        if self.storage is not None and self.key is not None:
            body = "".join(json.dumps(asdict(e)) + "\n" for e in self.entries)
            self.storage.write_bytes(self.key, body.encode("utf-8"))


def _entry(record: EvidenceRecord) -> IndexEntry:
    return IndexEntry(
        record.portfolio_id, record.source, record.pages, record.file_sha256, record.text_hash, record.image_hashes
    )


def _same(a: IndexEntry, b: IndexEntry) -> str | None:
    if a.file_sha256 and a.file_sha256 == b.file_sha256 and a.pages == b.pages:
        return "the same file"
    if a.text_hash and a.text_hash == b.text_hash:
        return "the same text"
    limit = _rules()["phash_max_distance"]
    if a.image_hashes and b.image_hashes and a.text_hash is None and b.text_hash is None:
        # A scan with too little text: the image alone decides (perceptual hashes cannot tell two certificates
        # printed on one template apart, so with text we require the text to agree, above).
        if distance(a.image_hashes[0], b.image_hashes[0]) <= limit:
            return "the same scan"
    return None


def _same_scan_in_batch(a: EvidenceRecord, b: EvidenceRecord) -> bool:
    """Re-compressed or re-scanned copies: close page hashes AND nearly the same text (OCR varies a little)."""
    if not (a.image_hashes and b.image_hashes and a.text_excerpt and b.text_excerpt):
        return False
    if distance(a.image_hashes[0], b.image_hashes[0]) > _rules()["phash_max_distance"]:
        return False
    # Two certificates printed on one template differ in names, dates and numbers; a re-scan does not — though
    # OCR may lose a number on one copy, so one copy's numbers need only be contained in the other's.
    na, nb = Counter(re.findall(r"\d+", a.text_excerpt)), Counter(re.findall(r"\d+", b.text_excerpt))
    if not (na and nb and (na <= nb or nb <= na)):
        return False
    return fuzz.ratio(fold(a.text_excerpt), fold(b.text_excerpt)) >= _rules()["text_min_similarity"]


def check_batch(records: list[EvidenceRecord], index: DuplicateIndex | None = None) -> None:
    entries = [(_entry(r), r) for r in records if r.error is None]
    for i, (_, record) in enumerate(entries):
        for j, (other_entry, other) in enumerate(entries):
            if i != j and (other.portfolio_id, other.source) != (record.portfolio_id, record.source):
                if _same_scan_in_batch(record, other):
                    record.add_flag(Flag.duplicate, f"the same scan as {other_entry.where} (in this batch)")
                    break
    earlier = index.entries if index else []
    batch_keys = {(e.portfolio_id, e.source) for e, _ in entries}
    for i, (entry, record) in enumerate(entries):
        others = [(o, "in this batch") for j, (o, _) in enumerate(entries) if j != i]
        others += [(o, "in an earlier batch") for o in earlier if (o.portfolio_id, o.source) not in batch_keys]
        for other, when in others:
            if other.portfolio_id == entry.portfolio_id and other.source == entry.source:
                continue
            how = _same(entry, other)
            if how:
                record.add_flag(Flag.duplicate, f"{how} as {other.where} ({when})")
                break
    if index is not None:
        index.entries = [e for e in index.entries if (e.portfolio_id, e.source) not in batch_keys]
        index.entries.extend(e for e, _ in entries)

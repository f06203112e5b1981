"""Duplicates across the batch and against earlier batches: same file, same scan, same text."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import cache

import yaml

from classifiers.normalize import fold
from extractors.visual.phash import MAX_BANDED_DISTANCE, bands, distance
from models import DocType, EvidenceRecord, Flag
from pipeline.checks.nearcopy import masked_hash, mention, mentions, name_digest, name_hash, name_swapped, same_seal
from pipeline.checks.textsig import minhash, resemblance, similarity, sketch
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
    minhash: list[int] = field(default_factory=list)  # word-pair MinHash of the whole text (pipeline.checks.textsig)
    masked_hash: str | None = None  # text without the key name (pipeline.checks.nearcopy)
    name_hash: str | None = None  # salted hash of the key name's surname and initial
    person_hash: str | None = None  # the same for the awardee: two awardees, two documents
    seal: list[float] | None = None  # page, x, y, diameter of the seal, page-relative
    facts: dict[str, str] = field(default_factory=dict)  # salted digests of what it states: type, date, hours, place
    shingles: list[int] = field(default_factory=list)  # smallest salted hashes of its letter shingles (textsig.sketch)
    person: str | None = None  # short digest of the awardee's surname stem and initial (nearcopy.mention) …
    mentions: list[str] = field(default_factory=list)  # … and of every name the text prints

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
            known = set(IndexEntry.__dataclass_fields__)
            for line in storage.read_bytes(key).decode("utf-8").splitlines():
                if line.strip():  # entries written by an older version may lack or carry other fields
                    entries.append(IndexEntry(**{k: v for k, v in json.loads(line).items() if k in known}))
        return cls(entries, storage, key)

    def save(self) -> None:
        if self.storage is not None and self.key is not None:
            body = "".join(json.dumps(asdict(e)) + "\n" for e in self.entries)
            self.storage.write_bytes(self.key, body.encode("utf-8"))


_SALT = b"portfolio-screen/duplicates/v1"


def _facts(record: EvidenceRecord) -> dict[str, str]:
    # "other" is a type not read, not a type stated: a re-scan whose title OCR garbled is still the same document
    # (seed 915: a protocol extract and its re-scan read as "other").
    kind = record.doc_type.value if record.doc_type is not DocType.other else None
    stated = {"doc_type": kind, "issued_on": record.issued_on, "hours": record.hours}
    stated["place"] = record.place
    return {k: hashlib.sha256(_SALT + f"{k}={v}".encode()).hexdigest()[:16] for k, v in stated.items() if v is not None}


def _entry(record: EvidenceRecord) -> IndexEntry:
    return IndexEntry(
        record.portfolio_id,
        record.source,
        record.pages,
        record.file_sha256,
        record.text_hash,
        record.image_hashes,
        record.text_minhash or minhash(record.text_excerpt or ""),
        masked_hash(record),
        name_hash(record),
        name_digest(record.person_name),
        record.extra.get("seal"),  # type: ignore[arg-type]
        _facts(record),
        record.text_shingles or sketch(record.text_excerpt or ""),
        mention(record.person_name),
        record.text_mentions or mentions(record.text_excerpt or ""),
    )


def _other_awardee(a: IndexEntry, b: IndexEntry) -> bool:
    """Whether the two name different awardees. An order or a protocol lists several people, and which of them its
    record is about follows the applicant of the portfolio it was filed in (fresh seed 97531: one protocol's re-scan
    read as about 'Жанузакова С.Б.', its original as about 'Петренко О.В.', both printing both): two awardees each
    printed on the other document are not two documents."""
    if not (a.person_hash and b.person_hash) or a.person_hash == b.person_hash:
        return False
    return not (a.person and b.person and a.person in b.mentions and b.person in a.mentions)


def _has_text(entry: IndexEntry) -> bool:
    return bool(entry.shingles or entry.minhash)


def _shared(a: IndexEntry, b: IndexEntry) -> float | None:
    """The share of text two documents have in common (letter shingles; word pairs for an older index's entries);
    None when either has too little text to say."""
    if a.shingles and b.shingles:
        return resemblance(a.shingles, b.shingles)
    if a.minhash and b.minhash:  # an entry of an index written before sketches: estimated
        return similarity(a.minhash, b.minhash)
    return None


def _same(a: IndexEntry, b: IndexEntry) -> str | None:
    """Whether two documents are one: the same file, the same text, or the same scan saved or scanned again.

    Perceptual hashes cannot tell two certificates printed on one template apart, so a same-scan verdict also
    needs the same awardee, nothing stated differently (another date, other hours, another place is another
    certificate) and a text that mostly agrees (OCR of a re-scan changes a few words, not most of them).
    """
    if a.file_sha256 and a.file_sha256 == b.file_sha256 and a.pages == b.pages:
        return "the same file"
    if a.text_hash and a.text_hash == b.text_hash:
        return "the same text"
    if _other_awardee(a, b):
        return None
    if not (a.image_hashes and b.image_hashes):
        return None
    rules = _rules()
    apart = distance(a.image_hashes[0], b.image_hashes[0])
    if apart > rules["phash_max_distance"]:
        return None
    shared = _shared(a, b)
    if shared is None:
        # No text to compare. A page with text and one without are not one document told by pixels alone: held-out
        # seed 914202's unreadable scans sat within 8 bits of four documents of other templates, and within 2 of a
        # legible one of their own template. Two unreadable pages are one scan only when near-identical.
        textless = not (_has_text(a) or _has_text(b))
        return "the same scan" if textless and apart <= rules["phash_textless_max_distance"] else None
    differ = {k for k in a.facts.keys() & b.facts.keys() if a.facts[k] != b.facts[k]}
    # OCR may misread one figure of a re-scan (36 hours read as 56) while its text still agrees almost entirely; a
    # type read from another title is another document however alike the pages (one template, two kinds of paper).
    misread = len(differ) == 1 and "doc_type" not in differ and shared >= rules["shared_one_misread"]
    if shared >= rules["shared_min"] and (not differ or misread):
        return "the same scan"
    return None


class Candidates:
    """For each document, the others that can be its duplicate, without comparing every pair.

    A region's batch holds tens of thousands of documents; comparing each with each (and each pair's names) took
    14 s for 260 born-digital documents. Every verdict of `_same` and `name_swapped` needs the same file, the same
    text, or page hashes within `phash_max_distance` bits, and hashes that close share a band
    (extractors.visual.phash.bands): so only documents sharing a file hash, a text hash or a band are compared.
    """

    def __init__(self, entries: list[IndexEntry]) -> None:
        if _rules()["phash_max_distance"] > MAX_BANDED_DISTANCE:
            raise ValueError(f"phash_max_distance above {MAX_BANDED_DISTANCE} needs more hash bands")
        self._keys: list[list[tuple]] = []
        self._buckets: dict[tuple, list[int]] = {}
        for position, entry in enumerate(entries):
            keys: list[tuple] = [("file", entry.file_sha256, tuple(entry.pages))] if entry.file_sha256 else []
            keys += [("text", entry.text_hash)] if entry.text_hash else []
            keys += [("band", *band) for band in bands(entry.image_hashes[0])] if entry.image_hashes else []
            self._keys.append(keys)
            for key in keys:
                self._buckets.setdefault(key, []).append(position)

    def of(self, position: int) -> list[int]:
        """Positions of the candidates, in the order the entries were given (this batch first, then earlier)."""
        found = {other for key in self._keys[position] for other in self._buckets[key]}
        found.discard(position)
        return sorted(found)


def check_batch(records: list[EvidenceRecord], index: DuplicateIndex | None = None) -> None:
    entries = [(_entry(r), r) for r in records if r.error is None]
    batch_keys = {(e.portfolio_id, e.source) for e, _ in entries}
    earlier = [o for o in (index.entries if index else []) if (o.portfolio_id, o.source) not in batch_keys]
    pool = [e for e, _ in entries] + earlier
    near = Candidates(pool)
    for i, (entry, record) in enumerate(entries):
        for j in near.of(i):
            other = pool[j]
            if other.portfolio_id == entry.portfolio_id and other.source == entry.source:
                continue
            how = _same(entry, other)
            if how:
                when = "in this batch" if j < len(entries) else "in an earlier batch"
                record.add_flag(Flag.duplicate, f"{how} as {other.where} ({when})")
                break
    _check_name_swaps(entries, earlier, near)
    if index is not None:
        index.entries = earlier + [e for e, _ in entries]


def _check_name_swaps(
    entries: list[tuple[IndexEntry, EvidenceRecord]], earlier: list[IndexEntry], near: Candidates
) -> None:
    """possible_tampering: the same document with another applicant's name, in this batch or an earlier one."""
    earlier_by_text: dict[str, list[IndexEntry]] = {}
    for old in earlier:
        if old.masked_hash:
            earlier_by_text.setdefault(old.masked_hash, []).append(old)
    for i, (entry, record) in enumerate(entries):
        for j in near.of(i):
            if j >= len(entries):
                break  # earlier batches keep hashes only: compared below
            other_entry, other = entries[j]
            if (other.portfolio_id, other.source) != (record.portfolio_id, record.source) and name_swapped(
                record, other
            ):
                reason = f"the same document as {other_entry.where} (in this batch) with another name"
                record.add_flag(Flag.possible_tampering, reason)
                break
        if not entry.masked_hash or not entry.name_hash:
            continue
        for old in earlier_by_text.get(entry.masked_hash, []):
            if old.name_hash and old.name_hash != entry.name_hash and same_seal(old.seal, entry.seal):
                record.add_flag(
                    Flag.possible_tampering, f"the same document as {old.where} (in an earlier batch) with another name"
                )
                break

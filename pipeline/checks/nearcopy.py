"""Near-copies that differ only in the name: one document re-issued to another person by editing (tampering).

The name that matters is the applicant's: the awardee of their own document, the supervisor on a student's.
The rest of the text — the student's name included — must agree; then the two are one document with the
name swapped. Only hashes reach the index: of the text with the name removed, and of the name itself.
"""

from __future__ import annotations

import hashlib
import re

from rapidfuzz import fuzz

from classifiers.normalize import fold
from classifiers.people import same_person, same_word, tokens
from extractors.visual.phash import distance
from models import Achiever, EvidenceRecord
from pipeline.checks.rules import threshold

_SALT = b"portfolio-screen/nearcopy/v1"


def key_name(record: EvidenceRecord) -> str | None:
    return record.supervisor_name if record.achiever is Achiever.student else record.person_name


def masked_text(record: EvidenceRecord) -> str | None:
    """The record's text with its key name's words removed (any case form, initials too), folded."""
    name = key_name(record)
    if not name or not record.text_excerpt:
        return None
    parts = tokens(name)
    found = [w if w.isdigit() else "".join(tokens(w)) for w in re.findall(r"[a-zа-я0-9]+", fold(record.text_excerpt))]
    named = [len(w) > 2 and any(len(p) > 1 and same_word(p, w) for p in parts) for w in found]
    kept = []
    for i, word in enumerate(found):
        # Initials count as the name only beside its surname ("Иванова М.П."), not as a preposition elsewhere.
        beside = any(named[j] for j in range(max(0, i - 2), min(len(found), i + 3)))
        if named[i] or (len(word) == 1 and beside and any(p[0] == word for p in parts)):
            continue
        kept.append(word)
    text = " ".join(kept)
    return text if len(text) >= threshold("duplicate")["min_text_chars"] else None


def _digest(text: str) -> str:
    return hashlib.sha256(_SALT + text.encode()).hexdigest()[:32]


def masked_hash(record: EvidenceRecord) -> str | None:
    text = masked_text(record)
    return _digest(text) if text else None


def name_digest(name: str | None) -> str | None:
    """A salted hash of a name's surname stem and first initial: equal for one person, no name stored."""
    parts = tokens(name or "")
    if not parts:
        return None
    return _digest(parts[0][: max(3, len(parts[0]) - 3)] + (parts[1][0] if len(parts) > 1 else ""))


MENTION_STEM = 5  # letters of a surname kept: its case forms agree this far ("Жанузакова"/"Жанузаковой")


def _mention(surname: str, initial: str) -> str:
    word, first = "".join(tokens(surname)), "".join(tokens(initial))[:1]
    return hashlib.sha256(_SALT + f"{word[:MENTION_STEM]} {first}".encode()).hexdigest()[:8]


def mention(name: str | None) -> str | None:
    """A short salted digest of a name's surname stem and first initial, as `mentions` gives for a text."""
    words = re.findall(r"[^\W\d_]+", name or "")
    return _mention(words[0], words[1]) if len(words) >= 2 and len(words[0]) >= 3 else None


def mentions(text: str) -> list[str]:
    """Digests of the people a text names: each word in title case beside an initial or another title-case word
    (either order: "Петренко О.В.", "О.В. Петренко", "Петренко Ольга"). A protocol or an order lists several
    people; whom its record is about depends on the portfolio it was filed in (classifiers.fields). Capitals-only
    words (headers) are left out; other capitalised pairs ("Республики Казахстан") cost a digest, nothing more."""
    words = re.findall(r"[^\W\d_]+", text)
    found = set()
    for i, word in enumerate(words):
        if len(word) < 3 or not word[0].isupper() or word.isupper():
            continue
        for other in words[max(0, i - 2) : i] + words[i + 1 : i + 3]:
            if other[0].isupper() and (len(other) == 1 or not other.isupper()):
                found.add(_mention(word, other))
    return sorted(found)


def name_hash(record: EvidenceRecord) -> str | None:
    return name_digest(key_name(record))


def same_seal(a: list | None, b: list | None) -> bool:
    """Two seals stamped by hand never land on the same spot; one scan edited twice keeps it to the pixel."""
    if not a or not b or a[0] != b[0]:
        return False
    tolerance = threshold("near_copy_seal_tolerance")
    return all(abs(float(x) - float(y)) <= tolerance for x, y in zip(a[1:], b[1:], strict=True))


def name_swapped(a: EvidenceRecord, b: EvidenceRecord) -> bool:
    """a and b are one scan whose key name differs: close page images, the seal on the same spot, the same text.

    Documents generated per person from one template (protocol extracts, letters) share everything but the
    name too; what they do not share is the hand-placed seal of one scan, so without seals there is no verdict.
    """
    # The cheap comparisons first: most pairs part at the seal or the page hash, before any name is read.
    if not same_seal(a.extra.get("seal"), b.extra.get("seal")):  # type: ignore[arg-type]
        return False
    if not (a.image_hashes and b.image_hashes):
        return False
    if distance(a.image_hashes[0], b.image_hashes[0]) > threshold("near_copy_max_phash"):
        return False
    na, nb = key_name(a), key_name(b)
    if not na or not nb or same_person(na, nb) or same_person(nb, na):
        return False
    if fuzz.ratio(fold(na), fold(nb)) >= threshold("near_copy_same_name_ratio"):
        return False  # one name, read with a letter more or less
    ta, tb = masked_text(a), masked_text(b)
    return bool(ta and tb) and fuzz.ratio(ta, tb) >= threshold("near_copy_min_similarity")

"""Text signatures the duplicate index can keep: no words, only salted hashes (names and IINs never stored).

A MinHash of word pairs estimates how much two texts share (OCR of a re-compressed copy changes a few words,
another certificate on the same template changes names, dates and numbers); hashed numbers tell a re-scan
(its numbers are a subset of the original's, OCR loses some) from another certificate.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter

from classifiers.normalize import fold

_SALT = b"portfolio-screen/textsig/v1"
_PERMUTATIONS = 48
_MERSENNE = (1 << 61) - 1
_A = [int.from_bytes(hashlib.sha256(_SALT + bytes([i, 1])).digest()[:8], "big") | 1 for i in range(_PERMUTATIONS)]
_B = [int.from_bytes(hashlib.sha256(_SALT + bytes([i, 2])).digest()[:8], "big") for i in range(_PERMUTATIONS)]


def _h(token: str) -> int:
    return int.from_bytes(hashlib.sha256(_SALT + token.encode()).digest()[:8], "big")


def minhash(text: str) -> list[int]:
    words = re.findall(r"[a-zа-я]{2,}", fold(text))
    pairs = {_h(f"{a} {b}") for a, b in itertools.pairwise(words)}
    if len(pairs) < 8:
        return []
    return [min((a * p + b) % _MERSENNE for p in pairs) for a, b in zip(_A, _B, strict=True)]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' word pairs."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def number_hashes(text: str) -> list[str]:
    # 12-digit numbers are IINs: left out entirely, not even hashed.
    return sorted(hashlib.sha256(_SALT + n.encode()).hexdigest()[:12] for n in re.findall(r"\d+", text) if len(n) != 12)


def numbers_nested(a: list[str], b: list[str]) -> bool:
    """One text's numbers are contained in the other's (a re-scan may lose a number to OCR, never gain one)."""
    ca, cb = Counter(a), Counter(b)
    return bool(ca and cb) and (ca <= cb or cb <= ca)

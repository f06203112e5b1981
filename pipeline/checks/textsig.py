"""Text signatures the duplicate index can keep: no words, only salted hashes (names and IINs never stored).

A MinHash of word pairs estimates how much two texts share: OCR of a re-compressed copy changes a few words,
another document changes most of them.
"""

from __future__ import annotations

import hashlib
import itertools
import re

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

"""Text signatures the duplicate index can keep: no words, only salted hashes (names and IINs never stored).

Two signatures of a text's word pairs estimate how much two texts share: OCR of a re-scanned copy changes a few
words, another document changes most of them.

- `sketch`, the one compared: the smallest `SKETCH_SIZE` salted hashes of the pairs of real words. A certificate
  has 20–70 such pairs (seed 60613: median 34, largest 67), so for one page the sketch is the whole set and
  `resemblance` is the exact share, not an estimate; longer documents are sampled (bottom-k estimate).
- `minhash`, kept for index entries written before the sketch existed: 48 permutations estimate a share of 30–70
  pairs within ± 0.07 (one standard deviation), which put a re-scan sharing 0.45 of its pairs at 0.35.
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
MIN_PAIRS = 8  # fewer word pairs than this is too little text to compare
SKETCH_SIZE = 96
# A real word after folding: three letters or more with a vowel. A stamp or a signature read as text gives
# 'чм', 'ғы', 'ж' — on one copy and not the other — and would count as difference.
_REAL_WORD = re.compile(r"[a-zа-я]{3,}")
_VOWEL = re.compile(r"[аеиоуыэюяaeiouy]")


def _h(token: str) -> int:
    return int.from_bytes(hashlib.sha256(_SALT + token.encode()).digest()[:8], "big")


def minhash(text: str) -> list[int]:
    words = re.findall(r"[a-zа-я]{2,}", fold(text))
    pairs = {_h(f"{a} {b}") for a, b in itertools.pairwise(words)}
    if len(pairs) < MIN_PAIRS:
        return []
    return [min((a * p + b) % _MERSENNE for p in pairs) for a, b in zip(_A, _B, strict=True)]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' word pairs (MinHash signatures)."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def sketch(text: str) -> list[int]:
    """The smallest SKETCH_SIZE 32-bit salted hashes of the text's pairs of consecutive real words, ascending."""
    words = [w for w in _REAL_WORD.findall(fold(text)) if _VOWEL.search(w)]
    pairs = {_h(f"{a} {b}") >> 32 for a, b in itertools.pairwise(words)}
    if len(pairs) < MIN_PAIRS:
        return []
    return sorted(pairs)[:SKETCH_SIZE]


def resemblance(a: list[int], b: list[int]) -> float:
    """Jaccard similarity of the two texts' word pairs: exact when both sketches hold whole sets, else the bottom-k
    estimate (of the smallest k hashes of the union, the share found in both)."""
    if not a or not b:
        return 0.0
    ours, theirs = set(a), set(b)
    union = sorted(ours | theirs)
    if SKETCH_SIZE in (len(a), len(b)):  # a sampled set: only the union's smallest k hashes are known
        union = union[:SKETCH_SIZE]
    return sum(h in ours and h in theirs for h in union) / len(union)

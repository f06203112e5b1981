"""Text signatures the duplicate index can keep: no words, only salted hashes (names and IINs never stored).

How much two texts share tells a re-scan (OCR changes a few letters) from another document (most of its text
differs; two documents of one template are told apart by the awardee and the stated facts, not by this).

- `sketch`, the one compared: the smallest `SKETCH_SIZE` salted hashes of the text's five-letter shingles, taken
  over its letters and figures with spaces and punctuation dropped. OCR of a re-scan breaks words and lines
  differently ("дирек / тордың" for "директордың", a page read in two columns): word pairs change, letter runs do
  not. Fresh seeds and the benchmark corpus (10 batches): re-scans share 0.54–1.00 of their shingles, pages of
  one template with the same or no awardee and nothing stated differently at most 0.40; by word pairs the same
  were 0.39–1.00 and 0.35 (data/checks/thresholds.yaml). `resemblance` estimates the share from the two
  sketches (bottom-k: ± 0.03 at 0.5).
- `minhash`, kept for index entries written before the sketch existed: 48 permutations over word pairs.
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
MIN_PAIRS = 8  # fewer word pairs than this is too little text to compare (minhash)
SKETCH_SIZE = 256
SHINGLE = 5
MIN_LETTERS = 60  # fewer letters and figures than this is too little text to compare (sketch)


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
    """The smallest SKETCH_SIZE 32-bit salted hashes of the text's five-letter shingles, ascending."""
    letters = re.sub(r"[^a-zа-я0-9]", "", fold(text))
    if len(letters) < MIN_LETTERS:
        return []
    shingles = {_h(letters[i : i + SHINGLE]) >> 32 for i in range(len(letters) - SHINGLE + 1)}
    return sorted(shingles)[:SKETCH_SIZE]


def resemblance(a: list[int], b: list[int]) -> float:
    """Jaccard similarity of the two texts' shingles: exact when both sketches hold whole sets, else the bottom-k
    estimate (of the smallest k hashes of the union, the share found in both)."""
    if not a or not b:
        return 0.0
    ours, theirs = set(a), set(b)
    union = sorted(ours | theirs)
    if SKETCH_SIZE in (len(a), len(b)):  # a sampled set: only the union's smallest k hashes are known
        union = union[:SKETCH_SIZE]
    return sum(h in ours and h in theirs for h in union) / len(union)

"""The corpus renders Kazakh letters in every font it uses (issue 3: "Kazakh letters render correctly")."""

from __future__ import annotations

import subprocess

import pytest

from tests.corpus.render import BOLDS, FONTS


@pytest.mark.parametrize("path", [*FONTS, *BOLDS])
def test_font_covers_kazakh_letters(path: str) -> None:
    charset = subprocess.run(
        ["fc-query", "--format=%{charset}", path], capture_output=True, text=True, check=True
    ).stdout
    ranges = []
    for part in charset.split():
        lo, _, hi = part.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    for letter in "ӘҒҚҢӨҰҮҺІәғқңөұүһі":
        assert any(lo <= ord(letter) <= hi for lo, hi in ranges), f"{path} lacks {letter}"

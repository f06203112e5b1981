"""Every file of OCRmyPDF's odd and broken corpus yields a reading, never an exception (brief: peer corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_file
from models import Flag
from pipeline.config import Settings

PEER = Path(__file__).resolve().parents[3] / "shared" / "peer-corpus" / "ocrmypdf"
FILES = sorted(PEER.iterdir()) if PEER.is_dir() else []
# One page at a lower dpi per file keeps this under a minute; the full pipeline reads all pages.
FAST = Settings(max_pages=1, dpi=100, keep_page_images=False)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not FILES, reason="shared/peer-corpus not beside the repo")]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_peer_file_yields_a_reading(path: Path) -> None:
    reading = read_file(path.read_bytes(), path.name, FAST)
    assert reading.pages or reading.error
    if path.name == "invalid.pdf":
        assert Flag.unreadable in reading.flags
    if path.suffix in (".png", ".jpg", ".odt", ".rst"):
        assert Flag.not_pdf in reading.flags

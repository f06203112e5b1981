"""What readers produce: pages with text, word boxes and, for scans, the image kept for visual checks."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from models.enums import FileKind, Flag, TextSource


class Word(BaseModel):
    text: str
    # Box in page pixels of the image the text came from (or PDF points scaled to 72 dpi for text layers).
    left: float
    top: float
    width: float
    height: float
    conf: float | None = None  # Tesseract word confidence 0..100; None for a text layer
    line: int = 0  # line number within the page, for line-based rules
    font: str | None = None  # font name (text layer) — used by tampering checks
    size: float | None = None  # font size in points (text layer)


class Page(BaseModel):
    """One page of a source file, read by the text layer or by OCR."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    number: int  # 1-based page number in the source file
    text: str = ""
    words: list[Word] = Field(default_factory=list)
    text_source: TextSource = TextSource.text_layer
    ocr_confidence: float | None = None  # mean word confidence 0..100 when OCR was used
    language: str | None = None  # tesseract language string actually used, e.g. "rus", "kaz", "rus+kaz"
    width: int | None = None  # pixels of `image` (or points for text-layer-only pages)
    height: int | None = None
    dpi: int | None = None
    rotation: int = 0  # degrees the page was turned to read upright (0, 90, 180, 270)
    skew: float = 0.0  # degrees of deskew applied
    flags: list[Flag] = Field(default_factory=list)
    error: str | None = None  # why this page could not be read, for the error record
    # The page's colour raster (BGR uint8 numpy array), kept for stamp/signature/duplicate checks.
    # Never serialised; dropped once the document's visual checks have run.
    image: Any = Field(default=None, exclude=True, repr=False)
    image_hash: str | None = None  # perceptual hash of the page image (hex), when computed


class FileReading(BaseModel):
    """Everything read from one input file."""

    source: str  # path relative to the portfolio folder, '/'-separated
    kind: FileKind
    sha256: str
    size: int
    pages: list[Page] = Field(default_factory=list)
    page_count: int = 0  # pages the file declares (pages may be fewer if some failed)
    flags: list[Flag] = Field(default_factory=list)  # file-level flags: not_pdf, encrypted, unreadable
    error: str | None = None  # why the file could not be read (then `pages` may be empty)
    metadata: dict[str, str] = Field(default_factory=dict)  # PDF docinfo/XMP (Producer, Creator, dates)
    incremental_updates: int = 0  # PDF: number of %%EOF markers beyond the first

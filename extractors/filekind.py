"""What a file is, by its magic bytes — never by its extension."""

from __future__ import annotations

import io
import zipfile

from models import FileKind


def sniff(data: bytes) -> FileKind:
    if not data.strip():
        return FileKind.empty
    head = data[:1024]
    if b"%PDF" in head:
        return FileKind.pdf
    if data[:3] == b"\xff\xd8\xff":
        return FileKind.jpeg
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return FileKind.png
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return FileKind.tiff
    if data[:2] == b"BM":
        return FileKind.bmp
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return FileKind.gif
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return FileKind.webp
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return FileKind.doc
    if data[:2] == b"PK":
        return _zip_kind(data)
    return FileKind.unknown


def _zip_kind(data: bytes) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return FileKind.docx
            if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                return FileKind.odt
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):  # hostile or damaged archives
        pass
    return FileKind.unknown

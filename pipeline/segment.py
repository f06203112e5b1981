"""Split a file's pages into documents: a page with its own title starts one; continuation pages join it."""

from __future__ import annotations

from classifiers.doc_type import title_type
from classifiers.normalize import fold
from models import Document, FileReading, Page


def _new_document(reading: FileReading, portfolio_id: str, pages: list[Page]) -> Document:
    return Document(
        portfolio_id=portfolio_id,
        source=reading.source,
        file_kind=reading.kind,
        file_sha256=reading.sha256,
        pages=pages,
        flags=list(reading.flags),
        flag_reasons={flag.value: reading.error or _reason(reading, flag.value) for flag in reading.flags},
    )


def _reason(reading: FileReading, flag: str) -> str:
    if flag == "not_pdf":
        return f"file is {reading.kind.value.upper()}, not PDF: the rules require PDF scans"
    return flag


def split_documents(reading: FileReading, portfolio_id: str) -> list[Document]:
    if not reading.pages:
        return [_new_document(reading, portfolio_id, [])]
    groups: list[list[Page]] = []
    for page in reading.pages:
        starts = title_type(fold(page.text)) is not None if page.text.strip() else False
        if not groups or starts or not groups[-1][-1].text.strip() or not page.text.strip():
            groups.append([page])
        else:
            groups[-1].append(page)
    return [_new_document(reading, portfolio_id, pages) for pages in groups]

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


def _starts_document(group: list[Page], page: Page) -> bool:
    """Whether `page` starts a new document after the pages of `group` (the current one)."""
    starts = title_type(fold(page.text)) is not None if page.text.strip() else False
    return not group or starts or not group[-1].text.strip() or not page.text.strip()


class PageGrouper:
    """`split_documents` one page at a time: a document's pages are handed back as soon as the next document
    starts, so the reader's rasters can be freed document by document (pipeline.screen_file)."""

    def __init__(self) -> None:
        self.group: list[Page] = []

    def add(self, page: Page) -> list[Page] | None:
        """Add the next page; returns the previous document's pages when this page starts a new one."""
        if self.group and _starts_document(self.group, page):
            done, self.group = self.group, [page]
            return done
        self.group.append(page)
        return None

    def finish(self) -> list[Page] | None:
        done, self.group = self.group, []
        return done or None


def document_of(reading: FileReading, portfolio_id: str, pages: list[Page]) -> Document:
    return _new_document(reading, portfolio_id, pages)


def split_documents(reading: FileReading, portfolio_id: str) -> list[Document]:
    if not reading.pages:
        return [_new_document(reading, portfolio_id, [])]
    grouper = PageGrouper()
    groups = [group for page in reading.pages if (group := grouper.add(page))]
    groups.append(grouper.finish() or [])
    return [_new_document(reading, portfolio_id, pages) for pages in groups]

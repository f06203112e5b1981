"""Split a file's pages into documents: a page with its own title starts one; continuation pages join it."""

from __future__ import annotations

from classifiers.doc_type import other_title, publication_head, title_type
from classifiers.normalize import fold
from extractors.fields.wording import header_line
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


HEAD_LINES = 4  # a document's own head stands in its first lines; a continuation page starts with body text


def _landscape(page: Page) -> bool | None:
    if not page.width or not page.height:
        return None
    return page.width > page.height


def _starts_document(group: list[Page], page: Page) -> bool:
    """Whether `page` starts a new document after the pages of `group` (the current one).

    A new document shows its own title, an issuer's header or a publication's head in its first lines, or is
    printed the other way round (a landscape certificate after a portrait order). A page without any of these
    continues the current document (an order's second page, an article's next page).
    """
    if not group or not group[-1].text.strip() or not page.text.strip():
        return True
    folded = fold(page.text)
    if title_type(folded) is not None:
        return True
    head = "\n".join(line for line in folded.splitlines() if line.strip())
    head = "\n".join(head.splitlines()[:HEAD_LINES])
    if header_line(head) or publication_head(head) or other_title(folded):
        return True
    before, now = _landscape(group[-1]), _landscape(page)
    return before is not None and now is not None and before != now


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

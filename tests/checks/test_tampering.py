"""possible_tampering from real PDF metadata and from text-layer fonts of the name."""

from __future__ import annotations

import io

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.pdf import pdf_date
from extractors.reader import read_file
from models import Document, FileKind, Page, TextSource, Word
from pipeline.checks.tampering import font_reason, metadata_reasons
from pipeline.config import Settings

pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))


def certificate_pdf(producer: str, created: str, modified: str, edit: bool = False) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("DejaVuSerif", 28)
    c.drawString(200, 700, "СЕРТИФИКАТ")
    c.setFont("DejaVuSerif", 14)
    c.drawString(80, 640, "Настоящий сертификат подтверждает, что Иванова Мария Петровна")
    c.drawString(80, 610, "прошла курсы повышения квалификации в объёме 72 академических часов")
    c.save()
    pdf = pikepdf.open(io.BytesIO(buf.getvalue()))
    pdf.docinfo["/Producer"] = producer
    pdf.docinfo["/CreationDate"] = created
    pdf.docinfo["/ModDate"] = modified
    out = io.BytesIO()
    pdf.save(out)
    data = out.getvalue()
    return incremental_update(data, producer) if edit else data


def incremental_update(data: bytes, producer: str, modified: str | None = None) -> bytes:
    """Append a real incremental update (new Info object, xref section, trailer with /Prev), as an editor's save."""
    pdf = pikepdf.open(io.BytesIO(data))
    size, root = int(pdf.trailer.Size), pdf.Root.objgen[0]
    prev = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    obj_at = len(data) + 1
    mod = f" /ModDate ({modified})" if modified else ""
    body = f"\n{size} 0 obj\n<< /Producer ({producer}) /Title (edited){mod} >>\nendobj\n".encode()
    xref_at = len(data) + len(body)
    tail = (
        f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{obj_at:010d} 00000 n \n"
        f"trailer\n<< /Size {size + 1} /Root {root} 0 R /Info {size} 0 R /Prev {prev} >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    )
    return data + body + tail.encode()


def test_editor_producer_read_from_a_real_pdf_is_reported_with_updates() -> None:
    data = certificate_pdf("Sejda PDF Desktop", "D:20240301090000+06'00'", "D:20240301091000+06'00'", edit=True)
    assert pikepdf.open(io.BytesIO(data)).docinfo.get("/Title") == "edited"  # a valid update qpdf follows
    reading = read_file(data, "cert.pdf", Settings())
    assert reading.incremental_updates == 1
    reasons = metadata_reasons(reading)
    assert reasons and "Sejda" in reasons[0] and "incremental update" in reasons[0]


def test_office_export_and_scanner_pdfs_are_not_suspect() -> None:
    for producer in ("Microsoft® Word for Microsoft 365", "LibreOffice 7.6", "ABBYY FineReader PDF 15", "CamScanner"):
        data = certificate_pdf(producer, "D:20240301090000+06'00'", "D:20240302090000+06'00'")
        assert metadata_reasons(read_file(data, "cert.pdf", Settings())) == [], producer


def test_an_in_place_save_that_drops_the_creation_date_is_dated_from_the_first_revision() -> None:
    # Acrobat is no editor by name (it also merges and prints to PDF); the dates give the edit away.
    original = certificate_pdf("LibreOffice 7.6", "D:20230105090000+06'00'", "D:20230105090000+06'00'")
    data = incremental_update(original, "Adobe Acrobat 2020 (20.5)", "D:20240611120000+06'00'")
    reading = read_file(data, "cert.pdf", Settings())
    assert "CreationDate" not in pikepdf.open(io.BytesIO(data)).docinfo  # the latest Info has no creation date
    reasons = metadata_reasons(reading)
    assert len(reasons) == 1 and "523 days after creation" in reasons[0] and "1 incremental update" in reasons[0]
    # The same save on the day of creation is a normal save.
    same_day = incremental_update(original, "Adobe Acrobat 2020 (20.5)", "D:20230105120000+06'00'")
    assert metadata_reasons(read_file(same_day, "cert.pdf", Settings())) == []


def test_modified_long_after_creation() -> None:
    data = certificate_pdf("LibreOffice 7.6", "D:20230105090000+06'00'", "D:20240611120000+06'00'")
    reasons = metadata_reasons(read_file(data, "cert.pdf", Settings()))
    assert len(reasons) == 1 and "days after creation" in reasons[0]
    assert pdf_date("D:2024") is not None and pdf_date("garbage") is None


def text_layer(name_font: str, name_size: float) -> Document:
    def w(text: str, left: float, font: str, size: float, line: int) -> Word:
        return Word(text=text, left=left, top=100 + 20 * line, width=60, height=size, font=font, size=size, line=line)

    words = [
        w("Сертификат", 200, "ABCDEF+TimesNewRomanPS-BoldMT", 28, 0),
        w("подтверждает,", 80, "ABCDEF+TimesNewRomanPSMT", 14, 1),
        w("что", 160, "ABCDEF+TimesNewRomanPSMT", 14, 1),
        w("Иванова", 200, "ABCDEF+TimesNewRomanPSMT", 14, 1),
        w("Мария", 270, name_font, name_size, 1),
        w("Петровна", 330, name_font, name_size, 1),
    ]
    page = Page(number=1, text=" ".join(x.text for x in words), words=words, text_source=TextSource.text_layer)
    return Document(portfolio_id="p", source="a.pdf", file_kind=FileKind.pdf, file_sha256="0", pages=[page])


def test_name_in_another_font_or_size_on_a_text_layer() -> None:
    assert "different fonts" in (font_reason(text_layer("GHIJKL+ArialMT", 14), "Иванова Мария Петровна") or "")
    assert "differ in size" in (font_reason(text_layer("ABCDEF+TimesNewRomanPSMT", 17), "Иванова Мария Петровна") or "")
    assert font_reason(text_layer("ABCDEF+TimesNewRomanPS-BoldMT", 14), "Иванова Мария Петровна") is None


def test_the_applicants_name_is_checked_for_a_paste_wherever_it_is_printed() -> None:
    """A letter thanking a teacher for a student names both; when the fields keep the student, the applicant's own
    line (the one a forger pastes) is still looked at, and only because the manifest names the applicant."""
    import random

    import numpy as np
    from PIL import Image

    from models import Flag
    from pipeline.checks.tampering import check_tampering
    from tests.checks.helpers import reading_for, record_for, scanned_document
    from tests.checks.render import Rendered, certificate, paste_name, scan

    rng = random.Random(71)
    img, words, names = certificate(rng)
    paper = np.clip(np.asarray(img.convert("RGB"), np.float32) * (240 / 255), 0, 255)[:, :, ::-1].astype(np.uint8)
    pasted, new_words = paste_name(paper, names, "Петрова Анна Сергеевна", rng)
    image = scan(Image.fromarray(np.ascontiguousarray(pasted[:, :, ::-1])), rng, grey=True)
    printed = [w for w in words if w not in names] + new_words
    document = scanned_document([Rendered(image, printed, new_words)])

    def flagged(applicant: str | None) -> str | None:
        record = record_for(document, person_name="Сейткали Айгерім Нұрланқызы")  # the fields kept another person
        check_tampering(document, record, reading_for(document), applicant)
        return record.flag_reasons.get(Flag.possible_tampering.value)

    assert flagged(None) is None
    assert "straight edges" in (flagged("Петрова Анна Сергеевна") or "")
    assert flagged("Омарова Гульнар Сериковна") is None  # an applicant not printed here: nothing to look at

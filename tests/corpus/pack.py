"""Writing documents as files: scanned PDFs (JPEG pages), born-digital PDFs (text layer), images, DOCX."""

from __future__ import annotations

import io

import docx
import pikepdf
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.corpus.documents import Doc
from tests.corpus.render import DPI

_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def scanned_pdf(pages: list[Image.Image]) -> bytes:
    buffer = io.BytesIO()
    first, *rest = [p.convert("RGB") if p.mode not in ("RGB", "L") else p for p in pages]
    first.save(buffer, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return buffer.getvalue()


def born_digital_pdf(docs: list[Doc]) -> bytes:
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", _FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setProducer("Microsoft Word for Microsoft 365")
    width, height = A4
    for doc in docs:
        y = height - 90
        for text, pt in doc.lines:
            size = min(pt, 30)
            while pdfmetrics.stringWidth(text, "DejaVu", size) > width - 80 and size > 7:
                size -= 1
            pdf.setFont("DejaVu", size)
            pdf.drawCentredString(width / 2, y, text)
            y -= size * 1.7
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def jpeg(page: Image.Image) -> bytes:
    buffer = io.BytesIO()
    page.convert("RGB").save(buffer, "JPEG", quality=80, dpi=(DPI, DPI))
    return buffer.getvalue()


def docx_file(doc: Doc) -> bytes:
    document = docx.Document()
    for text, _ in doc.lines:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypt(pdf_bytes: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        buffer = io.BytesIO()
        pdf.save(buffer, encryption=pikepdf.Encryption(user="secret", owner="owner"))
        return buffer.getvalue()


def truncate(pdf_bytes: bytes) -> bytes:
    return pdf_bytes[: len(pdf_bytes) // 3]

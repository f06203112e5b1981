"""Writing documents as files: scanned PDFs (JPEG pages as the scanner wrote them), born-digital PDFs with a text
layer (reportlab, the family's fonts, a vector seal and signature or an e-signature note), edited PDFs, images, DOCX,
encrypted and truncated PDFs. Every writer is deterministic: fixed dates and document ids, no wall clock.
"""

from __future__ import annotations

import io
import math
import random
import re
import zipfile
from datetime import date, datetime, timedelta

import docx
import pikepdf
from PIL import Image
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.corpus.families import FAMILIES, FONTS
from tests.corpus.model import Doc

DPI = 200
SCANNERS = ["Canon iR-ADV C3525", "HP Scan", "EPSON Scan 2", "Kyocera ECOSYS M2040dn", "CamScanner", "Adobe Scan"]
WRITERS = ["Microsoft Word for Microsoft 365", "LibreOffice 7.5", "Skia/PDF m120", "iText 7.2.5", "wkhtmltopdf 0.12.6"]
EDITORS = ["Adobe Acrobat Pro DC 23.1.20093", "PDF-XChange Editor 9.5.366", "Adobe Acrobat 2020 (20.5)"]


def _pdf_date(d: datetime) -> str:
    return d.strftime("D:%Y%m%d%H%M%S+05'00'")


def scanned_pdf(pages: list[Image.Image]) -> bytes:
    """PIL pages to a PDF (kept for the reader tests); the corpus writes scanner JPEGs as they are: pdf_from_jpegs."""
    buffer = io.BytesIO()
    first, *rest = [p.convert("RGB") if p.mode not in ("RGB", "L") else p for p in pages]
    first.save(buffer, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return buffer.getvalue()


def pdf_from_jpegs(jpegs: list[bytes], dpis: list[int], producer: str, when: date) -> bytes:
    """One page per JPEG, the JPEG stream embedded untouched (DCTDecode), page size from its dpi."""
    pdf = pikepdf.new()
    for data, dpi in zip(jpegs, dpis, strict=True):
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
            grey = im.mode == "L"
        image = pikepdf.Stream(pdf, data)
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height, image.BitsPerComponent = w, h, 8
        image.ColorSpace = pikepdf.Name.DeviceGray if grey else pikepdf.Name.DeviceRGB
        image.Filter = pikepdf.Name.DCTDecode
        pw, ph = w * 72 / dpi, h * 72 / dpi
        page = pdf.add_blank_page(page_size=(pw, ph))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pdf.make_stream(f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode())
    stamp = _pdf_date(datetime.combine(when, datetime.min.time()) + timedelta(hours=10))
    pdf.docinfo["/Producer"] = producer
    pdf.docinfo["/CreationDate"] = stamp
    pdf.docinfo["/ModDate"] = stamp
    buffer = io.BytesIO()
    pdf.save(buffer, static_id=True)
    return buffer.getvalue()


def _register(key: str) -> tuple[str, str]:
    f = FONTS[key]
    names = (f"{key}-r", f"{key}-b")
    for name, path in zip(names, (f.regular, f.bold), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
    return names


def born_digital_pdf(docs: list[Doc], rng: random.Random | None = None, producer: str | None = None) -> bytes:
    """Printed straight to PDF: text layer in one of the family's fonts, a vector seal and signature or an EDS note."""
    rng = rng or random.Random(0)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setProducer(producer or "Microsoft Word for Microsoft 365")
    for doc in docs:
        fam = FAMILIES.get(doc.family)
        # reportlab embeds TrueType only (not the CFF outlines of Libertine's .otf).
        usable = [k for k in (fam.fonts if fam else ()) if FONTS[k].regular.endswith(".ttf")] or ["dejavu_sans"]
        regular, bold = _register(rng.choice(usable))
        size = landscape(A4) if fam and fam.layouts[0] in ("landscape_band", "guilloche_landscape") else A4
        pdf.setPageSize(size)
        width, height = size
        colour = fam.colours[0] if fam else (0, 0, 0)
        y = height - 70
        sign_y = None
        for block in doc.blocks:
            if block.rows:
                for label, value in block.rows:
                    pdf.setFont(bold, 10)
                    pdf.drawString(70, y, label)
                    pdf.setFont(regular, 10)
                    pdf.drawString(230, y, value)
                    y -= 16
                continue
            pt = {"title": 30, "subtitle": 17, "name": 19, "header": 11, "small": 9, "sign": 11, "meta": 11}.get(
                block.role, 12
            ) * block.scale
            face = bold if block.role in ("title", "subtitle", "name") else regular
            lines = _wrap(block.text, face, pt, width - 140)
            pdf.setFillColorRGB(*(c / 255 for c in colour)) if block.role == "title" else pdf.setFillColorRGB(
                0.08, 0.08, 0.08
            )
            for line in lines:
                pdf.setFont(face, pt)
                if block.role in ("sign", "item") or (block.role == "text" and len(lines) > 2):
                    pdf.drawString(70, y, line)
                else:
                    pdf.drawCentredString(width / 2, y, line)
                y -= pt * 1.35
            if block.role == "sign" and sign_y is None:
                sign_y = y + pt * 1.35
            y -= pt * 0.4
        if rng.random() < 0.35 or sign_y is None:
            pdf.setFont(regular, 8)
            pdf.drawString(
                70, 60, "Документ подписан ЭЦП. Подлинность можно проверить по QR-коду / Құжат ЭЦҚ-мен қол қойылған"
            )
        if sign_y is not None and (doc.signed or doc.stamped):
            _vector_marks(pdf, rng, 230, sign_y, doc)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _wrap(text: str, face: str, pt: float, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if pdfmetrics.stringWidth(trial, face, pt) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def _vector_marks(pdf: canvas.Canvas, rng: random.Random, x: float, y: float, doc: Doc) -> None:
    """A signature stroke and a round seal drawn as vectors (how e-documents carry a facsimile)."""
    if doc.signed:
        pdf.setStrokeColorRGB(0.1, 0.15, 0.55)
        pdf.setLineWidth(1.2)
        path = pdf.beginPath()
        path.moveTo(x, y)
        for i in range(1, 40):
            t = i / 39
            path.lineTo(x + 90 * t + 6 * math.cos(12 * t), y + 10 * math.sin(14 * t + rng.random()))
        pdf.drawPath(path)
    if doc.stamped:
        pdf.setStrokeColorRGB(0.2, 0.25, 0.75)
        pdf.setFillColorRGB(0.2, 0.25, 0.75)
        cx, cy = x - 40, y + 5
        pdf.circle(cx, cy, 42)
        pdf.circle(cx, cy, 37)
        pdf.circle(cx, cy, 20)
        text = (doc.stamp_rim + " * ")[:48]
        pdf.setFont(
            "dejavu_sans-b" if "dejavu_sans-b" in pdfmetrics.getRegisteredFontNames() else _register("dejavu_sans")[1],
            5.5,
        )
        for i, ch in enumerate(text):
            a = math.pi / 2 - 2 * math.pi * i / len(text)
            pdf.saveState()
            pdf.translate(cx + 30 * math.cos(a), cy + 30 * math.sin(a))
            pdf.rotate(math.degrees(a) - 90)
            pdf.drawCentredString(0, 0, ch)
            pdf.restoreState()


def set_dates(pdf_bytes: bytes, created: date, modified: date | None = None, producer: str | None = None) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        base = datetime.combine(created, datetime.min.time()) + timedelta(hours=11)
        pdf.docinfo["/CreationDate"] = _pdf_date(base)
        pdf.docinfo["/ModDate"] = _pdf_date(
            datetime.combine(modified, datetime.min.time()) + timedelta(hours=15) if modified else base
        )
        if producer:
            pdf.docinfo["/Producer"] = producer
        buffer = io.BytesIO()
        pdf.save(buffer, static_id=True)
        return buffer.getvalue()


def incremental_edit(pdf_bytes: bytes, producer: str, modified: date) -> bytes:
    """Append an incremental update (a new Info dictionary), as an editor saving "in place" does."""
    root = re.search(rb"/Root (\d+) 0 R", pdf_bytes)
    prev = re.findall(rb"startxref\s+(\d+)", pdf_bytes)
    size = re.findall(rb"/Size (\d+)", pdf_bytes)
    assert root and prev and size
    obj = int(size[-1])
    when = _pdf_date(datetime.combine(modified, datetime.min.time()) + timedelta(hours=16))
    body = f"\n{obj} 0 obj\n<< /Producer ({producer}) /ModDate ({when}) >>\nendobj\n".encode()
    offset = len(pdf_bytes) + 1
    xref_at = len(pdf_bytes) + len(body)
    xref = f"xref\n0 1\n0000000000 65535 f \n{obj} 1\n{offset:010d} 00000 n \n".encode()
    refs = f"/Size {obj + 1} /Root {root[1].decode()} 0 R /Info {obj} 0 R /Prev {prev[-1].decode()}"
    trailer = f"trailer\n<< {refs} >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return pdf_bytes + body + xref + trailer


def jpeg(page: Image.Image, quality: int = 80) -> bytes:
    buffer = io.BytesIO()
    page.convert("RGB").save(buffer, "JPEG", quality=quality, dpi=(DPI, DPI))
    return buffer.getvalue()


def png(page: Image.Image) -> bytes:
    buffer = io.BytesIO()
    page.convert("L").save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def docx_file(doc: Doc, when: date | None = None) -> bytes:
    document = docx.Document()
    for block in doc.blocks:
        if block.rows:
            table = document.add_table(rows=0, cols=2)
            for label, value in block.rows:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, value
            continue
        para = document.add_paragraph()
        run = para.add_run(block.text)
        run.bold = block.role in ("title", "name", "subtitle")
        if block.role == "title":
            para.alignment = 1
    stamp = datetime.combine(when or date(2024, 1, 1), datetime.min.time())
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), stamp)


def _fixed_zip(data: bytes, stamp: datetime) -> bytes:
    """python-docx stamps zip entries with the wall clock: rewrite them with a fixed time (determinism)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def encrypt(pdf_bytes: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        buffer = io.BytesIO()
        # RC4 (R=4, no AES): AES would draw random IVs and break byte-for-byte determinism.
        pdf.save(
            buffer,
            encryption=pikepdf.Encryption(user="secret", owner="owner", R=4, aes=False, metadata=False),
            static_id=True,
        )
        return buffer.getvalue()


def truncate(pdf_bytes: bytes) -> bytes:
    return pdf_bytes[: len(pdf_bytes) // 3]

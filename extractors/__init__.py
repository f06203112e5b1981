"""Readers: one wrapper per engine (PDF text layer, rasteriser, Tesseract, DOCX, images) returning models.Page."""

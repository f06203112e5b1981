"""Readers: one wrapper per engine (PDF, Tesseract, images, office files) returning models.Page."""

from extractors.reader import read_file

__all__ = ["read_file"]

"""The benchmark behind `make bench` (issue 6): our pipeline against a naive Tesseract loop. See bench/__main__.py."""

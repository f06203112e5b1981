"""`ps_fold`: every token's folded form (classifiers/normalize.py), so rules match through OCR noise, case,
ё/е, Kazakh letters and Latin look-alikes. Patterns over `_.fold` work in both the Russian and the Kazakh
pipeline; LEMMA patterns only in the Russian one (pymorphy3)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from classifiers.normalize import fold

if not Token.has_extension("fold"):
    Token.set_extension("fold", default="")
if not Doc.has_extension("language"):
    Doc.set_extension("language", default=None)
if not Doc.has_extension("folded"):
    Doc.set_extension("folded", default="")


@Language.component("ps_fold")
def fold_tokens(doc: Doc) -> Doc:
    for token in doc:
        token._.fold = fold(token.text)
    # fold() keeps character positions once hyphenation is joined (pipelines.analyse joins it first).
    doc._.folded = fold(doc.text)
    return doc

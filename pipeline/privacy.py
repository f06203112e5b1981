"""Personal data: IINs never reach logs, excerpts or reports."""

from __future__ import annotations

import re

# An IIN is 12 digits (YYMMDD + 6); masking any 12-digit run is safer than validating the checksum.
_IIN = re.compile(r"(?<!\d)\d{12}(?!\d)")


def mask_iin(text: str) -> str:
    return _IIN.sub("•" * 12, text)

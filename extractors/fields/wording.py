"""Issuer, event wording, course programme and commercial signals, read off the lines of a document."""

from __future__ import annotations

import re

from classifiers.lexicon import any_match, compiled, load
from classifiers.normalize import collapse, fold

_ORG = re.compile(
    r"управлени|отдел|министерств|центр|школ|гимнази|лице|колледж|университет|академи|институт|кгу|\bгу\b|"
    r"\bао\b|\bтоо\b|нцпк|орлеу|дарын|баскарма|болим|министрлиг|орталыг|мектеб|мектеп|фонд|ассоциац"
)
_EVENT = re.compile(
    r"олимпиад|конкурс|соревнован|чемпионат|турнир|фестивал|конференц|семинар|форум|байкау|сайыс|марафон|"
    r"курс|программ|совет|кенес|чтени|проект|жоба"
)
_PROGRAMME = re.compile(r"(?:программ\w*|багдарлам\w*)[^«\"\n]{0,40}[«\"“]([^»\"”]{5,200})[»\"”]", re.S)
_TITLES = re.compile(r"^(?:диплом|сертификат|грамота|мадактама|алгыс хат|благодарственн|приказ|буйрык|выписка)")


def _lines(text: str) -> list[tuple[str, str]]:
    return [(line.strip(), fold(line.strip())) for line in text.splitlines() if line.strip()]


_PLACE_OPENING = re.compile(r"(?:[\w-]+\s+){0,2}(?:облыс|област|аудан|район|калас|город)\w*\s")


def header_line(folded_head: str) -> bool:
    """Whether the first two lines of a page open with an organisation's name (a document's own header), not with
    body text, a list item or a jury member's school (a continuation page)."""
    # Scanner debris ("ыы") is no line. An organisation word starting within the first 40 characters opens it
    # ("казакстан республикасы оку-агарту министрлиги", fresh seed 84213), or anywhere after a place the line opens
    # with ("костанай облысынын билим беруди дамытудын оку-адистемелик орталыгы", seed 52711).
    lines = [line.strip() for line in folded_head.splitlines() if re.search(r"\w{3}", line)][:2]
    return any(
        not re.match(r"[\d\-–—•]", line)
        and (m := _ORG.search(line)) is not None
        and (m.start() < 40 or _PLACE_OPENING.match(line) is not None)
        for line in lines
    )


def issuer(text: str) -> str | None:
    """The issuing organisation: the first organisation line of the header (above the title), else any."""
    lines = _lines(text)
    for raw, folded in lines[:8]:
        if _TITLES.match(folded):
            break
        if _ORG.search(folded) and len(raw) >= 6:
            return collapse(raw)[:200]
    for raw, folded in lines:
        if _ORG.search(folded) and len(raw) >= 10 and not _TITLES.match(folded):
            return collapse(raw)[:200]
    return None


def event_name(text: str) -> str | None:
    """The event, course or council as printed: the line naming it, joined with a following quoted name."""
    lines = _lines(text)
    for i, (raw, folded) in enumerate(lines):
        if _EVENT.search(folded) and not _TITLES.match(folded):
            name = raw
            if i + 1 < len(lines) and lines[i + 1][0][:1] in '«"“' and len(name) < 120:
                name = f"{name} {lines[i + 1][0]}"
            return collapse(name)[:300]
    return None


def programme(text: str) -> str | None:
    match = _PROGRAMME.search(fold(text))
    if not match:
        return None
    start = match.start(1)
    return collapse(text[start : match.end(1)]) if len(text) >= match.end(1) else collapse(match.group(1))


def commercial(text: str) -> tuple[str | None, list[str]]:
    """(organiser website, wording that suggests a paid online contest)."""
    rules = load("commercial")
    url = compiled(rules["url"]).search(text.lower())
    folded = fold(text)
    signals = [m.group(0) for pattern in rules["cues"] if (m := any_match(pattern, folded))]
    return (url.group(0) if url else None), signals

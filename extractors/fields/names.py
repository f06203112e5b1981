"""People's names on a document: tell the awardee from the supervisor, and restore the nominative case.

Names are found by the NLP layer (`ps_persons`, classifiers/nlp/persons.py); roles come from the cue words
around them (data/lexicons/names.yaml). Russian names inflect ("вручается Ивановой Марии Петровне" → "Иванова
Мария Петровна": pymorphy3 given the reading and gender); Kazakh patronymics end in -ұлы/-қызы (domain.md, "Names").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from classifiers.language import language_of
from classifiers.lexicon import compiled, load
from classifiers.nlp import analyse
from classifiers.nlp.persons import morph as _morph
from classifiers.people import same_person, tokens
from extractors.fields.nominative import context_readings, nominative


def _near_cue(
    folded: str, span: Span, patterns: list[str], before: bool, reach: int, others: list[Span] | None = None
) -> bool:
    """A cue within `reach` characters before (or after) the name, and, given the other names, none of them
    between: a cue belongs to the name nearest it ("ДИПЛОМ … Серікбаев Алихан — 6-сынып оқушысы" does not make
    the header words two lines above an awardee, seed 60613 P613-26)."""
    start, end = span.start_char, span.end_char
    if before:
        begin = max([start - reach, 0] + [o.end_char for o in others or [] if o.end_char <= start])
        window = folded[begin:start]
    else:
        stop = min([end + reach] + [o.start_char for o in others or [] if o.start_char >= end])
        window = folded[end:stop]
    return any(compiled(p).search(window) for p in patterns)


def _role_before(folded: str, span: Span, patterns: list[str], reach: int, tail: str = r"[^\n]{0,30}$") -> bool:
    """A role cue just before the name on its own line, or closing the line above when the name opens its line.

    A role word two lines up belongs to other wording ("конкурс «Лучший педагог»" above "вручается …").
    """
    line_start = folded.rfind("\n", 0, span.start_char) + 1
    window = folded[line_start : span.start_char]
    if not window.strip():
        above = folded[: max(0, line_start - 1)]
        window = above[above.rfind("\n") + 1 :]
    window = window[-reach:]
    return any(compiled(rf"(?:{p}){tail}").search(window) for p in patterns)


def people(doc: Doc, after: int = 0) -> tuple[Span | None, Span | None, bool]:
    """(awardee span, supervisor span, whether the awardee stood by an awardee cue).

    Without a cue the awardee is the first name below `after` (the title line): names above it are the header's.
    """
    folded = doc._.folded
    cues = load("names")
    # Signatories ("Директор ______ Ж. Сейтова", "Руководитель управления Б. Сейтказин") are nobody's awardee.
    spans = [s for s in doc.spans.get("persons", []) if not _role_before(folded, s, cues["signatory_before"], 90, "$")]
    supervisor = next(
        (
            s
            for s in spans
            if _role_before(folded, s, cues["supervisor_before"], 45)
            or _role_before(folded, s, cues["supervisor_label"], 45, r"\s*[:–—-]\s*$")
            # "… Аружанды дайындағаны үшін": the name in the accusative is the student prepared, not the teacher.
            or (_near_cue(folded, s, cues["supervisor_after"], False, 40) and not _KAZAKH_ACCUSATIVE.search(s.text))
        ),
        None,
    )
    rest = [s for s in spans if s is not supervisor]
    awardee = next(
        (
            s
            for s in rest
            if _near_cue(folded, s, cues["awardee_before"], True, 70, spans)
            or _near_cue(folded, s, cues["awardee_after"], False, 90, spans)
        ),
        None,
    )
    if awardee is not None:
        return awardee, supervisor, True
    # Uncued, "К. Ахметжанов" (initials first) is how a signature line prints a name, not an awardee.
    rest = [s for s in rest if s.label_ != "INITIALS_SURNAME"]
    below = [s for s in rest if s.start_char >= after]
    # Above the title, words in capitals are the issuer's header ("КАРАҒАНДЫ УНИВЕРСИТЕТІ" read as "КАРА МАДЫ
    # УНИВЕРСИ", held-out P202-05, whose script-face name below OCR broke apart): no one's name.
    above = [s for s in rest if s.start_char < after and not s.text.isupper()]
    return (below or above or [None])[0], supervisor, False


def _student(doc: Doc, spans: list[Span], taken: Span | None) -> Span | None:
    """The student a letter thanks its teacher for ("за подготовку ученика 7 класса Кима Артёма")."""
    folded, cues = doc._.folded, load("names")
    for span in spans:
        if taken is not None and (span.start, span.end) == (taken.start, taken.end):
            continue
        if _near_cue(folded, span, cues["student_before"], True, 40) or _near_cue(
            folded, span, cues["student_after"], False, 40
        ):
            return span
    return None


def _restore(doc: Doc, span: Span) -> str:
    """The span's name in the nominative, read with the words before it."""
    cues = load("names")
    # The governing word may close the line above ("участнику\nИвановой Марии").
    before = doc.text[max(0, span.start_char - 40) : span.start_char]
    folded_before = doc._.folded[max(0, span.start_char - 40) : span.start_char]
    cases = [
        case for case, patterns in cues["case_cues"].items() if any(compiled(p).search(folded_before) for p in patterns)
    ]
    words = span._.words
    # A Kazakh case suffix goes on a name's last word: a capitalised word after it starts other wording
    # ("Сәрсенбай Інжуға Жалпы білім беретін …").
    cut = next((i for i, w in enumerate(words) if _KAZAKH_ONLY_CASE.search(w)), None)
    if cut is not None:
        return nominative(words[: cut + 1], True)
    return nominative(words, _kazakh_around(doc, span), context_readings(before, cases))


# Case suffixes spelled with Kazakh letters, which no Russian word form ends in: dative -ға/-қа, accusative
# -ні/-ді/-ті, genitive -ның/-нің/-дың/-дің/-тың/-тің.
_KAZAKH_ONLY_CASE = re.compile(r"\w{3,}(?:ға|қа|ні|ді|ті|ның|нің|дың|дің|тың|тің)$", re.IGNORECASE)


_KAZAKH_ACCUSATIVE = re.compile(r"\w{3,}(?:ны|ні|ды|ді|ты|ті)$", re.IGNORECASE)


def _kazakh_around(doc: Doc, span: Span) -> bool:
    """Whether the name stands in Kazakh prose: a Russian word just before it says no ("выдано Үсенову Дәулету" in
    a bilingual document's Russian half, "участнику Ивановой Марии" among OCR debris of a patterned background);
    otherwise the language of its own line and the one above, the name left out."""
    line_start = doc.text.rfind("\n", 0, span.start_char) + 1
    before = re.findall(r"[А-Яа-яЁё]{3,}", doc.text[max(0, span.start_char - 40) : span.start_char])
    if any(_morph().word_is_known(w.lower()) for w in before[-3:]):
        return False
    start = doc.text.rfind("\n", 0, max(0, line_start - 1)) + 1
    end = doc.text.find("\n", span.end_char)
    around = doc.text[start : span.start_char] + " " + doc.text[span.end_char : end if end >= 0 else None]
    language = language_of(around)
    return doc._.language == "kk" if language is None else language == "kk"


RESPELL_MIN_SIMILARITY = 75  # "Гсенғали" (OCR) for "Есенғали": one letter in eight


def respell(printed: str | None, applicant: str | None) -> str | None:
    """The applicant's own spelling of the words OCR changed ("Касымова Эсел Беккызы" for "Қасымова Әсел Бекқызы";
    "Ә.б." for "Ә.Б."), when the printed name is the applicant's: Tesseract's Russian and Kazakh models trade
    Қ/К, Ә/Э, Ұ/У. Words and initials that differ otherwise stay as printed."""
    if not printed or not applicant or not same_person(applicant, printed):
        return printed
    own = applicant.split()
    out = []
    for i, word in enumerate(printed.split()):
        mine = own[i] if i < len(own) else None
        if mine and re.fullmatch(r"(?:\w\.){1,2}", word):
            initials = [w[0] for w in own[i:]]
            out.append("".join(f"{initials[j]}." if j < len(initials) else f"{ch}." for j, ch in enumerate(word[::2])))
        elif mine and fuzz.ratio("".join(tokens(mine)), "".join(tokens(word))) >= RESPELL_MIN_SIMILARITY:
            out.append(mine)
        else:
            out.append(word)
    return " ".join(out)


def awardee_and_supervisor(
    text: str | Doc,
    after: int = 0,
    applicant: str | None = None,
    lists_people: bool = False,
    thanks_for_student: bool = False,
) -> tuple[str | None, str | None, float]:
    """(awardee, supervisor, confidence) — names in the nominative, in the applicant's spelling where they are the
    applicant's.

    `lists_people`: the document names several people (an order, a protocol): the applicant, when among them, is
    the one the portfolio's document is about. `thanks_for_student`: a letter thanks its addressee (the teacher,
    the supervisor) for a student's result: the student is the awardee.
    """
    doc = text if isinstance(text, Doc) else analyse(text)
    awardee, supervisor, cued = people(doc, after)
    if applicant and lists_people:
        taken = (supervisor.start, supervisor.end) if supervisor is not None else None
        spans = doc.spans.get("persons", [])  # new Span objects on each access: compare by position
        named = [s for s in spans if (s.start, s.end) != taken and same_person(applicant, _restore(doc, s))]
        if named:
            awardee, cued = named[0], True
    if lists_people and awardee is None:
        # An order appoints people to roles ("жобасының жетекшісі болып бекітілсін: Жанузакова С.Б."): the one it
        # appoints is whom the document is about (seed 915 P915-14: a leader's name read as nobody's).
        awardee = supervisor
    if thanks_for_student:
        addressee = supervisor or awardee
        student = _student(doc, list(doc.spans.get("persons", [])), addressee)
        awardee, supervisor = (student, addressee) if student is not None else (addressee, addressee)
    if awardee is None and supervisor is None:
        return None, None, 0.0
    name = respell(_restore(doc, awardee), applicant) if awardee is not None else None
    teacher = respell(_restore(doc, supervisor), applicant) if supervisor is not None else None
    return name, teacher, (0.85 if cued else 0.5) if awardee is not None else 0.3

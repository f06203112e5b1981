"""Enumerations of the output contract (shared/contract.md). Values are the contract's strings verbatim."""

from __future__ import annotations

from enum import StrEnum  # str() and JSON give the contract value


class DocType(StrEnum):
    diploma = "diploma"
    certificate = "certificate"
    honor_certificate = "honor_certificate"
    gratitude_letter = "gratitude_letter"
    course_certificate = "course_certificate"
    protocol_extract = "protocol_extract"
    order = "order"
    publication = "publication"
    other = "other"


class Activity(StrEnum):
    student_contest = "student_contest"
    professional_contest = "professional_contest"
    speech = "speech"
    publication = "publication"
    working_group = "working_group"
    teaching_materials = "teaching_materials"
    dissemination = "dissemination"
    innovation_project = "innovation_project"
    course = "course"


class Achiever(StrEnum):
    student = "student"
    applicant = "applicant"


class Level(StrEnum):
    school = "school"
    district = "district"
    region = "region"
    republic = "republic"
    international = "international"
    unknown = "unknown"

    @property
    def rank(self) -> int:
        """Ordinal for comparisons; international is scored as republic (domain.md, Levels)."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {
    Level.unknown: 0,
    Level.school: 1,
    Level.district: 2,
    Level.region: 3,
    Level.republic: 4,
    Level.international: 4,
}


class Result(StrEnum):
    winner = "winner"
    prize = "prize"
    participant = "participant"


class TextSource(StrEnum):
    text_layer = "text_layer"
    ocr = "ocr"


class Flag(StrEnum):
    not_pdf = "not_pdf"
    unreadable = "unreadable"
    encrypted = "encrypted"
    low_ocr_confidence = "low_ocr_confidence"
    not_in_approved_list = "not_in_approved_list"
    commercial_organizer = "commercial_organizer"
    level_below_claimed = "level_below_claimed"
    name_mismatch = "name_mismatch"
    outside_period = "outside_period"
    missing_stamp = "missing_stamp"
    missing_signature = "missing_signature"
    duplicate = "duplicate"
    possible_tampering = "possible_tampering"


class Position(StrEnum):
    teacher = "teacher"
    deputy_head = "deputy_head"
    head = "head"
    methodist = "methodist"


class OrganizationType(StrEnum):
    school = "school"
    preschool = "preschool"
    tvet = "tvet"
    additional = "additional"
    special = "special"


class Category(StrEnum):
    moderator = "moderator"
    expert = "expert"
    researcher = "researcher"
    master = "master"
    third = "third"
    second = "second"
    first = "first"


class Verdict(StrEnum):
    meets = "meets"
    below = "below"
    needs_review = "needs_review"


class FileKind(StrEnum):
    """What a file is by its content (magic bytes), never by its extension."""

    pdf = "pdf"
    jpeg = "jpeg"
    png = "png"
    tiff = "tiff"
    bmp = "bmp"
    gif = "gif"
    webp = "webp"
    docx = "docx"
    odt = "odt"
    doc = "doc"
    empty = "empty"
    unknown = "unknown"

    @property
    def is_image(self) -> bool:
        return self in {FileKind.jpeg, FileKind.png, FileKind.tiff, FileKind.bmp, FileKind.gif, FileKind.webp}

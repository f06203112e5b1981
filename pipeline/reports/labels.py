"""Russian (and Kazakh) labels for the reports' enum values; the JSON keeps the contract's English values."""

from __future__ import annotations

VERDICTS = {
    "below": "ниже требований / талаптан төмен",
    "needs_review": "требует проверки / тексеру қажет",
    "meets": "соответствует / сәйкес келеді",
}
SEVERITY = {"below": 0, "needs_review": 1, "meets": 2}
FLAGS = {
    "not_pdf": "не PDF",
    "unreadable": "не читается",
    "encrypted": "защищён паролем",
    "low_ocr_confidence": "низкое качество распознавания",
    "not_in_approved_list": "нет в утверждённом перечне",
    "commercial_organizer": "коммерческий организатор",
    "level_below_claimed": "уровень ниже заявленной категории",
    "name_mismatch": "ФИО не совпадает",
    "outside_period": "вне аттестационного периода",
    "missing_stamp": "нет печати",
    "missing_signature": "нет подписи",
    "duplicate": "дубликат",
    "possible_tampering": "признаки редактирования",
}
POSITIONS = {
    "teacher": "педагог",
    "methodist": "методист",
    "deputy_head": "заместитель руководителя",
    "head": "руководитель",
}
CATEGORIES = {
    "moderator": "педагог-модератор",
    "expert": "педагог-эксперт",
    "researcher": "педагог-исследователь",
    "master": "педагог-мастер",
    "third": "третья категория",
    "second": "вторая категория",
    "first": "первая категория",
}
LEVELS = {
    "school": "организация образования",
    "district": "район / город",
    "region": "область",
    "republic": "республика",
    "international": "международный",
    "unknown": "не установлен",
}
DOC_TYPES = {
    "diploma": "диплом",
    "certificate": "сертификат",
    "honor_certificate": "грамота",
    "gratitude_letter": "благодарственное письмо",
    "course_certificate": "сертификат о курсах",
    "protocol_extract": "выписка из протокола",
    "order": "приказ",
    "publication": "публикация",
    "other": "другое",
}
ACTIVITIES = {
    "student_contest": "конкурс / олимпиада обучающегося",
    "professional_contest": "профессиональный конкурс",
    "speech": "выступление",
    "publication": "публикация",
    "working_group": "рабочая группа, жюри",
    "teaching_materials": "методические материалы",
    "dissemination": "распространение опыта",
    "innovation_project": "инновационный проект",
    "course": "курсы повышения квалификации",
}
RESULTS = {"winner": "победитель", "prize": "призёр", "participant": "участник"}


def label(table: dict[str, str], value: object) -> str:
    if value is None:
        return "—"
    key = getattr(value, "value", value)
    return table.get(str(key), str(key))

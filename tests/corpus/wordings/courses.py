"""Refresher-course certificates with hours and provider (domain.md "Course certificate": "прошёл(-ла) курсы
повышения квалификации по образовательной программе «…» в объёме 72 академических часов"; АО «НЦПК «Өрлеу»»,
ЦПМ АОО «НИШ», universities). Hours as digits or in words, dates as a range or an issue date.
"""

from __future__ import annotations

from tests.corpus import dates
from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import signatory

HOURS_RU = {
    36: "тридцать шесть",
    72: "семьдесят два",
    80: "восемьдесят",
    108: "сто восемь",
    120: "сто двадцать",
    144: "сто сорок четыре",
}
HOURS_KK = {36: "отыз алты", 72: "жетпіс екі", 80: "сексен", 108: "жүз сегіз", 120: "жүз жиырма", 144: "жүз қырық төрт"}


def hours_ru(n: int) -> str:
    # 72 академических часа / 80 академических часов: the noun agrees with the last digit.
    return "часа" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "часов"


def span(w: Writer, style: str) -> str:
    start, end = w.f.start or w.f.issued, w.f.issued
    if w.ru:
        if style == "words":
            return f"с {start.day} {dates.RU_MONTHS_GEN[start.month - 1]} по {end.day} {dates.RU_MONTHS_GEN[end.month - 1]} {end.year} года"
        return f"с {start:%d.%m.%Y} по {end:%d.%m.%Y}"
    if style == "words":
        return f"{end.year} жылғы {start.day} {dates.KK_MONTHS[start.month - 1]} – {end.day} {dates.KK_MONTHS[end.month - 1]} аралығында"
    return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"


def _programme(w: Writer) -> str:
    assert w.f.programme is not None
    return w.event_name(w.f.programme[0] if w.ru else w.f.programme[1])


@wording("course", "orleu_course")
def orleu_table(w: Writer) -> list[B | None]:
    h = w.f.hours or 72
    if w.ru:
        passed = "прошла" if w.f.applicant.female else "прошёл"
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B("Настоящим подтверждается, что", "text"),
            B(w.person("nom", ("full",)), "name"),
            B(
                f"{passed} курсы повышения квалификации по образовательной программе «{_programme(w)}» в объёме {h} академических {hours_ru(h)}",
                "text",
            ),
            B(
                "",
                "table",
                rows=[("Сроки обучения", span(w, "dots")), ("Объём", f"{h} ак. ч."), ("Рег. №", f"{w.f.number:06d}")],
            ),
            B(f"Дата выдачи: {w.date('dots', 'dots_g')}", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СЕРТИФИКАТ", "title"),
        B(w.person("nom", ("full",)), "name"),
        B(
            f"«{_programme(w)}» білім беру бағдарламасы бойынша біліктілікті арттыру курсынан өтті, көлемі {h} академиялық сағат",
            "text",
        ),
        B(
            "",
            "table",
            rows=[("Оқу мерзімі", span(w, "dots")), ("Көлемі", f"{h} сағат"), ("Тіркеу №", f"{w.f.number:06d}")],
        ),
        B(f"Берілген күні: {w.date('dots', 'dots_zh')}", "meta"),
        B(signatory(w), "sign"),
    ]


@wording("course", "orleu_course")
def university_certificate(w: Writer) -> list[B | None]:
    h = w.f.hours or 72
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("УДОСТОВЕРЕНИЕ", "title"),
            B(f"о повышении квалификации № {w.f.number:05d}", "subtitle", 0.6),
            B(
                f"Выдано {w.person('dat', ('full',))} в том, что он(а) {span(w, 'words')} прошёл(ла) обучение по программе «{_programme(w)}» в объёме {h} ({HOURS_RU[h]}) {hours_ru(h)}.",
                "text",
            ),
            B(f"{w.f.issuer.city_ru}, {w.date('dots_g', 'words_g')}", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("КУӘЛІК", "title"),
        B(f"біліктілікті арттыру туралы № {w.f.number:05d}", "subtitle", 0.6),
        B(
            f"Осы куәлік {w.person('dat', ('full',))} {span(w, 'words')} «{_programme(w)}» бағдарламасы бойынша {h} ({HOURS_KK[h]}) сағат көлемінде оқудан өткені туралы берілді.",
            "text",
        ),
        B(f"{w.f.issuer.city_kk}, {w.date('year_first', 'dots_zh')}", "meta"),
        B(signatory(w), "sign"),
    ]


@wording("course", "daryn_landscape")
def seminar_course(w: Writer) -> list[B | None]:
    h = w.f.hours or 36
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B(w.person("nom", ("full",)), "name"),
            B(f"прошёл(ла) обучение на курсах «{_programme(w)}»", "text"),
            B(f"Объём программы: {h} {hours_ru(h)}", "text"),
            B(w.date("words_g", "dots"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СЕРТИФИКАТ", "title"),
        B(w.person("nom", ("full",)), "name"),
        B(f"«{_programme(w)}» курсынан оқыды", "text"),
        B(f"Бағдарлама көлемі: {h} сағат", "text"),
        B(w.date("day_first", "dots_zh"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("course", "nis_guilloche")
def programme_completed(w: Writer) -> list[B | None]:
    h = w.f.hours or 80
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("СЕРТИФИКАТ", "title"),
            B(w.person("nom", ("full",)), "name", 1.2),
            B(f"успешно завершил(а) программу повышения квалификации педагогов «{_programme(w)}»", "text"),
            B(f"Продолжительность: {h} академических {hours_ru(h)}. Период обучения: {span(w, 'dots')}", "text"),
            B(f"Астана, {w.date('words')}", "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("СЕРТИФИКАТ", "title"),
        B(w.person("nom", ("full",)), "name", 1.2),
        B(f"педагогтердің біліктілігін арттырудың «{_programme(w)}» бағдарламасын сәтті аяқтады", "text"),
        B(f"Ұзақтығы: {h} академиялық сағат. Оқу кезеңі: {span(w, 'dots')}", "text"),
        B(f"Астана, {w.date('year_zh', 'year_first')}", "meta"),
        B(signatory(w), "sign"),
    ]


@wording("course", "bilingual_official")
def ipk_certificate(w: Writer) -> list[B | None]:
    h = w.f.hours or 72
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("УДОСТОВЕРЕНИЕ", "title"),
            B(f"Рег. № {w.f.number:04d}", "meta"),
            B(
                f"Настоящее удостоверение выдано {w.person('dat', ('full',))} о том, что он(а) прошёл(ла) курсы по теме «{_programme(w)}»",
                "text",
            ),
            B("", "table", rows=[("Период", span(w, "words")), ("Количество часов", f"{h} ({HOURS_RU[h]})")]),
            B(w.date("quoted", "dots_g"), "meta"),
            B(signatory(w), "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("КУӘЛІК", "title"),
        B(f"Тіркеу № {w.f.number:04d}", "meta"),
        B(
            f"Осы куәлік {w.person('dat', ('full',))} «{_programme(w)}» тақырыбы бойынша курстан өткені туралы берілді",
            "text",
        ),
        B("", "table", rows=[("Кезеңі", span(w, "words")), ("Сағат саны", f"{h} ({HOURS_KK[h]})")]),
        B(w.date("quoted", "year_first"), "meta"),
        B(signatory(w), "sign"),
    ]

"""Publications: a journal or proceedings page with the applicant as author, or the editors' note confirming it
(domain.md 3.3: publications in academy/institute or ministry-recommended editions, ≤ 3 authors).
"""

from __future__ import annotations

from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.names import OTHER_ADULTS
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import signatory

_ABSTRACT_RU = (
    "В статье рассматриваются приёмы формирования функциональной грамотности обучающихся, приводятся результаты "
    "апробации заданий в 7–9 классах и даются рекомендации по их использованию на уроках."
)
_ABSTRACT_KK = (
    "Мақалада білім алушылардың функционалдық сауаттылығын қалыптастыру тәсілдері қарастырылып, 7–9 сыныптарда "
    "тапсырмаларды сынақтан өткізу нәтижелері келтіріледі және оларды сабақта қолдану бойынша ұсыныстар беріледі."
)


def _journal(w: Writer) -> str:
    name = (
        "Научно-методический журнал «Білім – Образование»"
        if w.ru
        else "«Білім – Образование» ғылыми-әдістемелік журналы"
    )
    if w.f.level == "region":
        name = (
            "Сборник материалов областной научно-практической конференции"
            if w.ru
            else "Облыстық ғылыми-практикалық конференция материалдарының жинағы"
        )
    return w.event_name(name)


def _authors(w: Writer) -> str:
    co = [p.nominative("initials") for p in OTHER_ADULTS[: w.f.number % 3]]
    return ", ".join([w.person("nom", ("initials", "full")), *co])


def _title(w: Writer) -> str:
    topic = w.f.topic or ("Функциональная грамотность на уроках", "Сабақтағы функционалдық сауаттылық")
    return (topic[0] if w.ru else topic[1]).upper()


@wording("publication", "school_letterhead")
def journal_page(w: Writer) -> list[B | None]:
    return [
        B(f"{_journal(w)} • {w.f.issued.year}, № {w.f.number % 4 + 1}", "header"),
        B(_title(w), "subtitle", 0.55),
        B(_authors(w), "name", 0.6),
        B((w.f.job_ru + ", " + w.f.issuer.city_ru if w.ru else w.f.job_kk + ", " + w.f.issuer.city_kk), "small"),
        B((f"Аннотация. {_ABSTRACT_RU}" if w.ru else f"Аңдатпа. {_ABSTRACT_KK}"), "text"),
        B(
            (
                "Ключевые слова: функциональная грамотность, задания, оценивание."
                if w.ru
                else "Түйін сөздер: функционалдық сауаттылық, тапсырмалар, бағалау."
            ),
            "small",
        ),
        B((f"Подписано в печать {w.date('dots')}" if w.ru else f"Басуға қол қойылды {w.date('dots_zh')}"), "meta"),
    ]


@wording("publication", "orleu_course")
def proceedings_page(w: Writer) -> list[B | None]:
    return [
        B(w.issuer_text, "header"),
        B(_journal(w), "subtitle", 0.5),
        B(_title(w), "subtitle", 0.5),
        B(_authors(w), "name", 0.6),
        B((_ABSTRACT_RU if w.ru else _ABSTRACT_KK), "text"),
        B(
            (
                f"Дата выхода: {w.date('dots_g', 'words_g')}"
                if w.ru
                else f"Шыққан күні: {w.date('dots_zh', 'day_first')}"
            ),
            "meta",
        ),
    ]


@wording("publication", "daryn_landscape")
def editors_note(w: Writer) -> list[B | None]:
    return [
        B(w.issuer_text, "header"),
        B(("СПРАВКА" if w.ru else "АНЫҚТАМА"), "title", 0.7),
        B(
            (
                f"Дана {w.person('dat')} в том, что статья «{_title(w).capitalize()}» опубликована в издании: {_journal(w)}, {w.f.issued.year}, № {w.f.number % 4 + 1}."
                if w.ru
                else f"{w.person('dat')} «{_title(w).capitalize()}» мақаласы {_journal(w)} басылымында жарияланғаны туралы берілді ({w.f.issued.year}, № {w.f.number % 4 + 1})."
            ),
            "text",
        ),
        B(w.date("dots_g") if w.ru else w.date("dots_zh"), "meta"),
        B(signatory(w), "sign"),
    ]


@wording("publication", "nis_guilloche")
def issn_page(w: Writer) -> list[B | None]:
    return [
        B(f"ISSN 2305-{w.f.number % 9000 + 1000} • {_journal(w)}", "header"),
        B(_title(w), "subtitle", 0.55),
        B(_authors(w), "name", 0.6),
        B((f"Резюме. {_ABSTRACT_RU}" if w.ru else f"Түйін. {_ABSTRACT_KK}"), "text"),
        B(
            (
                f"Статья поступила в редакцию {w.date('words')}"
                if w.ru
                else f"Мақала редакцияға {w.date('year_first')} түсті"
            ),
            "meta",
        ),
    ]


@wording("publication", "bilingual_official")
def editorial_certificate(w: Writer) -> list[B | None]:
    return [
        B(w.issuer_text, "header"),
        B(("СПРАВКА О ПУБЛИКАЦИИ" if w.ru else "ЖАРИЯЛАНЫМ ТУРАЛЫ АНЫҚТАМА"), "title", 0.55),
        B(
            (f"Исх. № {w.f.number} от {w.date('dots_g')}" if w.ru else f"Шығыс № {w.f.number}, {w.date('year_first')}"),
            "meta",
        ),
        B(
            (
                f"Редакция подтверждает, что статья автора {w.person('gen')} «{_title(w).capitalize()}» включена в издание: {_journal(w)}."
                if w.ru
                else f"Редакция {w.person('gen')} «{_title(w).capitalize()}» мақаласының {_journal(w)} басылымына енгізілгенін растайды."
            ),
            "text",
        ),
        B(signatory(w), "sign"),
    ]

"""Office documents: protocol extracts of methodical councils (выписка из протокола / хаттамасынан үзінді) and
orders (приказ / бұйрық / выписка из приказа) on jury, working groups, speeches and projects.

domain.md: the council's level is the level (3.5: school / district-city department / regional department /
republican council at the Altynsarin academy); orders evidence jury and working-group membership, speeches, projects.
"""

from __future__ import annotations

from tests.corpus.model import Block as B
from tests.corpus.model import Writer
from tests.corpus.names import OTHER_ADULTS
from tests.corpus.wordings import wording
from tests.corpus.wordings.phrases import event_kk, event_ru, signatory

_GEN = [
    ("Отдел ", "отдела "),
    ("Управление ", "управления "),
    ("Учебно-методический центр ", "учебно-методического центра "),
    ("Областной научно-практический центр ", "областного научно-практического центра "),
    ("Министерство ", "министерства "),
    ("Республиканский научно-практический центр ", "республиканского научно-практического центра "),
    ("Национальная академия ", "Национальной академии "),
]


def issuer_gen(w: Writer) -> str:
    text = w.issuer_text
    for nom, gen in _GEN:
        if text.startswith(nom):
            return gen + text[len(nom) :]
    return text  # "ГУ «…»", "КГУ «…»": the appositive name does not decline


def council_ru(w: Writer) -> str:
    if w.f.level == "republic":
        return "Республиканского учебно-методического совета при Национальной академии образования им. Ы. Алтынсарина"
    if w.f.level == "school":
        return f"методического совета {w.issuer_text}"
    return f"учебно-методического совета {issuer_gen(w)}"


def council_kk(w: Writer) -> str:
    if w.f.level == "republic":
        return "Ы. Алтынсарин атындағы Ұлттық білім академиясы жанындағы Республикалық оқу-әдістемелік кеңес"
    if w.f.level == "school":
        return f"{w.issuer_text} әдістемелік кеңесі"
    return f"{w.issuer_text} жанындағы оқу-әдістемелік кеңес"


def _topic(w: Writer) -> tuple[str, str]:
    return w.f.topic or ("Активные методы обучения", "Белсенді оқыту әдістері")


def _others(w: Writer, n: int) -> list[str]:
    people = [p for p in OTHER_ADULTS if p != w.f.applicant][:n]
    return [p.nominative("initials") for p in people]


@wording("protocol", "gorono_office")
def council_extract(w: Writer) -> list[B | None]:
    topic = _topic(w)
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B(f"ВЫПИСКА ИЗ ПРОТОКОЛА № {w.f.number % 9 + 1}", "title", 0.6),
            B(f"заседания {council_ru(w)}", "subtitle", 0.5),
            B(f"{w.f.issuer.city_ru}                                   {w.date('dots', 'dots_g')}", "meta"),
            B(f"Присутствовали: {11 + w.f.number % 9} членов совета.", "text"),
            B("ПОВЕСТКА ДНЯ: 1. О рекомендации к использованию учебно-методических материалов.", "text"),
            B(
                f"СЛУШАЛИ: {_others(w, 1)[0]} о методическом пособии «{topic[0]}», автор — {w.person('nom')}, {w.f.job_ru}.",
                "text",
            ),
            B(f"РЕШИЛИ: рекомендовать пособие «{topic[0]}» к использованию в организациях образования.", "text"),
            B("Председатель ____________ Б. Жумабеков", "sign"),
            B("Секретарь ____________ А. Сарсенова", "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B(f"{council_kk(w)} отырысының № {w.f.number % 9 + 1} ХАТТАМАСЫНАН ҮЗІНДІ", "title", 0.5),
        B(f"{w.f.issuer.city_kk}                                   {w.date('dots_zh', 'year_first')}", "meta"),
        B(f"Қатысқандар: кеңестің {11 + w.f.number % 9} мүшесі.", "text"),
        B("КҮН ТӘРТІБІ: 1. Оқу-әдістемелік материалдарды пайдалануға ұсыну туралы.", "text"),
        B(
            f"ТЫҢДАЛДЫ: {_others(w, 1)[0]} — «{topic[1]}» әдістемелік құралы туралы, авторы {w.person('nom')}, {w.f.job_kk}.",
            "text",
        ),
        B(f"ҚАУЛЫ ЕТТІ: «{topic[1]}» құралы білім беру ұйымдарында пайдалануға ұсынылсын.", "text"),
        B("Төраға ____________ Б. Жұмабеков", "sign"),
        B("Хатшы ____________ А. Сәрсенова", "sign"),
    ]


@wording("protocol", "gorono_office")
def recommendation_short(w: Writer) -> list[B | None]:
    topic = _topic(w)
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("Выписка из протокола", "title", 0.6),
            B(f"{council_ru(w)} № {w.f.number % 7 + 2} от {w.date('dots_g', 'quoted')}", "subtitle", 0.5),
            B(
                f"Рассмотрев учебно-методическое пособие «{topic[0]}», разработанное {w.person('ins')}, {w.f.job_ru}, совет РЕШИЛ:",
                "text",
            ),
            B("1. Одобрить пособие и рекомендовать к изданию и использованию в практике работы педагогов.", "item"),
            B("2. Разместить материалы на сайте методического кабинета.", "item"),
            B("Председатель совета ____________", "sign"),
            B("Секретарь ____________", "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("Хаттамадан үзінді", "title", 0.6),
        B(f"{council_kk(w)}, № {w.f.number % 7 + 2}, {w.date('year_first', 'quoted')}", "subtitle", 0.5),
        B(
            f"{w.person('nom')} ({w.f.job_kk}) әзірлеген «{topic[1]}» оқу-әдістемелік құралын қарап, кеңес ШЕШТІ:",
            "text",
        ),
        B("1. Құрал мақұлдансын және педагогтердің тәжірибесінде пайдалануға ұсынылсын.", "item"),
        B("2. Материалдар әдістемелік кабинеттің сайтында орналастырылсын.", "item"),
        B("Кеңес төрағасы ____________", "sign"),
        B("Хатшы ____________", "sign"),
    ]


@wording("protocol", "school_letterhead")
def pedagogical_council(w: Writer) -> list[B | None]:
    topic = _topic(w)
    return [
        B(w.issuer_text, "header"),
        B(("ВЫПИСКА ИЗ ПРОТОКОЛА" if w.ru else "ХАТТАМАДАН ҮЗІНДІ"), "title", 0.6),
        B((f"заседания {council_ru(w)}" if w.ru else f"{council_kk(w)} отырысы"), "subtitle", 0.5),
        B((f"№ 4 от {w.date('dots')}" if w.ru else f"№ 4, {w.date('dots_zh')}"), "meta"),
        B(
            (
                f"Рекомендовать авторскую программу «{topic[0]}» ({w.person('nom')}) к использованию в учебном процессе."
                if w.ru
                else f"«{topic[1]}» авторлық бағдарламасы ({w.person('nom')}) оқу процесінде пайдалануға ұсынылсын."
            ),
            "text",
        ),
        B(signatory(w), "sign"),
    ]


@wording("protocol", "bilingual_official")
def council_decision(w: Writer) -> list[B | None]:
    topic = _topic(w)
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B("ВЫПИСКА", "title", 0.6),
            B(f"из протокола заседания {council_ru(w)}", "subtitle", 0.5),
            B(f"№ {w.f.number % 5 + 1}                                   {w.date('words_g', 'dots_g')}", "meta"),
            B(f"По вопросу экспертизы материалов: {topic[0]}. Автор: {w.person('nom')}.", "text"),
            B(f"Решение: материалы «{topic[0]}» рекомендованы к распространению.", "text"),
            B("Председатель ____________", "sign"),
            B("Секретарь ____________", "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B("ҮЗІНДІ", "title", 0.6),
        B(f"{council_kk(w)} отырысының хаттамасынан", "subtitle", 0.5),
        B(f"№ {w.f.number % 5 + 1}                                   {w.date('year_first', 'day_first')}", "meta"),
        B(f"Материалдарды сараптау мәселесі бойынша: {topic[1]}. Авторы: {w.person('nom')}.", "text"),
        B(f"Шешім: «{topic[1]}» материалдары таратуға ұсынылды.", "text"),
        B("Төраға ____________", "sign"),
        B("Хатшы ____________", "sign"),
    ]


def _order_item_ru(w: Writer) -> tuple[str, str]:
    """(the order's subject, the item that names the applicant) by activity."""
    f = w.f
    who = f"{w.person('nom')} — {f.job_ru}"
    if f.activity == "working_group" and f.event:
        return (
            f"О составе жюри {event_ru(w, 'gen')}",
            f"Утвердить состав жюри: {who}, член жюри; {', '.join(_others(w, 2))}.",
        )
    if f.activity == "working_group":
        return (
            "О создании рабочей группы по обновлению содержания образования",
            f"Включить в состав рабочей группы: {who}; {', '.join(_others(w, 2))}.",
        )
    if f.activity == "speech":
        topic = f.topic[0] if f.topic else ""
        return (
            "Об итогах проведения семинара-практикума",
            f"Объявить благодарность выступившим: {who}, выступление на тему «{topic}».",
        )
    return (
        "Об открытии инновационных площадок",
        f"Утвердить руководителем инновационного проекта «{f.topic[0] if f.topic else ''}»: {who}.",
    )


def _order_item_kk(w: Writer) -> tuple[str, str]:
    f = w.f
    who = f"{w.person('nom')} — {f.job_kk}"
    if f.activity == "working_group" and f.event:
        return (
            f"{event_kk(w, 'gen')} қазылар алқасының құрамы туралы",
            f"Қазылар алқасының құрамы бекітілсін: {who}, қазылар алқасының мүшесі; {', '.join(_others(w, 2))}.",
        )
    if f.activity == "working_group":
        return (
            "Білім беру мазмұнын жаңарту жөніндегі жұмыс тобын құру туралы",
            f"Жұмыс тобының құрамына енгізілсін: {who}; {', '.join(_others(w, 2))}.",
        )
    if f.activity == "speech":
        topic = f.topic[1] if f.topic else ""
        return (
            "Семинар-практикумның қорытындысы туралы",
            f"Сөз сөйлегендерге алғыс жариялансын: {who}, «{topic}» тақырыбында баяндама.",
        )
    return (
        "Инновациялық алаңдарды ашу туралы",
        f"«{f.topic[1] if f.topic else ''}» инновациялық жобасының жетекшісі болып бекітілсін: {who}.",
    )


@wording("order", "gorono_office")
def order_numbered(w: Writer) -> list[B | None]:
    if w.ru:
        subject, item = _order_item_ru(w)
        return [
            B(w.issuer_text, "header"),
            B("ПРИКАЗ", "title", 0.7),
            B(
                f"{w.date('dots', 'dots_g')}                    {w.f.issuer.city_ru}                    № {w.f.number}",
                "meta",
            ),
            B(subject, "subtitle", 0.45),
            B("В соответствии с планом работы на текущий учебный год ПРИКАЗЫВАЮ:", "text"),
            B(f"1. {item}", "item"),
            B("2. Контроль за исполнением настоящего приказа оставляю за собой.", "item"),
            B(signatory(w), "sign"),
        ]
    subject, item = _order_item_kk(w)
    return [
        B(w.issuer_text, "header"),
        B("БҰЙРЫҚ", "title", 0.7),
        B(
            f"{w.date('dots_zh', 'year_first')}                    {w.f.issuer.city_kk}                    № {w.f.number}",
            "meta",
        ),
        B(subject, "subtitle", 0.45),
        B("Ағымдағы оқу жылының жұмыс жоспарына сәйкес БҰЙЫРАМЫН:", "text"),
        B(f"1. {item}", "item"),
        B("2. Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.", "item"),
        B(signatory(w), "sign"),
    ]


@wording("order", "gorono_office")
def order_extract(w: Writer) -> list[B | None]:
    if w.ru:
        subject, item = _order_item_ru(w)
        return [
            B(w.issuer_text, "header"),
            B("ВЫПИСКА ИЗ ПРИКАЗА", "title", 0.6),
            B(f"№ {w.f.number} от {w.date('quoted', 'dots_g')}", "meta"),
            B(f"«{subject}»", "subtitle", 0.45),
            B(f"п. 3. {item}", "item"),
            B("Выписка верна. Инспектор отдела кадров ____________", "sign"),
        ]
    subject, item = _order_item_kk(w)
    return [
        B(w.issuer_text, "header"),
        B("БҰЙРЫҚТАН ҮЗІНДІ", "title", 0.6),
        B(f"№ {w.f.number}, {w.date('quoted', 'year_first')}", "meta"),
        B(f"«{subject}»", "subtitle", 0.45),
        B(f"3-т. {item}", "item"),
        B("Үзінді дұрыс. Кадр бөлімінің инспекторы ____________", "sign"),
    ]


@wording("order", "school_letterhead")
def school_order(w: Writer) -> list[B | None]:
    subject, item = _order_item_ru(w) if w.ru else _order_item_kk(w)
    return [
        B(w.issuer_text, "header"),
        B(("Приказ" if w.ru else "Бұйрық"), "title", 0.6),
        B((f"от {w.date('dots')} № {w.f.number}-о" if w.ru else f"{w.date('dots_zh')} № {w.f.number}-ж"), "meta"),
        B(subject, "subtitle", 0.45),
        B(("ПРИКАЗЫВАЮ:" if w.ru else "БҰЙЫРАМЫН:"), "text"),
        B(item, "item"),
        B(signatory(w), "sign"),
    ]


@wording("order", "bilingual_official")
def order_with_basis(w: Writer) -> list[B | None]:
    if w.ru:
        subject, item = _order_item_ru(w)
        return [
            B(w.issuer_text, "header"),
            B("ПРИКАЗ", "title", 0.6),
            B(f"№ {w.f.number}-Н                                   {w.date('words_g', 'dots_g')}", "meta"),
            B(subject, "subtitle", 0.45),
            B("На основании Закона Республики Казахстан «Об образовании» ПРИКАЗЫВАЮ:", "text"),
            B(f"1) {item}", "item"),
            B("2) Настоящий приказ вступает в силу со дня подписания.", "item"),
            B(signatory(w), "sign"),
        ]
    subject, item = _order_item_kk(w)
    return [
        B(w.issuer_text, "header"),
        B("БҰЙРЫҚ", "title", 0.6),
        B(f"№ {w.f.number}-Н                                   {w.date('year_first', 'day_first')}", "meta"),
        B(subject, "subtitle", 0.45),
        B("«Білім туралы» Қазақстан Республикасының Заңы негізінде БҰЙЫРАМЫН:", "text"),
        B(f"1) {item}", "item"),
        B("2) Осы бұйрық қол қойылған күнінен бастап күшіне енеді.", "item"),
        B(signatory(w), "sign"),
    ]


@wording("order", "bilingual_official")
def order_extract_copy(w: Writer) -> list[B | None]:
    subject, item = _order_item_ru(w) if w.ru else _order_item_kk(w)
    return [
        B(w.issuer_text, "header"),
        B(("Выписка из приказа" if w.ru else "Бұйрықтан үзінді"), "title", 0.55),
        B((f"от {w.date('dots_g')} № {w.f.number}" if w.ru else f"{w.date('dots_zh')} № {w.f.number}"), "meta"),
        B(subject, "subtitle", 0.45),
        B(item, "item"),
        B(("Копия верна" if w.ru else "Көшірмесі дұрыс"), "small"),
        B(signatory(w), "sign"),
    ]


@wording("protocol", "school_letterhead")
def methodical_association(w: Writer) -> list[B | None]:
    topic = _topic(w)
    if w.ru:
        return [
            B(w.issuer_text, "header"),
            B(f"Выписка из протокола № {w.f.number % 6 + 1}", "title", 0.6),
            B(
                "заседания методического объединения учителей"
                if w.f.level == "school"
                else f"заседания {council_ru(w)}",
                "subtitle",
                0.45,
            ),
            B(f"от {w.date('dots_g', 'quoted')}", "meta"),
            B(f"Выступила (выступил) {w.person('nom')} с презентацией разработки «{topic[0]}».", "text"),
            B("Постановили: рекомендовать разработку к использованию педагогами школы.", "text"),
            B("Руководитель МО ____________", "sign"),
        ]
    return [
        B(w.issuer_text, "header"),
        B(f"№ {w.f.number % 6 + 1} хаттамадан үзінді", "title", 0.6),
        B(
            "мұғалімдердің әдістемелік бірлестігінің отырысы" if w.f.level == "school" else f"{council_kk(w)} отырысы",
            "subtitle",
            0.45,
        ),
        B(w.date("dots_zh", "quoted"), "meta"),
        B(f"«{topic[1]}» әзірлемесін {w.person('nom')} таныстырды.", "text"),
        B("Қаулы: әзірлеме мектеп педагогтеріне пайдалануға ұсынылсын.", "text"),
        B("ӘБ жетекшісі ____________", "sign"),
    ]

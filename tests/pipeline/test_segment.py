"""Pages into documents: titles, issuers' headers, publication heads and orientation start one; body text
continues it (pipeline/segment.py)."""

from __future__ import annotations

from models import FileKind, FileReading, Page, TextSource
from pipeline.segment import split_documents


def _reading(*pages: tuple[str, int, int]) -> FileReading:
    return FileReading(
        source="bundle.pdf",
        kind=FileKind.pdf,
        sha256="0" * 64,
        size=1,
        pages=[
            Page(number=i, text=text, text_source=TextSource.ocr, width=w, height=h)
            for i, (text, w, h) in enumerate(pages, start=1)
        ],
    )


PORTRAIT, LANDSCAPE = (1654, 2339), (2339, 1654)


def _split(*pages: tuple[str, tuple[int, int]]) -> list[list[int]]:
    reading = _reading(*((text, *size) for text, size in pages))
    return [d.page_numbers for d in split_documents(reading, "p")]


def test_an_orders_second_page_continues_it() -> None:
    order = "Отдел образования города Темиртау\nПРИКАЗ\nот 05.09.2023 № 214\nО составе жюри"
    rest = "2. Смагулов Арман Кайратович – методист КГУ «СОШ № 4»\n3. Контроль оставляю за собой.\nРуководитель"
    assert _split((order, PORTRAIT), (rest, PORTRAIT)) == [[1, 2]]


def test_a_certificate_behind_another_starts_a_document() -> None:
    first = "ДИПЛОМ\nI степени\nнаграждается Иванова Мария"
    second = "Управление образования Карагандинской области\nнаграждается Петров Даниил за участие"
    assert _split((first, PORTRAIT), (second, PORTRAIT)) == [[1], [2]]


def test_an_article_starts_a_document_and_a_landscape_page_too() -> None:
    letter = "Благодарственное письмо\nвыражает благодарность Ким Артёму"
    article = "Научно-методический журнал «Білім – Образование» 2021, № 3\nЦИФРОВЫЕ РЕСУРСЫ В НАЧАЛЬНОЙ ШКОЛЕ"
    page = "награждается Ахметова Динара за участие в конкурсе\nДиректор ______ Ж. Сейтова"
    assert _split((letter, PORTRAIT), (article, PORTRAIT), (page, LANDSCAPE)) == [[1], [2], [3]]


def test_a_misread_title_and_a_title_of_no_listed_type_start_documents() -> None:
    # Held-out P202-06 (the Ғ of "АЛҒЫС ХАТ" read as Е) and P202-38 (an udostoverenie under a five-line header).
    letter = "Отдел образования Байзакского района\nАЛҒЫС ХАТ\nКим Вадим Олеговичке"
    thanks = "млмм.теда-{а!ап{-К2.сот\nАЛЕЫС ХАТ\nтәлімгер-педагогке\nКим Вадим Олеговичке"
    assert _split((letter, PORTRAIT), (thanks, PORTRAIT)) == [[1], [2]]
    course = "СЕРТИФИКАТ\nШәріпова Ұлжан курсы по теме «Цифровая грамотность»"
    header = (
        "«АБАЙ АТЫНДАҒЫ ҚАЗАҚ НАО «КАЗАХСКИЙ\nҰЛТТЫҚ ПЕДАГОГИКАЛЫҚ НАЦИОНАЛЬНЫЙ\nУНИВЕРСИТЕТІ» КЕАҚ ПЕДАГОГИЧЕСКИЙ\n"
        "УНИВЕРСИТЕТ ИМЕНИ\nАБАЯ»\n"
    )
    card = header + "УДОСТОВЕРЕНИЕ\nРег. № 0348\nНастоящее удостоверение выдано Шәріповой Ұлжан"
    assert _split((course, PORTRAIT), (card, PORTRAIT)) == [[1], [2]]


def test_headers_read_through_debris_and_titles_through_a_stray_space() -> None:
    # Fresh seed 84213 (P213-29): a грамота behind a certificate, scanner debris above its ministry's header and its
    # title read "КУРМЕТ ГРАМ ОТАСЫ"; seeds 52711 and 31337: a header whose organisation word comes after its place.
    certificate = "Министерство просвещения Республики Казахстан\nСЕРТИФИКАТ\nучастника\nСмирнова Алина"
    for gramota in (
        "ыы\nҚАЗАҚСТАН РЕСПУБЛИКАСЫ ОҚУ-АҒАРТУ МИНИСТРЛІГІ\nЖұмабекова Аружан\n«Сардар» кешенді олимпиадасында",
        "Жұмабекова Аружан марапатталады\nКУРМЕТ ГРАМ ОТАСЫ\n«Сардар» кешенді олимпиадасында",
        "Костанай облысының білім беруді дамытудың оқу-әдістемелік орталығы\nЖұмабекова Аружан",
        "БАТЫС ҚАЗАҚСТАН ОБЛЫСЫНЫҢ УЧЕБНО-МЕТОДИЧЕСКИЙ ЦЕНТР\nЖұмабекова Аружан",
    ):
        assert _split((certificate, PORTRAIT), (gramota, PORTRAIT)) == [[1], [2]], gramota
    # Body text naming an organisation far into its line still continues the document before it.
    body = "жюри; и методист по работе с одарёнными детьми регионального центра «Дарын»\n3. Контроль"
    assert _split((certificate, PORTRAIT), (body, PORTRAIT)) == [[1, 2]]

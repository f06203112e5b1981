"""The stages and their wiring: ingest → read → segment → classify → check → score → write.

Stage owners (each a plain typed function over `models`):
- reading a file:            extractors.read_file(data, source, settings, on_page=None) -> FileReading
- documents inside a file:   pipeline.segment.split_documents(reading, portfolio_id) -> list[Document]
                             (PageGrouper: the same, page by page, as screen_file streams documents)
- one file, cached:          pipeline.work.screen_stored_file(batch_url, portfolio_id, source, manifest, settings)
                             -> FileResult, through pipeline.cache.ResultCache
- fields of a document:      classifiers.extract_fields(document, applicant) -> DocumentFields
- per-document checks:       pipeline.checks.check_document(document, record, manifest, settings) -> None
- batch-wide checks:         pipeline.checks.check_batch(records, index) -> None
- scoring a portfolio:       pipeline.scoring.score_portfolio(portfolio, records, edition) -> PortfolioSummary
- reports:                   pipeline.reports.write_reports(out, summaries, records, thumbnails) -> None
"""

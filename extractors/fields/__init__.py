"""Field extractors: dates, hours, names, issuer and event wording, commercial signals."""

"""The NLP layer: spaCy pipelines — blank `ru` with the pymorphy3 lemmatizer, `xx` for Kazakh — assembled from
data/nlp/pipelines.yaml out of components registered by name in this package:

- `ps_fold` (tokens.py): folded token forms that see through OCR noise;
- `ps_places` (places.py): an EntityRuler over the gazetteer (regions, cities, districts → level);
- `ps_levels` (cues.py): a SpanRuler over level lemmas and prefixes (stages, event adjectives);
- `ps_persons` (persons.py): a Matcher for people's names.
"""

from classifiers.nlp.pipelines import analyse, pipeline_for

__all__ = ["analyse", "pipeline_for"]

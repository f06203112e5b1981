"""Rubric scoring: proposed points per indicator, the verdict and its reasons (issue 5).

Rules live in data/rubrics/<edition>.yaml; this package only applies them.
"""

from pipeline.scoring.engine import score_portfolio
from pipeline.scoring.rubric import Indicator, Rubric, editions, load_rubric, required_level

__all__ = ["Indicator", "Rubric", "editions", "load_rubric", "required_level", "score_portfolio"]

"""Rubric scoring: proposed points per indicator, the verdict and its reasons."""

from pipeline.scoring.engine import score_portfolio
from pipeline.scoring.rubric import edition as load_edition
from pipeline.scoring.rubric import required_level

__all__ = ["load_edition", "required_level", "score_portfolio"]

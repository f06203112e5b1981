"""Classifiers and field rules: document type, activity, level, result, names, dates, approved-list matching."""

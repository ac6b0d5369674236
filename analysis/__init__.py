"""Slant: loaded language, tone and attribution in news articles, paragraph by paragraph."""

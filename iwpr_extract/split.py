"""Placeholder: replaced by the real splitter in the next commit."""

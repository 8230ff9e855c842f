"""Regenerated figures (matplotlib, PDF and PNG), one module per paper topic."""

__all__: list[str] = []

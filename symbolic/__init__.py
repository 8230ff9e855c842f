"""Exact derivations of the papers' results: sympy objects in, sympy objects out.

Submodules are named after the economics (``hotelling``, ...); the model objects that
the numeric side shares live in :mod:`symbolic.models`.  Importing this package
imports nothing else, so ``numeric`` can use the model classes without touching a
symbolic derivation.
"""

__all__: list[str] = []

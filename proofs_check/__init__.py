"""The claims registry, the checker, LaTeX/JSON reports and the ``surplus`` command line.

Every claim of the papers is one declarative :class:`~proofs_check.registry.Claim` in
``proofs_check/claims/<paper>.py``; :func:`proofs_check.checker.check` runs its symbolic
derivation and its independent numeric witness, compares them, and compares the derived
values with what the paper prints.
"""

__all__: list[str] = []

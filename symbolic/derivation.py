"""The result of an exact derivation: named values, the steps that led to them, remarks.

A :class:`Derivation` is what every symbolic function behind a claim returns.  Values are
sympy objects (numbers, expressions in the model's symbols, Piecewise functions or
booleans); ``steps`` records the intermediate objects in order so that a reader can follow
the derivation; ``remarks`` carry what the derivation noticed about the paper's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

__all__ = ["Derivation", "Step"]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a derivation: what was done and the sympy object it produced."""

    description: str
    result: Any


@dataclass(frozen=True)
class Derivation:
    """Named exact values with the steps that derived them.

    Parameters
    ----------
    values
        Quantity name to sympy object.  Names are the checker's keys and must match the
        numeric witness's names.
    steps
        The derivation in order.
    labels
        LaTeX for each quantity name (defaults to the name in ``\\mathrm``).
    remarks
        Plain-text observations, e.g. where the paper's printed text differs.

    Examples
    --------
    >>> d = Derivation({"x": sp.Rational(1, 2)}, labels={"x": "x^*"})
    >>> d.label("x"), d.label("y")
    ('x^*', '\\\\mathrm{y}')
    >>> d._repr_latex_()
    '$$\\\\begin{aligned}x^* &= \\\\frac{1}{2}\\\\end{aligned}$$'
    """

    values: Mapping[str, Any]
    steps: tuple[Step, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    remarks: tuple[str, ...] = ()

    def label(self, name: str) -> str:
        """LaTeX label of quantity ``name``."""
        return self.labels.get(name, r"\mathrm{" + name.replace("_", r"\_") + "}")

    def _repr_latex_(self) -> str:
        """The derived values as aligned equations (Jupyter shows them typeset)."""
        rows = [f"{self.label(name)} &= {sp.latex(value, ln_notation=True)}" for name, value in self.values.items()]
        return "$$\\begin{aligned}" + " \\\\ ".join(rows) + "\\end{aligned}$$"

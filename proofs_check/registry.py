"""Claims as declarative entries: what a paper states, where, and how to check it.

A :class:`Claim` names the symbolic derivation, the independent numeric witness, the values
the paper prints and the LaTeX producer.  Nothing is computed when the registry is
imported; :mod:`proofs_check.checker` runs the entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

__all__ = ["Printed", "Claim", "PAPERS"]

PAPERS: dict[str, str] = {
    "bbm": "Bergemann, Brooks, Morris: On the Alignment of Consumer Surplus and Total Surplus "
    "under Competitive Price Discrimination",
    "yz": "Yang, Zentefis: Regulating Oligopolistic Competition",
}

_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Printed:
    """A value as the paper prints it.

    Parameters
    ----------
    quantity
        The name of the derived quantity it refers to.
    text
        The print, character for character as it appears (``"≈ 0.57"``, ``"1/e^2"``).
    exact
        For a printed formula or exact number: its transcription as a sympy string, in the
        derivation's symbols (``"exp(-2)"``, ``"(1 + b + b*(log(B) - log(b)))/2"``).
        Absent for a rounded decimal, whose value is read from ``text``.
    rounding
        How the paper rounds its decimals: ``"round"`` (to nearest, halves up) or
        ``"truncate"``.

    Examples
    --------
    >>> Printed("CS*", "≈ 0.57").decimal
    Decimal('0.57')
    >>> Printed("b*", "1/e^2", exact="exp(-2)").decimal is None
    True
    """

    quantity: str
    text: str
    exact: str | None = None
    rounding: str = "round"

    def __post_init__(self) -> None:
        if self.rounding not in ("round", "truncate"):
            raise ValueError(f"rounding must be 'round' or 'truncate'; got {self.rounding!r}")
        if self.exact is None and not _NUMBER.search(self.text):
            raise ValueError(f"printed text {self.text!r} holds no number and no exact transcription was given")

    @property
    def decimal(self) -> Decimal | None:
        """The printed decimal (for a rounded print), else None."""
        if self.exact is not None:
            return None
        return Decimal(_NUMBER.findall(self.text)[-1])


@dataclass(frozen=True)
class Claim:
    """One claim of a paper: a declarative entry, no logic.

    ``symbolic`` returns a :class:`symbolic.derivation.Derivation`; ``numeric`` takes the
    precision ``dps`` and returns a :class:`numeric.estimate.Witness` with the same
    quantity names; ``latex`` turns the derivation into a LaTeX snippet (``None``: the
    default, one aligned equation per quantity); each of ``figures`` draws a regenerated
    figure into a folder and returns ``[(path of the PDF, caption), ...]`` for the report.
    """

    id: str
    where: str
    statement: str
    symbolic: Callable[[], Any]
    numeric: Callable[[int], Any]
    printed: tuple[Printed, ...] = ()
    latex: Callable[[Any], str] | None = None
    figures: tuple[Callable[[Path], list[tuple[Path, str]]], ...] = field(default=())

    @property
    def paper(self) -> str:
        """The paper's short id, the prefix of the claim id."""
        return self.id.split(".", 1)[0]

"""The claims of Yang, Zentefis, *Regulating Oligopolistic Competition* (``yz``): one
declarative entry each."""

from __future__ import annotations

from numeric import ironing as ironing_num
from proofs_check.registry import Claim
from symbolic import ironing as ironing_sym

__all__ = ["CLAIMS"]

CLAIMS: tuple[Claim, ...] = (
    Claim(
        id="yz.lemma3",
        where="yz, section 4, Lemma 3 and footnote 8; appendix A.1",
        statement="For any G (density, atoms or both) and Pareto weights 0 <= Lambda <= G there is a "
        "nondecreasing ironed virtual cost phi with int theta Q dG + int (G - Lambda) Q >= int phi Q dG "
        "for every nonincreasing Q, with equality for Q measurable in phi (three firms whose psi "
        "needs ironing, one with atoms and no density).",
        symbolic=ironing_sym.lemma3,
        numeric=ironing_num.lemma3,
    ),
)

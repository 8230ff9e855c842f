r"""LaTeX producers for the Hotelling claims of bbm (section III.C)."""

from __future__ import annotations

import sympy as sp

from proofs_check.latex import equations, math
from symbolic.derivation import Derivation
from symbolic.hotelling import B, b, r
from symbolic.models import TwoSidedPareto

__all__ = ["truncated_pareto"]


def truncated_pareto(derivation: Derivation) -> str:
    r"""G_b^B as a cases display with the intervals written out, then its atoms and density.

    Examples
    --------
    >>> from symbolic.hotelling import truncated_pareto as derive
    >>> print(truncated_pareto(derive()).splitlines()[2])
    0, & r < - B, \\
    """
    pieces = TwoSidedPareto(b, B).pieces()
    bounds = [None, *[u for u, _ in pieces[:-1]], None]
    rows = []
    for k, (_, value) in enumerate(pieces):
        lo, hi = bounds[k], bounds[k + 1]
        if lo is None:
            cond = f"r < {math(hi)}"
        elif hi is None:
            cond = f"r \\ge {math(lo)}"
        else:
            cond = f"{math(lo)} \\le r < {math(hi)}"
        rows.append(f"{math(sp.sympify(value(r)))}, & {cond}")
    cases = "G_b^B(r) = \\begin{cases}\n" + ", \\\\\n".join(rows) + "\n\\end{cases}"
    rest = Derivation({k: v for k, v in derivation.values.items() if k != "G"}, labels=derivation.labels)
    return "\\begin{equation*}\n" + cases + "\n\\end{equation*}\n" + equations(rest)

r"""LaTeX tables (booktabs) for the finite-market claims of bbm (section II, Example 1, appendix A1)."""

from __future__ import annotations

import sympy as sp

from proofs_check.latex import escape
from symbolic.derivation import Derivation

__all__ = ["residual_table", "conditional_table", "segmentation_table", "theorem_table"]

_ORDER = ((1, 1), (1, 0), (4, 1), (4, 0))


def math(value: object) -> str:
    """A table cell's LaTeX: fractions written a/b."""
    return sp.latex(sp.sympify(value), fold_short_frac=True)


def _printed(claim_id: str) -> dict[str, object]:
    """The claim's printed exact values by quantity (looked up when the table is set)."""
    from proofs_check.claims import get

    return {p.quantity: sp.sympify(p.exact) for p in get(claim_id).printed if p.exact is not None}


def _cell(derivation: Derivation, name: str, printed: dict[str, object]) -> str:
    """The derived value, and the printed one beside it in brackets when they differ."""
    value = derivation.values[name]
    shown = f"${math(value)}$"
    if name in printed and sp.simplify(sp.sympify(value) - printed[name]) != 0:
        shown += f" [print ${math(printed[name])}$]"
    return shown


def _table(spec: str, header: list[str], rows: list[list[str]], caption: str) -> str:
    lines = [r"\begin{table}[h]", r"\centering", f"\\begin{{tabular}}{{{spec}}}", r"\toprule",
             " & ".join(header) + r" \\", r"\midrule"]
    lines += [" & ".join(row) + r" \\" for row in rows]
    lines += [r"\bottomrule", r"\end{tabular}", f"\\par\\smallskip {{\\small {caption}}}",
              r"\end{table}"]
    return "\n".join(lines)


def residual_table(derivation: Derivation) -> str:
    r"""The 4 x 4 table of :math:`r_i` (rows :math:`(v_i, c_i)`, columns :math:`(v_j, c_j)`).

    Examples
    --------
    >>> from symbolic.alignment import example_residual_table
    >>> "\\toprule" in residual_table(example_residual_table())
    True
    """
    header = [r"$(v_i, c_i) \backslash (v_j, c_j)$"] + [f"$({v}, {c})$" for v, c in _ORDER]
    printed = _printed("bbm.ex1.residual_table")
    rows = []
    for vi, ci in _ORDER:
        rows.append([f"$({vi}, {ci})$"] + [_cell(derivation, f"r[({vi},{ci}),({vj},{cj})]", printed)
                                            for vj, cj in _ORDER])
    return _table("lrrrr", header, rows, "Residual willingness to pay $r_i$ of equation (2), Example 1; "
                  "[print $x$]: the paper's table differs there.")


def conditional_table(derivation: Derivation) -> str:
    r"""Pr(c_i) and the distribution of :math:`r_i` given :math:`c_i` (i the unique efficient producer).

    Examples
    --------
    >>> from symbolic.alignment import example_conditional
    >>> "1 / 3" in conditional_table(example_conditional())
    True
    """
    v = derivation.values
    rows = [[f"${c}$", f"${math(v[f'prob_c{c}'])}$"] + [f"${math(v[f'nu_c{c}_r{r}'])}$" for r in (1, 3, 4)]
            for c in (1, 0)]
    return _table("lrrrr", ["$c_i$", "Prob", "$r_i = 1$", "$r_i = 3$", "$r_i = 4$"], rows,
                  "Conditional distribution of $r_i$ given $c_i$, Example 1.")


def segmentation_table(derivation: Derivation) -> str:
    r"""The segments for :math:`c_i = 0`: price, weight and the distribution of :math:`r_i` in each.

    Examples
    --------
    >>> from symbolic.alignment import example_segmentation
    >>> segmentation_table(example_segmentation()).count("\\\\") >= 5
    True
    """
    v = derivation.values
    printed = _printed("bbm.ex1.segmentation")
    count = sum(1 for k in v if k.startswith("weight_"))
    rows = [[f"$p_i = {math(v[f'price_{t}'])}$", _cell(derivation, f"weight_{t}", printed)]
            + [_cell(derivation, f"x{t}_r{r}", printed) for r in (1, 3, 4)] for t in range(1, count + 1)]
    rows.append(["Total", "$1$"] + [_cell(derivation, f"total_r{r}", printed) for r in (1, 3, 4)])
    return _table("lrrrr", ["Segment", "Prob", "$r_i = 1$", "$r_i = 3$", "$r_i = 4$"], rows,
                  "Uniform profit-preserving segmentation given $c_i = 0$, Example 1; [print $x$]: the paper's "
                  "two-segment table differs there (it has no third segment).")


def theorem_table(derivation: Derivation) -> str:
    r"""Theorem 1 on each instance: lower bounds, TS, CS and whether each randomisation is an equilibrium.

    Examples
    --------
    >>> from symbolic.alignment import theorem_one
    >>> "runner" in theorem_table(theorem_one())
    True
    """
    v = derivation.values
    names = [k[len("TS_"):] for k in v if k.startswith("TS_")]
    rows = []
    for name in names:
        ps = [f"${math(v[k])}$" for k in v if k.startswith("PS_") and k.endswith("_" + name)]
        rows.append([escape(name.replace("_", " ")), ", ".join(ps), f"${math(v[f'TS_{name}'])}$", f"${math(v[f'CS_{name}'])}$",
                     "yes" if v[f"equilibrium_{name}"] else "no", "yes" if v[f"printed_equilibrium_{name}"] else "no"])
    table = _table("llrrcc", ["instance", r"$\underline{PS}_i$", r"$TS = \overline{TS}$", "$CS$", "equilibrium",
                              "as printed"], rows,
                   "Theorem 1: the construction with the derived randomisation, and with the printed one.")
    return table

r"""LaTeX for claims: snippets that compile inside a document with amsmath and booktabs.

The default producer :func:`equations` sets one aligned equation per derived quantity;
paper-specific producers (``proofs_check.latex.hotelling``) set cases and tables.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import sympy as sp

from symbolic.derivation import Derivation

__all__ = ["escape", "math", "equations", "PREAMBLE"]

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage{amsmath,amssymb}
\usepackage{booktabs}
\usepackage{longtable}
\usepackage{array}
\usepackage{graphicx}
\usepackage[margin=2.2cm]{geometry}
\usepackage[hidelinks]{hyperref}
"""
"""A preamble under which every snippet and the report compile."""

_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}",
    "≈": r"$\approx$", "≤": r"$\le$", "≥": r"$\ge$", "−": "-", "–": "--", "—": "---",
    "≡": r"$\equiv$", "±": r"$\pm$", "∫": r"$\int$", "μ": r"$\mu$", "∞": r"$\infty$",
    "≠": r"$\neq$", "·": r"$\cdot$", "×": r"$\times$", "∈": r"$\in$", "λ": r"$\lambda$",
    "Λ": r"$\Lambda$", "θ": r"$\theta$", "φ": r"$\varphi$", "ψ": r"$\psi$", "κ": r"$\kappa$",
    "α": r"$\alpha$", "τ": r"$\tau$", "Σ": r"$\Sigma$", "∑": r"$\sum$", "’": "'", "“": "``", "”": "''",
}


def escape(text: str) -> str:
    r"""Escape plain text for LaTeX.

    Characters that pdflatex cannot set in text (≈, ≤, ∫, Greek letters) become math;
    any other non-ASCII character becomes ``?`` so that the document always compiles.

    Examples
    --------
    >>> escape("G_b^B & 50%")
    'G\\_b\\textasciicircum{}B \\& 50\\%'
    >>> escape("≈ 0.57")
    '$\\approx$ 0.57'
    >>> escape("ρ(ε) ≤ r̂₁")
    '$\\rho$($\\varepsilon$) $\\le$ r1'
    """
    return "".join(_char(ch) for ch in unicodedata.normalize("NFC", text))


_GREEK_CAPITALS = {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"}


def _char(ch: str) -> str:
    """One character as LaTeX text: specials escaped, Greek as math, accents dropped."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch
    if unicodedata.combining(ch):
        return ""  # r-hat, theta-bar: keep the letter, drop the accent
    name = unicodedata.name(ch, "")
    if name.startswith("GREEK SMALL LETTER "):
        letter = name.removeprefix("GREEK SMALL LETTER ").lower()
        letter = {"epsilon": "varepsilon", "final sigma": "varsigma", "lamda": "lambda"}.get(letter, letter)
        if letter.isalpha() and letter not in ("omicron",):
            return f"$\\{letter}$"
    if name.startswith("GREEK CAPITAL LETTER "):
        letter = name.removeprefix("GREEK CAPITAL LETTER ").capitalize().replace("Lamda", "Lambda")
        return f"$\\{letter}$" if letter in _GREEK_CAPITALS else letter[0]
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
    return escape(decomposed) if decomposed else "?"


def math(value: Any) -> str:
    """sympy's LaTeX for a value, with logarithms written ``\\ln``.

    Examples
    --------
    >>> math(sp.log(sp.Symbol("b")) / 2)
    '\\\\frac{\\\\ln{\\\\left(b \\\\right)}}{2}'
    """
    return sp.latex(sp.sympify(value), ln_notation=True)


def equations(derivation: Derivation) -> str:
    r"""One aligned equation per derived quantity.

    Examples
    --------
    >>> print(equations(Derivation({"b_star": sp.exp(-2)}, labels={"b_star": "b^*"})))
    \begin{align*}
    b^* &= e^{-2}
    \end{align*}
    """
    rows = [f"{derivation.label(name)} &= {math(value)}" for name, value in derivation.values.items()]
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"

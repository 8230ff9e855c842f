r"""LaTeX producers and Figure I for the regulation claims of yz."""

from __future__ import annotations

from pathlib import Path

import sympy as sp

from proofs_check.latex import equations, math
from symbolic.derivation import Derivation

__all__ = ["section51", "ironing", "figure_one"]


def _cases(pw: sp.Piecewise, var: str) -> str:
    rows = []
    for value, cond in pw.args:
        cond_tex = "\\text{otherwise}" if cond is sp.true else math(cond)
        rows.append(f"{math(value)}, & {cond_tex}")
    return "\\begin{cases}\n" + " \\\\\n".join(rows) + "\n\\end{cases}"


def section51(derivation: Derivation) -> str:
    r"""The caps of section 5.1 as cases, the thresholds, and the four regions in words.

    Examples
    --------
    >>> from symbolic.pryce_cap import section51 as derive
    >>> "\\begin{cases}" in section51(derive())
    True
    """
    v = derivation.values
    join = v["join"]
    out = [
        "\\begin{align*}",
        f"\\bar s &= {math(v['alone'])}, \\qquad s^* = {math(v['s_star'])} \\\\",
        f"c(s_1) &= {math(join)} \\\\",
        f"\\bar p_2(s_1) &= \\begin{{cases}} c(s_1), & s_1 \\le s^*, \\\\ s_1, & s^* < s_1 \\le \\bar s, \\\\ "
        f"\\bar s, & s_1 > \\bar s, \\end{{cases}} \\qquad \\bar p_1(s_2) = \\bar p_2(s_2)",
        "\\end{align*}",
        "\\begin{align*}",
        "\\mathcal E^P(s) &= \\{1,2\\} \\iff s_2 \\le c(s_1)\\ (s_1 \\le s_2) \\text{ or } s_1 \\le c(s_2)\\ (s_2 < s_1), \\\\",
        "\\mathcal E^P(s) &= \\{1\\} \\iff s_1 \\le \\bar s,\\ s_1 \\le s_2 \\text{ and not both}, \\qquad"
        " \\mathcal E^P(s) = \\{2\\} \\iff s_2 \\le \\bar s,\\ s_2 < s_1 \\text{ and not both}, \\\\",
        "\\mathcal E^P(s) &= \\emptyset \\iff s_1 > \\bar s \\text{ and } s_2 > \\bar s.",
        "\\end{align*}",
    ]
    return "\n".join(out)


def ironing(derivation: Derivation) -> str:
    r"""Each firm's ironed virtual cost as cases, then the remaining quantities.

    Examples
    --------
    >>> from symbolic.ironing import lemma3
    >>> ironing(lemma3()).count("\\begin{cases}") >= 3
    True
    """
    parts = []
    rest = {}
    for name, value in derivation.values.items():
        if isinstance(value, sp.Piecewise):
            parts.append(f"{derivation.label(name)} = {_cases(value, 'x')}")
        else:
            rest[name] = value
    display = "\\begin{gather*}\n" + " \\\\\n".join(parts) + "\n\\end{gather*}\n" if parts else ""
    return display + equations(Derivation(rest, labels=derivation.labels))


def figure_one(out_dir: Path) -> list[tuple[Path, str]]:
    """Figure I of yz (missing from the text), regenerated from the derived closed forms.

    Writes ``yz_figure_I.pdf`` and ``yz_figure_I.png`` into ``out_dir``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    from symbolic.pryce_cap import s1, section51_closed_forms

    forms = section51_closed_forms()
    join = sp.lambdify(s1, forms["join"], "numpy")
    alone, star = float(forms["alone"]), float(sp.N(forms["s_star"]))
    n = 801
    grid = np.linspace(0.0, 1.0, n)
    S1, S2 = np.meshgrid(grid, grid)
    both = ((S1 <= S2) & (S2 <= join(S1))) | ((S2 < S1) & (S1 <= join(S2)))
    only1 = ~both & (S1 <= alone) & (S1 <= S2)
    only2 = ~both & (S2 <= alone) & (S2 < S1)
    code = np.where(both, 3, np.where(only1, 1, np.where(only2, 2, 0)))

    def cap(other: np.ndarray) -> np.ndarray:
        return np.where(other <= star, join(other), np.where(other <= alone, other, alone))

    fig, axes = plt.subplots(1, 2, figsize=(11, 5.2))
    colors = ListedColormap(["#eeeeee", "#c6dbef", "#fdd0a2", "#c7e9c0"])
    for ax, top in zip(axes, (1.0, 0.35)):
        ax.pcolormesh(S1, S2, code, cmap=colors, vmin=-0.5, vmax=3.5, shading="auto", rasterized=True)
        ax.plot(grid, cap(grid), color="#e6a100", lw=2.2, label=r"$\bar p_2(s_1)$")
        ax.plot(cap(grid), grid, color="#1b9e9e", lw=2.2, ls="--", label=r"$\bar p_1(s_2)$")
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_aspect("equal")
        ax.set_xlabel(r"$s_1$")
        ax.set_ylabel(r"$s_2$")
    axes[0].set_title(r"Values of $\mathcal{E}^P(s_1, s_2)$ on $[0,1]^2$")
    axes[1].set_title(r"Detail: $s^*\approx%.4f$, $\bar s = 2-\sqrt{3}\approx%.4f$" % (star, alone))
    handles = [Patch(color="#c7e9c0", label=r"$\{1,2\}$"), Patch(color="#c6dbef", label=r"$\{1\}$"),
               Patch(color="#fdd0a2", label=r"$\{2\}$"), Patch(color="#eeeeee", label=r"$\emptyset$")]
    lines = axes[0].get_legend_handles_labels()[0]
    axes[0].legend(handles=handles + lines, loc="upper right", fontsize=9)
    fig.suptitle("Figure I (yz, section 5.1): N = 2, values and types U[0,1], kappa = 1, Lambda(x) = x")
    fig.tight_layout()
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf, png = out_dir / "yz_figure_I.pdf", out_dir / "yz_figure_I.png"
    fig.savefig(pdf)
    fig.savefig(png, dpi=130)
    plt.close(fig)
    caption = ("Figure I of yz regenerated: the regions of E^P(s1, s2) and the yardstick caps p2(s1) (solid, "
               "gold) and p1(s2) (dashed, blue-green), from the derived closed forms; right: the corner "
               "[0, 0.35]^2.")
    return [(pdf, caption)]

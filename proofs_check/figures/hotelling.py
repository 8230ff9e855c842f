"""Figure 2 of bbm: densities of the consumer-surplus-maximising interim residual.

The paper's solution G_{b*}^{B*} (producers learn who is efficient) against the
Armstrong--Zhou benchmark (producers uninformed, equal pure-strategy prices), for the
binary example or any symmetric prior F.  Continuous parts are drawn as densities, atoms as
stems labelled with their mass.

Paper: bbm, section III.C, Figure 2 (missing from the extracted text).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import mpmath  # noqa: E402
import numpy as np  # noqa: E402

from numeric.hotelling import armstrong_zhou, optimal_information  # noqa: E402
from symbolic.models import SymmetricResidual, TwoSidedPareto  # noqa: E402

__all__ = ["figure2", "binary_figure2"]


def figure2(F: SymmetricResidual, path: Path, title: str = "") -> list[tuple[Path, str]]:
    """Draw Figure 2 for the prior F into ``path`` (a .pdf or .png name; both are written).

    Returns ``[(pdf path, caption)]`` for the report.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    V = float(F.vbar)
    with mpmath.workdps(20):
        ours = optimal_information(F, dps=15)
    b, B = float(ours.b), float(ours.B)
    az = armstrong_zhou(F, n=200)

    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    r = np.linspace(-V, V, 4001)
    G = TwoSidedPareto(mpmath.mpf(b), mpmath.mpf(B))
    with np.errstate(invalid="ignore"):
        density = np.gradient(G.cdf_array(r), r)
    density[np.abs(np.abs(r) - B) < 2 * (r[1] - r[0])] = np.nan  # the atoms are drawn as stems
    ax.plot(r, density, color="C0", lw=2, label=f"this paper: $G_{{b^*}}^{{B^*}}$, $b^*={b:.3f}$, $B^*={B:.3f}$")
    atom = b / (2 * B)
    ax.vlines([-B, B], 0, atom * 40, color="C0", lw=2, linestyles="-")
    ax.plot([-B, B], [atom * 40] * 2, "o", color="C0")
    for x in (-B, B):
        ax.annotate(f"atom {atom:.3f}", (x, atom * 40), textcoords="offset points", xytext=(0, 6), ha="center", color="C0", fontsize=8)

    x, s = az.support, az.weights
    h = x[1] - x[0]
    cells = (x[1:] + x[:-1]) / 2
    dens = (s[:-1] - s[1:]) / h
    ax.step(np.concatenate([-cells[::-1], cells]), np.concatenate([dens[::-1], dens]), where="mid", color="C3",
            lw=1.2, label=f"Armstrong–Zhou: price $p={az.price:.3f}$")
    if s[-1] > 1e-9:
        ax.vlines([-V, V], 0, s[-1] * 40, color="C3", lw=1.2)
        ax.plot([-V, V], [s[-1] * 40] * 2, "s", color="C3")
        ax.annotate(f"atom {s[-1]:.3f}", (V, s[-1] * 40), textcoords="offset points", xytext=(0, -14), ha="center", color="C3", fontsize=8)
    top = np.nanmax([np.nanmax(density), dens.max()])
    ax.set_ylim(0, min(top * 1.1, 12))
    ax.set_xlabel("interim residual $r$")
    ax.set_ylabel("density (atoms: stem height = 40 x mass)")
    ax.set_title(title or "Probability density of consumer surplus maximising interim values")
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    pdf, png = path.with_suffix(".pdf"), path.with_suffix(".png")
    fig.savefig(pdf)
    fig.savefig(png, dpi=130)
    plt.close(fig)
    caption = (f"Figure 2 regenerated: CS-maximising interim residual. This paper: CS = {float(ours.cs):.4f}, "
               f"TS = {float(ours.ts):.4f}; Armstrong-Zhou: price {az.price:.4f}, CS = {az.cs:.4f}, TS = {az.ts:.4f}.")
    return [(pdf, caption)]


def binary_figure2(out_dir: Path) -> list[tuple[Path, str]]:
    """Figure 2 for the binary example (r = +-1), as in the paper."""
    F = SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"})
    return figure2(F, Path(out_dir) / "bbm_figure2_binary.pdf", "Figure 2 (binary example): densities of the interim residual")

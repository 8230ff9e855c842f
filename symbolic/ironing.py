r"""Virtual costs and their ironing for any type distribution and any Pareto weights.

The virtual cost is :math:`\psi(\theta) = \theta + (G(\theta) - \Lambda(\theta))/g(\theta)`
where G has a density.  For any G (atoms, gaps, no density) the construction behind
Monteiro--Svaiter works in quantile space: the signed measure
:math:`\nu(d\theta) = \theta\,G(d\theta) + (G - \Lambda)(\theta)\,d\theta` has the CDF
:math:`N(\theta) = \nu([\underline\theta, \theta])`; the curve
:math:`\{(G(\theta), N(\theta))\}` -- straight segments of slope :math:`\theta` across an atom,
vertical across a gap of the support -- has slope :math:`\psi` where G has a density; its
greatest convex minorant :math:`C` gives the ironed virtual cost
:math:`\varphi(\theta) = C'(G(\theta))`, averaged over an atom's quantile range.  A gap's
mass attaches to the next point of the support.

Everything here is exact: the hull is built from points, segments and convex arcs of the
curve, bridges between them are common tangents solved by sympy.

Paper: yz, Lemma 3 (and its footnote 8), appendix A.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.models.regulation import Firm, branch, breakpoints, x

__all__ = [
    "virtual_cost",
    "integrated_virtual_cost",
    "Ironing",
    "ironed_virtual_cost",
]


def virtual_cost(firm: Firm) -> sp.Expr:
    r"""The virtual cost :math:`\psi = \theta + (G - \Lambda)/g` where G has a density.

    Paper: yz, section 4, definition of :math:`\psi_i` before Lemma 4.

    Returns
    -------
    sympy.Expr
        :math:`\psi` as an expression in :data:`x` (a Piecewise over the pieces of G and
        Lambda).

    Raises
    ------
    ValueError
        When G has an atom or a flat piece: :math:`\psi` needs a positive density; use
        :func:`ironed_virtual_cost`, which handles any G.

    Examples
    --------
    >>> virtual_cost(Firm("x", (0, 1), "x/2"))
    3*x/2
    >>> virtual_cost(Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0"))
    Traceback (most recent call last):
    ...
    ValueError: G_1 has an atom at x=0: psi needs a density (ironed_virtual_cost handles atoms)
    """
    for point, _ in firm.atoms():
        raise ValueError(f"G_{firm.name} has an atom at x={point}: psi needs a density (ironed_virtual_cost handles atoms)")
    lo, hi = firm.support
    nodes = _nodes(firm)
    pieces = []
    for a, b in zip(nodes, nodes[1:]):
        G, L = branch(firm.G, (a + b) / 2), branch(firm.Lambda, (a + b) / 2)
        g = sp.diff(G, x)
        if g == 0:
            raise ValueError(f"G_{firm.name} is flat on ({a}, {b}): psi needs a positive density")
        pieces.append((sp.simplify(x + (G - L) / g), b))
    if len(pieces) == 1:
        return pieces[0][0]
    return sp.Piecewise(*[(e, x < b) for e, b in pieces[:-1]], (pieces[-1][0], True))


def _nodes(firm: Firm) -> list[sp.Expr]:
    lo, hi = firm.support
    inner = set(breakpoints(firm.G, lo, hi)) | set(breakpoints(firm.Lambda, lo, hi))
    return [lo, *sorted(inner, key=float), hi]


@dataclass(frozen=True)
class _Arc:
    """A piece of the curve (G(t), N(t)) for t in [a, b], convex when ``psi`` is nondecreasing."""

    a: Any
    b: Any
    u: sp.Expr  # G on the piece, in x
    y: sp.Expr  # N on the piece, in x
    psi: sp.Expr

    def at(self, t: Any) -> tuple[Any, Any]:
        return sp.simplify(self.u.subs(x, t)), sp.simplify(self.y.subs(x, t))


@dataclass(frozen=True)
class _Point:
    u: Any
    y: Any
    theta: Any
    upper: bool  # True at G(theta), False at G(theta^-) (the two ends of an atom's segment)


def integrated_virtual_cost(firm: Firm) -> tuple[list[Any], list[Step]]:
    r"""The curve :math:`\theta \mapsto (G(\theta), N(\theta))` as points and arcs, in order.

    Paper: yz, appendix A.1 (the measure :math:`\nu_i` and its CDF :math:`N_i`).

    Returns
    -------
    (elements, steps)
        ``elements`` alternate :class:`_Point` (corners: ends of atoms and gaps) and
        :class:`_Arc` (pieces with a density, split where :math:`\psi` changes monotonicity).

    Examples
    --------
    >>> elements, _ = integrated_virtual_cost(Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0"))
    >>> [(e.u, e.y) for e in elements]
    [(0, 0), (1/2, 0), (1/2, 1/2), (1, 1)]
    """
    nodes = _nodes(firm)
    steps: list[Step] = []
    elements: list[Any] = []
    N = sp.Integer(0)
    lo = nodes[0]
    for k, node in enumerate(nodes):
        left_u = firm.G_left(node)
        right_u = firm.G.subs(x, node)
        jump = sp.simplify(right_u - left_u)
        elements.append(_Point(left_u, N, node, False))
        if jump != 0:
            N = sp.simplify(N + node * jump)
            steps.append(Step(f"atom of G_{firm.name} at x = {node}: mass {jump}, nu-mass theta * mass", node * jump))
            elements.append(_Point(right_u, N, node, True))
        if k == len(nodes) - 1:
            break
        a, b = node, nodes[k + 1]
        G, L = branch(firm.G, (a + b) / 2), branch(firm.Lambda, (a + b) / 2)
        g = sp.diff(G, x)
        t = sp.Dummy("t")
        y = sp.simplify(N + sp.integrate((t * g.subs(x, t) + G.subs(x, t) - L.subs(x, t)), (t, a, x)))
        if g == 0:
            steps.append(Step(f"G_{firm.name} flat on ({a}, {b}): a gap, nu-mass of (G - Lambda) d theta", y.subs(x, b) - N))
            N = sp.simplify(y.subs(x, b))
            continue
        psi = sp.simplify(x + (G - L) / g)
        steps.append(Step(f"virtual cost on ({a}, {b}): psi = x + (G - Lambda)/g", psi))
        cuts = [c for c in _real_roots(sp.diff(psi, x), a, b)]
        ends = [a, *cuts, b]
        for c0, c1 in zip(ends, ends[1:]):
            mid = (c0 + c1) / 2
            slope = sp.diff(psi, x).subs(x, mid)
            if (slope < 0) is sp.true:  # concave: only its end points can touch the hull
                elements.append(_Point(G.subs(x, c1), sp.simplify(y.subs(x, c1)), c1, True))
                steps.append(Step(f"psi decreasing on ({c0}, {c1}): the curve is concave there", psi))
            else:
                elements.append(_Arc(c0, c1, G, y, psi))
                elements.append(_Point(G.subs(x, c1), sp.simplify(y.subs(x, c1)), c1, True))
        N = sp.simplify(y.subs(x, b))
        elements.append(_Point(G.subs(x, b), N, b, True))
    del lo
    return _dedupe(elements), steps


def _dedupe(elements: list[Any]) -> list[Any]:
    out: list[Any] = []
    for e in elements:
        if out and isinstance(e, _Point) and isinstance(out[-1], _Point) and e.u == out[-1].u and e.y == out[-1].y:
            if e.upper and not out[-1].upper:
                out[-1] = e if e.theta == out[-1].theta else out[-1]
            continue
        out.append(e)
    return out


def _real_roots(expr: sp.Expr, a: Any, b: Any) -> list[Any]:
    if expr == 0 or not expr.has(x):
        return []
    try:
        roots = sp.solve(sp.Eq(expr, 0), x)
    except NotImplementedError:
        raise NotImplementedError(f"cannot solve {expr} = 0 exactly to split the virtual cost into monotone pieces") from None
    return sorted((r for r in roots if r.is_real and (r > a) is sp.true and (r < b) is sp.true), key=float)


def _slope(p: _Point, q: _Point) -> Any:
    du = sp.simplify(q.u - p.u)
    if du == 0:
        return sp.oo if (q.y > p.y) is sp.true else (sp.Integer(0) if q.y == p.y else -sp.oo)
    return sp.simplify((q.y - p.y) / du)


def _ge(a: Any, b: Any) -> bool:
    if a is sp.oo or b is -sp.oo:
        return True
    if b is sp.oo or a is -sp.oo:
        return a == b
    diff = sp.simplify(a - b)
    decided = diff >= 0
    if decided in (sp.true, sp.false):
        return bool(decided)
    raise NotImplementedError(f"cannot decide the sign of {diff}")


def _solve_in(eq: sp.Expr, a: Any, b: Any) -> Any | None:
    """The root of an increasing function ``eq`` of x in (a, b), or None."""
    roots = sp.solve(sp.Eq(sp.simplify(eq), 0), x)
    inside = [r for r in roots if r.is_real and (r > a) is sp.true and (r < b) is sp.true]
    return sp.simplify(inside[0]) if inside else None


def _tangent_from_point(p: _Point, arc: _Arc, a: Any, b: Any) -> Any | None:
    """The t in (a, b) where the line from p touches the convex arc (None: no interior touch)."""
    h = arc.psi * (arc.u - p.u) - (arc.y - p.y)
    return _solve_in(h, a, b)


def _tangent_to_point(arc: _Arc, a: Any, b: Any, q: _Point) -> Any | None:
    h = arc.psi * (q.u - arc.u) - (q.y - arc.y)
    return _solve_in(-h, a, b)


def _common_tangent(left: _Arc, la: Any, lb: Any, right: _Arc, ra: Any, rb: Any) -> tuple[Any, Any] | None:
    t1, t2 = sp.symbols("t1 t2", real=True)
    psi1, psi2 = left.psi.subs(x, t1), right.psi.subs(x, t2)
    eqs = [psi1 - psi2, psi1 * (right.u.subs(x, t2) - left.u.subs(x, t1)) - (right.y.subs(x, t2) - left.y.subs(x, t1))]
    try:
        sols = sp.solve(eqs, [t1, t2], dict=True)
    except NotImplementedError:
        raise NotImplementedError(f"cannot solve the common tangent of psi = {left.psi} and psi = {right.psi} exactly") from None
    for s in sols:
        u, v = sp.simplify(s[t1]), sp.simplify(s[t2])
        if u.is_real and v.is_real and (u >= la) is sp.true and (u <= lb) is sp.true and (v >= ra) is sp.true and (v <= rb) is sp.true:
            return u, v
    return None


@dataclass(frozen=True)
class Ironing:
    r"""The ironed virtual cost of one firm.

    Attributes
    ----------
    phi
        :math:`\varphi` as a Piecewise in :data:`x` on the support.
    intervals
        Ironing intervals ``(theta_1, theta_2, value)``: :math:`\varphi` is constant there and
        pools types whose :math:`\psi` differs.
    hull
        The vertices of the convex minorant in quantile space, ``(u, C(u))``.
    steps
        The derivation.
    """

    phi: sp.Expr
    intervals: tuple[tuple[Any, Any, Any], ...]
    hull: tuple[tuple[Any, Any], ...]
    steps: tuple[Step, ...]


def ironed_virtual_cost(firm: Firm) -> Ironing:
    r"""The ironed virtual cost :math:`\varphi` for any G and Lambda (Monteiro--Svaiter).

    Paper: yz, Lemma 3 and appendix A.1.

    Parameters
    ----------
    firm
        The firm; G may have atoms, gaps or a density; Lambda any valid Pareto weight.

    Returns
    -------
    Ironing
        :math:`\varphi` (nondecreasing), the ironing intervals and the hull.

    Raises
    ------
    NotImplementedError
        When a tangency equation has no exact solution sympy can find.

    Examples
    --------
    Two atoms: the gap's mass attaches to the upper atom, :math:`\varphi(1) = 1 + (1/2)/(1/2)`:

    >>> iron = ironed_virtual_cost(Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0"))
    >>> iron.phi.subs(x, 0), iron.phi.subs(x, 1), iron.intervals
    (0, 2, ())

    Uniform types, weights jumping from 0 to G at 1/2 (psi falls from 1 to 1/2 there):

    >>> iron = ironed_virtual_cost(Firm("x", (0, 1), "Piecewise((0, x < 1/2), (x, True))"))
    >>> iron.intervals
    ((sqrt(2)/4, sqrt(2)/2, sqrt(2)/2),)
    """
    elements, steps = integrated_virtual_cost(firm)
    stack: list[Any] = []  # _Point or (arc, start, end)

    def incoming_slope() -> Any:
        """Slope of the hull entering the point on top of the stack."""
        if len(stack) < 2:
            return -sp.oo
        prev, top = stack[-2], stack[-1]
        if isinstance(prev, tuple):
            end = _Point(*prev[0].at(prev[2]), prev[2], True)
            if end.u == top.u and end.y == top.y:
                return prev[0].psi.subs(x, prev[2])
            return _slope(end, top)
        return _slope(prev, top)

    def push_point(q: _Point) -> None:
        if stack:
            last = stack[-1]
            end = _Point(*last[0].at(last[2]), last[2], True) if isinstance(last, tuple) else last
            if end.u == q.u and end.y == q.y:
                return
        while stack:
            top = stack[-1]
            if isinstance(top, tuple):
                arc, a, b = top
                end = _Point(*arc.at(b), b, True)
                if _ge(_slope(end, q), arc.psi.subs(x, b)):
                    break
                t = _tangent_to_point(arc, a, b, q)
                if t is not None:
                    stack[-1] = (arc, a, t)
                    stack.append(_Point(*arc.at(t), t, True))
                    break
                stack.pop()  # the whole arc lies above the chord; its start point is below it on the stack
                continue
            if len(stack) >= 2:
                incoming = incoming_slope()
                if not _ge(_slope(top, q), incoming) or (top.u == q.u and (q.y <= top.y) is sp.true):
                    stack.pop()
                    continue
            elif top.u == q.u and (q.y < top.y) is sp.true:
                stack.pop()
                continue
            break
        stack.append(q)

    def bridge_from_point(top: _Point, arc: _Arc) -> tuple[Any, str]:
        """Where the line from ``top`` leaves the hull onto the arc: interior t, start or end."""
        a, b = arc.a, arc.b
        start, end = _Point(*arc.at(a), a, True), _Point(*arc.at(b), b, True)
        if _ge(arc.psi.subs(x, a), _slope(top, start)):
            return a, "start"
        if not _ge(arc.psi.subs(x, b), _slope(top, end)):
            return b, "end"  # the arc lies above the chord to its end
        t = _tangent_from_point(top, arc, a, b)
        if t is None:
            raise NotImplementedError(f"no exact tangent from ({top.u}, {top.y}) to the arc psi = {arc.psi}")
        return t, "interior"

    def land(arc: _Arc, t: Any, where: str) -> None:
        """Continue the hull on the arc from parameter t (or at its end point)."""
        if where == "end":
            push_point(_Point(*arc.at(arc.b), arc.b, True))
            return
        stack.append(_Point(*arc.at(t), t, True))
        stack.append((arc, t, arc.b))

    def push_arc(arc: _Arc) -> None:
        a, b = arc.a, arc.b
        start, finish = _Point(*arc.at(a), a, True), _Point(*arc.at(b), b, True)
        explicit_end = False
        while True:
            top = stack[-1]
            if isinstance(top, tuple):  # an arc on the hull, then this arc
                left, la, lb = top
                end = _Point(*left.at(lb), lb, True)
                if end.u == start.u and end.y == start.y and _ge(arc.psi.subs(x, a), left.psi.subs(x, lb)):
                    stack.append(end)
                    stack.append((arc, a, b))
                    return
                both = _common_tangent(left, la, lb, arc, a, b)
                if both is not None:
                    t1, t2 = both
                    stack[-1] = (left, la, t1)
                    stack.append(_Point(*left.at(t1), t1, True))
                    land(arc, t2, "interior")
                    return
                for target, where in ((start, "start"), (finish, "end")):
                    t1 = _tangent_to_point(left, la, lb, target)
                    if t1 is None:
                        continue
                    slope = left.psi.subs(x, t1)
                    ok = _ge(arc.psi.subs(x, a), slope) if where == "start" else not _ge(arc.psi.subs(x, b), slope)
                    if ok:
                        stack[-1] = (left, la, t1)
                        stack.append(_Point(*left.at(t1), t1, True))
                        if where == "start":
                            stack.append(start)
                            stack.append((arc, a, b))
                        else:
                            stack.append(finish)
                        return
                stack.append(end)  # try the arc's end point as the hull's last vertex
                explicit_end = True
                continue
            t, where = bridge_from_point(top, arc)
            touch = _Point(*arc.at(t), t, True)
            if len(stack) >= 2 and not _ge(_slope(top, touch), incoming_slope()):
                stack.pop()
                if explicit_end:  # neither the arc below nor its end point touches the bridge
                    stack.pop()
                    explicit_end = False
                continue
            if touch.u == top.u and touch.y == top.y:
                if where != "end":
                    stack.append((arc, t, b))
                return
            land(arc, t, where)
            return

    for e in elements:
        if isinstance(e, _Arc):
            push_arc(e)
        else:
            push_point(e)
    return _phi_from_hull(firm, stack, elements, steps)


def _on_arc(entry: tuple, point: _Point) -> bool:
    arc, _, b = entry
    u, y = arc.at(b)
    return u == point.u and y == point.y


def _phi_from_hull(firm: Firm, stack: list[Any], elements: list[Any], steps: list[Step]) -> Ironing:
    pieces: list[tuple[Any, Any, Any]] = []  # (theta_from, theta_to, value) on [from, to]
    points: dict[Any, Any] = {}  # atom values
    hull: list[tuple[Any, Any]] = []
    intervals: list[tuple[Any, Any, Any]] = []
    nodes = [e for e in stack]
    previous: _Point | None = None
    masses = _masses(firm, elements)
    for k, node in enumerate(nodes):
        if isinstance(node, tuple):
            arc, a, b = node
            pieces.append((a, b, arc.psi))
            previous = _Point(*arc.at(b), b, True)
            continue
        hull.append((node.u, node.y))
        if previous is not None and node.u != previous.u:
            slope = _slope(previous, node)
            pieces.append((previous.theta, node.theta, slope))
            inside = [m for m in masses if (m[0] >= previous.u) is sp.true and (m[1] <= node.u) is sp.true]
            spread = [m for m in masses if m[2] == "density"
                      and (sp.Min(m[1], node.u) - sp.Max(m[0], previous.u) > 0) is sp.true]
            if len(inside) >= 2 or spread:
                if intervals and intervals[-1][2] == slope and intervals[-1][1] == previous.theta:
                    intervals[-1] = (intervals[-1][0], node.theta, slope)
                else:
                    intervals.append((previous.theta, node.theta, sp.simplify(slope)))
            for lo_u, hi_u, kind, theta in inside:
                if kind == "atom":
                    points[theta] = slope
        previous = node
    args: list[tuple[Any, Any]] = []
    for theta, value in sorted(points.items(), key=lambda kv: float(kv[0])):
        args.append((sp.simplify(value), sp.Eq(x, theta)))
    for a, b, value in pieces:
        if a == b:
            continue
        args.append((sp.simplify(value), x <= b))
    phi = sp.Piecewise(*args[:-1], (args[-1][0], True)) if args else sp.Integer(0)
    phi = _tidy(phi, firm)
    steps = [*steps, Step("vertices of the greatest convex minorant of the curve (G, N)", tuple(hull)),
             Step("ironed virtual cost phi: slope of the minorant at G(x), averaged over atoms", phi)]
    if intervals:
        steps.append(Step("ironing intervals (theta_1, theta_2, phi)", tuple(intervals)))
    return Ironing(phi, tuple(intervals), tuple(hull), tuple(steps))


def _tidy(phi: sp.Expr, firm: Firm) -> sp.Expr:
    """Drop branches that never hold on the support and merge equal neighbours."""
    if not isinstance(phi, sp.Piecewise):
        return phi
    merged: list[tuple[Any, Any]] = []
    for value, cond in phi.args:
        if merged and merged[-1][0] == value and isinstance(cond, sp.core.relational.Relational) \
                and isinstance(merged[-1][1], sp.core.relational.Relational) and cond.rel_op == "<=" and merged[-1][1].rel_op == "<=":
            merged[-1] = (value, cond)
            continue
        merged.append((value, cond))
    if len(merged) == 1:
        return merged[0][0]
    return sp.Piecewise(*merged[:-1], (merged[-1][0], True))


def _masses(firm: Firm, elements: list[Any]) -> list[tuple[Any, Any, str, Any]]:
    """Quantile ranges carrying mass: ``(u_from, u_to, 'atom' | 'density', theta)``."""
    out = []
    for point, mass in firm.atoms():
        out.append((firm.G_left(point), firm.G.subs(x, point), "atom", point))
    for e in elements:
        if isinstance(e, _Arc):
            out.append((e.u.subs(x, e.a), e.u.subs(x, e.b), "density", e.a))
    return out


def expectation(firm: Firm, f: sp.Expr) -> sp.Expr:
    r""":math:`\int f\,dG` exactly: atoms plus the density part, piece by piece.

    Examples
    --------
    >>> expectation(Firm("Piecewise((x/2, x < 1), (1, True))", (0, 1), "0"), x)
    3/4
    """
    total = sp.Integer(0)
    for point, mass in firm.atoms():
        total += f.subs(x, point) * mass
    nodes = _nodes(firm)
    for a, b in zip(nodes, nodes[1:]):
        g = sp.diff(branch(firm.G, (a + b) / 2), x)
        if g != 0:
            total += sp.integrate(f * g, (x, a, b))
    return sp.nsimplify(sp.simplify(total)) if total.is_Rational else sp.simplify(total)


def nu_total(firm: Firm) -> sp.Expr:
    r""":math:`\nu(\Theta) = \int \theta\,G(d\theta) + \int (G - \Lambda)\,d\theta`."""
    lo, hi = firm.support
    nodes = _nodes(firm)
    area = sum((sp.integrate(branch(firm.G, (a + b) / 2) - branch(firm.Lambda, (a + b) / 2), (x, a, b))
                for a, b in zip(nodes, nodes[1:])), sp.Integer(0))
    return sp.simplify(expectation(firm, x) + area)


LEMMA3_POINTS = ("1/10", "3/10", "2/5", "1/2", "3/5", "7/10", "4/5", "1")
"""Types at which the ironed virtual costs of the Lemma 3 examples are witnessed."""


def lemma3() -> Derivation:
    r"""Lemma 3 on three firms whose virtual cost needs ironing, one with atoms and no density.

    Paper: yz, Lemma 3 and appendix A.1.

    Returns
    -------
    Derivation
        For each example firm ``A`` (uniform, weights jumping at 1/2), ``B`` (density with an
        atom on top), ``C`` (three atoms): ``phi_k`` (the ironed virtual cost), the ironing
        interval ``iron_lo_k``, ``iron_hi_k`` and its value ``iron_value_k``, ``nu_total_k``
        (the left side of Lemma 3 for Q = 1) and ``phi_mean_k`` (its right side): equal, the
        equality case; and ``psi_A``, the unironed virtual cost of A.

    Examples
    --------
    >>> d = lemma3()
    >>> d.values["iron_value_C"], d.values["nu_total_B"] == d.values["phi_mean_B"]
    (7/5, True)
    """
    from symbolic.models.regulation import EXAMPLES

    values: dict[str, Any] = {}
    labels: dict[str, str] = {}
    steps: list[Step] = []
    for key, name in (("jump_weights", "A"), ("atom_on_top", "B"), ("atoms", "C")):
        firm = EXAMPLES[key]
        steps.append(Step(f"firm {name}: G = {firm.G}, Lambda = {firm.Lambda} on {list(firm.support)}", firm.G))
        iron = ironed_virtual_cost(firm)
        steps += [Step(f"firm {name}: {s.description}", s.result) for s in iron.steps]
        (lo, hi, value), = iron.intervals
        values[f"phi_{name}"] = iron.phi
        values[f"iron_lo_{name}"] = lo
        values[f"iron_hi_{name}"] = hi
        values[f"iron_value_{name}"] = value
        values[f"nu_total_{name}"] = nu_total(firm)
        values[f"phi_mean_{name}"] = expectation(firm, iron.phi)
        labels.update({
            f"phi_{name}": rf"\varphi_{name}(x)",
            f"iron_lo_{name}": rf"\underline\theta^{{\mathrm{{iron}}}}_{name}",
            f"iron_hi_{name}": rf"\bar\theta^{{\mathrm{{iron}}}}_{name}",
            f"iron_value_{name}": rf"\varphi_{name}\ \text{{on the ironing interval}}",
            f"nu_total_{name}": rf"\nu_{name}(\Theta)",
            f"phi_mean_{name}": rf"\int \varphi_{name}\,dG_{name}",
        })
    values["psi_A"] = virtual_cost(EXAMPLES["jump_weights"])
    labels["psi_A"] = r"\psi_A(x)"
    remarks = (
        "Firm A: psi = 2x below 1/2 and x above, a downward jump at 1/2 caused by the weights "
        "jumping from 0 to G; the ironing interval solves psi(t1) = psi(t2) = c with zero "
        "nu-area under c: c = 1/sqrt(2).",
        "For a G with atoms and gaps (firm C) psi = theta + (G - Lambda)/g does not exist; the "
        "construction in quantile space gives the atom at theta_k the value theta_k + "
        "(integral of G - Lambda over the gap below)/p_k before ironing.",
        "In appendix A.1 the printed display reads 'theta_i G_i(theta_i) (-Q_i) G_i(d theta_i)' "
        "where the definition of nu_i has theta_i G_i(d theta_i): the factor G_i(theta_i) is a typo.",
    )
    return Derivation(values=values, steps=tuple(steps), labels=labels, remarks=remarks)

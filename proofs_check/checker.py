"""Run a claim: derive, witness, compare the two, and compare the derivation with the print.

Status of a claim:

``certified``
    verified, and every real closed form was enclosed in ball arithmetic (python-flint's arb)
    with the independent value inside the ball widened by the tolerance (exact comparisons
    count as certified); see :mod:`proofs_check.certify`;
``verified``
    every derived quantity agrees with its independent witness (exactly for exact witnesses,
    to at least ``dps - 5`` significant digits for real ones) and every side condition the
    witness checked holds;
``failed``
    some quantity disagrees, a side condition fails, or a quantity is missing on one side;
``error``
    the derivation or the witness raised; the message is kept.

Each printed value gets the verdict ``agrees`` or ``disagrees`` (``unchecked`` only when
the claim errored, so that a failure can never read as agreement).  Decimals are compared by
exact decimal rounding of the derived value at the printed number of places, never through a
float; when only truncation would reproduce the print, the note says so.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from numeric.estimate import Estimate, Samples, Witness
from proofs_check.latex import equations, math
from proofs_check.registry import Claim, Printed
from symbolic.derivation import Derivation

__all__ = [
    "QuantityCheck",
    "PrintedCheck",
    "ClaimResult",
    "agreement_digits",
    "round_decimal",
    "compare_printed",
    "check",
]

DIGIT_SLACK = 5
"""A real quantity agrees when at least ``dps - DIGIT_SLACK`` significant digits match."""


@dataclass(frozen=True, slots=True)
class QuantityCheck:
    """One quantity: the derived value, the witness's value and whether they agree."""

    name: str
    symbolic: str
    numeric: Any
    digits: int | None  # None for an exact comparison
    exact: bool
    agrees: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PrintedCheck:
    """One printed value against the derivation."""

    quantity: str
    text: str
    derived: str
    verdict: str  # "agrees", "disagrees" or "unchecked"
    note: str = ""


@dataclass
class ClaimResult:
    """Everything the checker found for one claim (serialised by :meth:`to_json`)."""

    id: str
    paper: str
    where: str
    statement: str
    status: str
    dps: int
    quantities: list[QuantityCheck] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    printed: list[PrintedCheck] = field(default_factory=list)
    steps: list[tuple[str, str, str]] = field(default_factory=list)  # description, value, LaTeX
    remarks: list[str] = field(default_factory=list)
    latex: str = ""
    error: str = ""
    certification: str = ""
    seconds: float = 0.0
    labels: dict[str, str] = field(default_factory=dict)
    values_latex: dict[str, str] = field(default_factory=dict)

    @property
    def agreement_digits(self) -> int | str | None:
        """Fewest agreeing digits over the real quantities; ``"exact"`` if all are exact."""
        if not self.quantities:
            return None
        reals = [q.digits for q in self.quantities if not q.exact and q.digits is not None]
        return min(reals) if reals else "exact"

    def _repr_latex_(self) -> str:
        """The claim's LaTeX with its status (Jupyter shows it typeset)."""
        status = f"\\text{{{self.id}: {self.status}, agreement {self.agreement_digits} at {self.dps} digits}}"
        body = self.latex.replace("\\begin{align*}", "\\begin{aligned}").replace("\\end{align*}", "\\end{aligned}")
        body = body.replace("\\begin{equation*}", "").replace("\\end{equation*}", "")
        return f"$${status}\\\\ {body}$$" if body else f"$${status}$$"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dictionary with the contract keys ``id``, ``status``, ``symbolic``,
        ``numeric``, ``agreement_digits``, ``printed`` and ``latex``, and the details."""
        return {
            "id": self.id,
            "paper": self.paper,
            "where": self.where,
            "statement": self.statement,
            "status": self.status,
            "dps": self.dps,
            "symbolic": {q.name: q.symbolic for q in self.quantities},
            "numeric": {q.name: q.numeric for q in self.quantities},
            "agreement_digits": self.agreement_digits,
            "quantities": [asdict(q) for q in self.quantities],
            "checks": dict(self.checks),
            "printed": [asdict(p) for p in self.printed],
            "latex": self.latex,
            "steps": [{"description": d, "result": r, "latex": t} for d, r, t in self.steps],
            "remarks": list(self.remarks),
            "error": self.error,
            "certification": self.certification,
            "seconds": round(self.seconds, 3),
        }


def _to_mpf(value: Any) -> mpmath.mpf:
    """An exact sympy number or Fraction to mpf at the current precision."""
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    evaluated = sp.N(sp.sympify(value), mpmath.mp.dps)
    if not evaluated.is_real or not evaluated.is_number:
        raise ValueError(f"expected a real number, got {value}")
    return mpmath.mpf(evaluated)


def agreement_digits(derived: Any, witness: Any, dps: int) -> int:
    """Number of agreeing significant digits (at most ``dps``) of a derived and a witnessed real.

    Examples
    --------
    >>> agreement_digits(sp.exp(-2), mpmath.mpf("0.1353352832"), 50)
    9
    >>> agreement_digits(sp.Rational(1, 3), Fraction(1, 3), 50)
    50
    """
    with mpmath.workdps(dps + 20):
        s = _to_mpf(derived)
        n = witness.value if isinstance(witness, Estimate) else _to_mpf(witness)
        n = mpmath.mpf(n)
        diff = abs(s - n)
        if diff == 0:
            return dps
        rel = diff / abs(s) if s != 0 else diff  # a derived zero: absolute agreement
        return int(max(0, min(dps, mpmath.floor(-mpmath.log10(rel)))))


def _is_exact(value: Any) -> bool:
    return isinstance(value, (bool, int, Fraction, sp.Rational)) or value in (sp.true, sp.false)


def _exact_equal(derived: Any, witness: Any) -> bool:
    if isinstance(witness, bool) or witness in (sp.true, sp.false):
        return sp.sympify(derived) == sp.sympify(witness)
    if isinstance(witness, Fraction):
        witness = sp.Rational(witness.numerator, witness.denominator)
    return sp.simplify(sp.sympify(derived) - sp.sympify(witness)) == 0


def _show(value: Any, dps: int) -> str:
    if isinstance(value, Estimate):
        return mpmath.nstr(value.value, dps)
    if isinstance(value, Fraction):
        return str(value)
    return str(value)


def _substitute(expr: Any, point: dict[str, Fraction]) -> Any:
    expr = sp.sympify(expr)
    subs = {}
    for s in expr.free_symbols:
        if s.name not in point:
            raise ValueError(f"witness point {point} gives no value for symbol {s.name}")
        subs[s] = sp.Rational(point[s.name].numerator, point[s.name].denominator)
    return expr.subs(subs)


def _compare_value(derived: Any, witness: Any, dps: int) -> tuple[bool, int | None, bool]:
    """(agrees, digits, exact) for a derived number (no free symbols) and one witness value."""
    if _is_exact(witness):
        return _exact_equal(derived, witness), None, True
    digits = agreement_digits(derived, witness, dps)
    return digits >= dps - DIGIT_SLACK, digits, False


def _compare_quantity(name: str, derived: Any, witness: Any, dps: int) -> QuantityCheck:
    if isinstance(witness, Samples):
        worst: int | None = None
        all_exact = True
        shown = []
        for point, value in zip(witness.points, witness.values):
            at = _substitute(derived, dict(point))
            ok, digits, exact = _compare_value(at, value, dps)
            shown.append({"point": {k: str(v) for k, v in point.items()}, "value": _show(value, dps)})
            all_exact &= exact
            if digits is not None:
                worst = digits if worst is None else min(worst, digits)
            if not ok:
                where = ", ".join(f"{k}={v}" for k, v in point.items())
                return QuantityCheck(name, sp.sstr(derived), shown, digits, exact, False,
                                     f"differs at {where}: derived {at}, witness {_show(value, dps)}")
        return QuantityCheck(name, sp.sstr(derived), shown, worst, all_exact, True,
                             f"agrees at {len(witness.points)} points")
    if sp.sympify(derived).free_symbols:
        return QuantityCheck(name, sp.sstr(derived), _show(witness, dps), None, False, False,
                             "the derived value depends on symbols but the witness gave one number")
    ok, digits, exact = _compare_value(derived, witness, dps)
    return QuantityCheck(name, sp.sstr(derived), _show(witness, dps), digits, exact, ok,
                         "exact" if exact else f"{digits} digits")


def round_decimal(value: Any, places: int, mode: str = "round") -> Decimal:
    """The exact value rounded (halves up) or truncated to ``places`` decimals, without floats.

    Examples
    --------
    >>> round_decimal(sp.Rational(1, 8), 2)
    Decimal('0.13')
    >>> round_decimal(sp.exp(-2), 2), round_decimal(sp.exp(-2), 2, "truncate")
    (Decimal('0.14'), Decimal('0.13'))
    """
    value = sp.sympify(value)
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = places + 80
        if value.is_Rational:
            exact = Decimal(int(value.p)) / Decimal(int(value.q))
        else:
            exact = Decimal(str(sp.N(value, places + 60)))
        return exact.quantize(quantum, rounding=ROUND_HALF_UP if mode == "round" else ROUND_DOWN)


def _parse_printed(printed: Printed, derived: Any) -> Any:
    names = {s.name: s for s in sp.sympify(derived).free_symbols}
    return sp.sympify(printed.exact, locals=names)


def compare_printed(printed: Printed, derived: Any, witness: Any, dps: int) -> PrintedCheck:
    """Compare one printed value with the derived one (formula or rounded decimal).

    Formulas are compared by simplifying the difference and, when that does not reduce to
    zero, at the witness's sample points (which include the breakpoints of Piecewise
    functions); decimals by exact rounding at the printed number of places.

    Examples
    --------
    >>> compare_printed(Printed("b*", "≈ 0.07"), sp.exp(-2), None, 50).verdict
    'disagrees'
    >>> compare_printed(Printed("CS*", "≈ 0.57"), (1 + sp.exp(-2)) / 2, None, 50).verdict
    'agrees'
    """
    derived = sp.sympify(derived)
    if printed.exact is not None:
        target = _parse_printed(printed, derived)
        shown = sp.sstr(derived)
        if isinstance(derived, sp.logic.boolalg.Boolean) or isinstance(target, sp.logic.boolalg.Boolean):
            same = derived == target
            return PrintedCheck(printed.quantity, printed.text, shown, "agrees" if same else "disagrees",
                                "the same statement" if same else f"derived {derived}, printed {target}")
        difference = sp.simplify(derived - target)
        if difference == 0:
            return PrintedCheck(printed.quantity, printed.text, shown, "agrees", "equal after simplification")
        if not difference.free_symbols:
            with mpmath.workdps(dps + 20):
                gap = abs(_to_mpf(difference))
            if gap < mpmath.mpf(10) ** (-dps):
                return PrintedCheck(printed.quantity, printed.text, shown, "agrees", f"equal to {dps} digits")
            return PrintedCheck(printed.quantity, printed.text, shown, "disagrees",
                                f"derived {sp.N(derived, 8)}, printed {sp.N(target, 8)}")
        points = list(witness.points) if isinstance(witness, Samples) else []
        for point in points:
            lhs, rhs = _substitute(derived, dict(point)), _substitute(target, dict(point))
            if sp.simplify(lhs - rhs) != 0:
                where = ", ".join(f"{k}={v}" for k, v in point.items())
                return PrintedCheck(printed.quantity, printed.text, shown, "disagrees",
                                    f"at {where}: derived {lhs}, printed {rhs}")
        if points:
            return PrintedCheck(printed.quantity, printed.text, shown, "agrees",
                                f"equal at all {len(points)} witness points (simplify left {difference})")
        return PrintedCheck(printed.quantity, printed.text, shown, "disagrees",
                            f"could not show equality: the difference simplifies to {difference}")
    if derived.free_symbols:
        return PrintedCheck(printed.quantity, printed.text, sp.sstr(derived), "disagrees",
                            "the print is a number but the derived value depends on symbols")
    decimal = printed.decimal
    places = max(0, -decimal.as_tuple().exponent)
    rounded = round_decimal(derived, places, "round")
    truncated = round_decimal(derived, places, "truncate")
    shown = f"{sp.N(derived, 6)}"
    mine, other = (rounded, truncated) if printed.rounding == "round" else (truncated, rounded)
    if mine == decimal:
        return PrintedCheck(printed.quantity, printed.text, shown, "agrees",
                            f"{printed.rounding}s to {mine} at {places} decimals")
    note = f"derived {shown} {printed.rounding}s to {mine} at {places} decimals, printed {decimal}"
    if other == decimal:
        alt = "truncation" if printed.rounding == "round" else "rounding"
        note += f"; only {alt} would give the print"
    return PrintedCheck(printed.quantity, printed.text, shown, "disagrees", note)


def _certify(derivation: Derivation, witness: Witness, dps: int) -> tuple[bool, str]:
    """Enclose every real derived value in a ball and test the witness against it."""
    from proofs_check.certify import NotCertifiable, contains, enclose

    balls = 0
    for name, derived in derivation.values.items():
        value = witness.values[name]
        pairs = zip(value.points, value.values) if isinstance(value, Samples) else [({}, value)]
        for point, witnessed in pairs:
            if not isinstance(witnessed, Estimate):
                continue  # compared exactly already
            at = _substitute(derived, dict(point)) if point else sp.sympify(derived)
            try:
                ball = enclose(at, dps + 10)
            except NotCertifiable as exc:
                return False, f"not certifiable: {name}: {exc}"
            with mpmath.workdps(dps + 20):
                if not contains(ball, witnessed.value, dps - DIGIT_SLACK):
                    return False, f"not certified: {name}: the witness lies outside the ball {ball}"
            balls += 1
    if balls == 0:
        return True, "exact comparisons only"
    return True, f"{balls} ball enclosures (arb at {int((dps + 10) * 3.33) + 40} bits) contain the witness"


def check(claim: Claim, dps: int = 50) -> ClaimResult:
    """Run one claim at ``dps`` digits and return what was found.

    Examples
    --------
    >>> from proofs_check.claims import get
    >>> check(get("bbm.thm3"), dps=30).status
    'certified'
    """
    result = ClaimResult(claim.id, claim.paper, claim.where, claim.statement, "error", dps)
    started = time.perf_counter()
    try:
        derivation: Derivation = claim.symbolic()
    except Exception as exc:  # noqa: BLE001 - reported, never hidden
        result.error = f"symbolic: {type(exc).__name__}: {exc}"
        result.printed = [PrintedCheck(p.quantity, p.text, "", "unchecked", "the derivation failed") for p in claim.printed]
        result.seconds = time.perf_counter() - started
        return result
    result.steps = [(s.description, sp.sstr(s.result), math(s.result)) for s in derivation.steps]
    result.remarks = list(derivation.remarks)
    result.labels = {name: derivation.label(name) for name in derivation.values}
    result.values_latex = {name: math(value) for name, value in derivation.values.items()}
    try:
        result.latex = (claim.latex or equations)(derivation)
    except Exception as exc:  # noqa: BLE001
        result.error = f"latex: {type(exc).__name__}: {exc}"
    try:
        witness: Witness = claim.numeric(dps)
    except Exception as exc:  # noqa: BLE001
        result.error = f"numeric: {type(exc).__name__}: {exc}"
        witness = None
    try:
        if witness is not None:
            result.checks = dict(witness.checks)
            for name, derived in derivation.values.items():
                if name not in witness.values:
                    result.quantities.append(QuantityCheck(name, sp.sstr(derived), None, None, False, False,
                                                           "no independent witness for this quantity"))
                    continue
                result.quantities.append(_compare_quantity(name, derived, witness.values[name], dps))
            for name in witness.values:
                if name not in derivation.values:
                    result.quantities.append(QuantityCheck(name, "", _show(witness.values[name], dps), None, False,
                                                           False, "witnessed but not derived"))
        for printed in claim.printed:
            if printed.quantity not in derivation.values:
                raise KeyError(f"printed value refers to unknown quantity {printed.quantity!r}")
            result.printed.append(compare_printed(printed, derivation.values[printed.quantity],
                                                  witness.values.get(printed.quantity) if witness else None, dps))
    except Exception as exc:  # noqa: BLE001
        result.error = (result.error + "\n" if result.error else "") + f"comparison: {type(exc).__name__}: {exc}"
    if result.error:
        result.status = "error"
    elif all(q.agrees for q in result.quantities) and all(result.checks.values()) and result.quantities:
        result.status = "verified"
        try:
            certified, result.certification = _certify(derivation, witness, dps)
        except Exception as exc:  # noqa: BLE001 - a certification that breaks leaves the claim verified
            certified, result.certification = False, f"not certifiable: {type(exc).__name__}: {exc}"
        if certified:
            result.status = "certified"
    else:
        result.status = "failed"
    result.seconds = time.perf_counter() - started
    return result

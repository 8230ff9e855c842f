"""The checker: digits, rounding, verdicts and statuses, including failure on either side."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from numeric.estimate import Estimate, Samples, Witness
from proofs_check.checker import agreement_digits, check, compare_printed, round_decimal
from proofs_check.registry import Claim, Printed
from symbolic.derivation import Derivation

x = sp.Symbol("x", positive=True)


def _estimate(value: str) -> Estimate:
    with mpmath.workdps(70):
        return Estimate(mpmath.mpf(value), mpmath.mpf(0), 50, "test")


def _claim(symbolic, numeric, printed=()):
    return Claim("bbm.test", "nowhere", "a test claim", symbolic, numeric, tuple(printed))


def test_agreement_digits_counts_significant_digits():
    assert agreement_digits(sp.Rational(1, 3), _estimate("0.33333333339"), 50) == 9  # relative error 1.7e-10
    assert agreement_digits(sp.pi, Fraction(22, 7), 50) == 3


@pytest.mark.parametrize(
    ("value", "places", "mode", "expected"),
    [
        (sp.Rational(1, 8), 2, "round", "0.13"),
        (sp.Rational(1, 8), 2, "truncate", "0.12"),
        (sp.Rational(2675, 1000), 2, "round", "2.68"),  # round(2.675, 2) is 2.67 in floats
        (sp.exp(-2), 2, "round", "0.14"),
        (-sp.Rational(1, 8), 2, "round", "-0.13"),
    ],
)
def test_round_decimal_is_exact(value, places, mode, expected):
    assert str(round_decimal(value, places, mode)) == expected


def test_compare_printed_notes_truncation():
    # 0.5677 rounds to 0.57; a print of 0.56 matches only under truncation
    verdict = compare_printed(Printed("CS", "≈ 0.56"), (1 + sp.exp(-2)) / 2, None, 50)
    assert verdict.verdict == "disagrees"
    assert "only truncation would give the print" in verdict.note


def test_compare_printed_truncating_paper():
    verdict = compare_printed(Printed("CS", "≈ 0.56", rounding="truncate"), (1 + sp.exp(-2)) / 2, None, 50)
    assert verdict.verdict == "agrees"


def test_compare_printed_formula_with_symbols_uses_witness_points():
    witness = Samples(({"x": Fraction(1, 2)},), (Fraction(1, 4),))
    assert compare_printed(Printed("f", "x^2", exact="x**2"), x**2, witness, 50).verdict == "agrees"
    wrong = compare_printed(Printed("f", "x^3", exact="x**3"), x**2, witness, 50)
    assert wrong.verdict == "disagrees" and "x=1/2" in wrong.note


def test_printed_requires_a_number_or_a_transcription():
    with pytest.raises(ValueError, match="holds no number"):
        Printed("b", "the bound")
    with pytest.raises(ValueError, match="rounding must be"):
        Printed("b", "≈ 0.1", rounding="ceil")


def test_status_verified_when_both_sides_agree():
    result = check(_claim(lambda: Derivation({"v": sp.exp(-2)}),
                          lambda dps: Witness({"v": _estimate(str(mpmath.exp(-2)))}, "t")), 50)
    assert result.status == "failed"  # the witness above holds only ~15 digits
    with mpmath.workdps(70):
        good = Estimate(mpmath.exp(-2), mpmath.mpf(0), 50, "t")
    result = check(_claim(lambda: Derivation({"v": sp.exp(-2)}), lambda dps: Witness({"v": good}, "t")), 50)
    assert result.status == "certified" and result.agreement_digits == 50


def test_status_failed_when_exact_values_differ():
    result = check(_claim(lambda: Derivation({"v": sp.Rational(1, 2)}),
                          lambda dps: Witness({"v": Fraction(1, 3)}, "t")), 50)
    assert result.status == "failed"
    assert not result.quantities[0].agrees


def test_status_failed_when_a_side_condition_fails():
    result = check(_claim(lambda: Derivation({"v": sp.Integer(1)}),
                          lambda dps: Witness({"v": Fraction(1)}, "t", checks={"feasible": False})), 50)
    assert result.status == "failed"


def test_status_failed_when_a_quantity_has_no_witness():
    result = check(_claim(lambda: Derivation({"v": sp.Integer(1), "w": sp.Integer(2)}),
                          lambda dps: Witness({"v": Fraction(1)}, "t")), 50)
    assert result.status == "failed"
    assert "no independent witness" in [q for q in result.quantities if q.name == "w"][0].detail


def test_status_error_when_the_derivation_raises_and_printed_is_never_agreement():
    def broken():
        raise ZeroDivisionError("boom")

    result = check(_claim(broken, lambda dps: Witness({}, "t"), [Printed("v", "≈ 0.5")]), 50)
    assert result.status == "error" and "symbolic: ZeroDivisionError: boom" in result.error
    assert [p.verdict for p in result.printed] == ["unchecked"]


def test_status_error_when_the_witness_raises():
    def broken(dps):
        raise ValueError("no convergence")

    result = check(_claim(lambda: Derivation({"v": sp.Integer(1)}), broken), 50)
    assert result.status == "error" and "numeric: ValueError: no convergence" in result.error


def test_json_has_the_contract_keys(claim_results):
    data = claim_results["bbm.ex4.optimum"].to_json()
    for key in ("id", "status", "symbolic", "numeric", "agreement_digits", "printed", "latex"):
        assert key in data
    assert {"text", "derived", "verdict"} <= set(data["printed"][0])

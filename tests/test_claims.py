"""Every claim in the registry, end to end, with the verdicts against the print pinned."""

from __future__ import annotations

import mpmath
import pytest

from proofs_check.checker import check
from proofs_check.claims import CLAIMS, get, ids

# verdicts that are not "agrees": (claim, quantity, printed text) -> verdict
EXPECTED_DISAGREEMENTS = {
    ("yz.eq3", "T2(1/4)"): "disagrees",  # the printed T* subtracts the envelope integral; Lemma 2 adds it
    ("yz.thm1", "gain_off_range"): "disagrees",  # discrete types: an announcement outside phi(Theta) pays 1/10
    ("bbm.A1.segmentation", "profit"): "disagrees",  # printed = min supp x; the profit there is min supp x - c
    ("bbm.A1.mixing", "F_paper_condition"): "disagrees",  # printed numerator has the runner-up's cost c_i, derived c_k
    ("bbm.A1.mixing", "gain_paper_mixing"): "disagrees",  # the paper's bound misses the mass above r_low: gain M*eps
    ("bbm.A1.mixing", "top_segment_condition"): "disagrees",  # support (r_hat - r)/2 printed, r_hat - r_low derived
    ("bbm.ex1.residual_table", "r[(1,1),(1,1)]"): "disagrees",  # printed 0, equation (2) gives 1
    ("bbm.ex1.residual_table", "r[(4,1),(4,1)]"): "disagrees",  # printed 0, equation (2) gives 1
    ("bbm.ex1.segmentation", "x1_r3"): "disagrees",  # printed two-segment table is not the uniform one
    ("bbm.ex1.segmentation", "x1_r4"): "disagrees",
    ("bbm.ex1.segmentation", "weight_2"): "disagrees",
    ("bbm.ex1.segmentation", "x2_r3"): "disagrees",
    ("bbm.ex1.segmentation", "x2_r4"): "disagrees",
    ("bbm.GbB", "G"): "disagrees",  # the printed cases make G left-continuous at -B and B
    ("bbm.ex4.optimum", "b_star", "≈ 0.07"): "disagrees",  # e^-2 = 0.1353...
    ("bbm.az", "price"): "disagrees",  # reconstructed p = 0.05537 rounds to 0.06 (truncates to 0.05)
    ("bbm.az", "TS"): "disagrees",  # reconstructed TS = 0.5816 rounds to 0.58
    ("bbm.az", "CS"): "disagrees",  # reconstructed CS = 0.5262 rounds to 0.53 (truncates to 0.52)
}


def test_claim_ids_are_unique_and_named_by_paper():
    assert len(ids()) == len(set(ids()))
    assert all(c.paper in ("bbm", "yz") for c in CLAIMS)


@pytest.mark.parametrize("claim_id", ids())
def test_claim_is_verified(claim_id, claim_results):
    result = claim_results[claim_id]
    assert result.status in ("certified", "verified"), (result.error, [q.detail for q in result.quantities if not q.agrees])
    assert result.latex
    digits = result.agreement_digits
    assert digits == "exact" or digits >= 45


@pytest.mark.parametrize("claim_id", ids())
def test_printed_verdicts(claim_id, claim_results):
    for printed in claim_results[claim_id].printed:
        key_long = (claim_id, printed.quantity, printed.text)
        key_short = (claim_id, printed.quantity)
        expected = EXPECTED_DISAGREEMENTS.get(key_long, EXPECTED_DISAGREEMENTS.get(key_short, "agrees"))
        assert printed.verdict == expected, (printed.text, printed.derived, printed.note)


def test_b_star_print_disagreement_is_reported_with_both_values(claim_results):
    (p,) = [p for p in claim_results["bbm.ex4.optimum"].printed if p.text == "≈ 0.07"]
    assert p.derived.startswith("0.13533")
    assert "rounds to 0.14" in p.note and "printed 0.07" in p.note


def test_printed_cdf_disagreement_names_the_atom(claim_results):
    (p,) = [p for p in claim_results["bbm.GbB"].printed if p.quantity == "G"]
    assert "r=-1" in p.note and "derived 1/20, printed 0" in p.note


def test_mpmath_precision_unchanged_by_a_full_check():
    before = mpmath.mp.prec
    check(get("bbm.eq3"), 60)
    assert mpmath.mp.prec == before

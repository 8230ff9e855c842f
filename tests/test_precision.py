"""Precision stability: every claim passes at 30, 50 and 100 digits, agreement grows with the
precision, and a full check leaves mpmath's (and flint's) global precision as it was."""

from __future__ import annotations

import flint
import mpmath
import pytest

from proofs_check.claims import CLAIMS
from proofs_check.runner import run_claims


@pytest.fixture(scope="module")
def results_30_100():
    before = (mpmath.mp.prec, flint.ctx.prec)
    low = run_claims(CLAIMS, 30, jobs=2, use_cache=False)
    high = run_claims(CLAIMS, 100, jobs=2, use_cache=False)
    assert (mpmath.mp.prec, flint.ctx.prec) == before, "a full check changed the global precision"
    return {r.id: r for r in low}, {r.id: r for r in high}


@pytest.mark.slow
@pytest.mark.parametrize("dps_index", [0, 1], ids=["dps30", "dps100"])
def test_every_claim_passes(results_30_100, dps_index):
    bad = {i: (r.status, r.error) for i, r in results_30_100[dps_index].items() if r.status not in ("certified", "verified")}
    assert not bad


@pytest.mark.slow
def test_agreement_digits_grow_with_precision(results_30_100, claim_results):
    low, high = results_30_100
    real = [i for i, r in claim_results.items() if isinstance(r.agreement_digits, int)]
    assert real, "no real-valued claim"
    for claim_id in real:
        d30, d50, d100 = low[claim_id].agreement_digits, claim_results[claim_id].agreement_digits, high[claim_id].agreement_digits
        assert d30 >= 25 and d50 >= 45 and d100 >= 95, (claim_id, d30, d50, d100)
        assert d30 < d50 < d100 or (d30, d50, d100) == (30, 50, 100), (claim_id, d30, d50, d100)


@pytest.mark.slow
def test_certified_claims_stay_certified(results_30_100, claim_results):
    for claim_id, r in claim_results.items():
        if r.status == "certified":
            assert results_30_100[1][claim_id].status == "certified", (claim_id, results_30_100[1][claim_id].certification)

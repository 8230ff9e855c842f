"""Shared fixtures: mpmath precision restored after every test, hypothesis profiles, one
checker run of every claim per session."""

from __future__ import annotations

import os

import mpmath
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory):
    """CLI runs in the tests cache their results in a fresh folder, not the user's cache."""
    os.environ["SURPLUS_CACHE_DIR"] = str(tmp_path_factory.mktemp("surplus-cache"))
    yield


@pytest.fixture(autouse=True)
def _restore_mpmath_precision():
    prec = mpmath.mp.prec
    yield
    mpmath.mp.prec = prec


@pytest.fixture(scope="session")
def claim_results():
    """Every claim checked once at the default 50 digits, keyed by id."""
    from proofs_check.checker import check
    from proofs_check.claims import CLAIMS

    return {claim.id: check(claim, 50) for claim in CLAIMS}

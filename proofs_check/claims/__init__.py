"""The registry: every claim of every paper, in paper order.

Adding a claim is adding one entry to ``proofs_check/claims/<paper>.py``.
"""

from __future__ import annotations

from proofs_check.claims import bbm, yz
from proofs_check.registry import Claim

__all__ = ["CLAIMS", "get", "ids"]

CLAIMS: tuple[Claim, ...] = (*bbm.CLAIMS, *yz.CLAIMS)


def ids() -> list[str]:
    """Every claim id, in registry order.

    Examples
    --------
    >>> "bbm.ex4.optimum" in ids()
    True
    """
    return [c.id for c in CLAIMS]


def get(claim_id: str) -> Claim:
    """The claim with id ``claim_id``.

    Raises
    ------
    KeyError
        For an unknown id, naming it.

    Examples
    --------
    >>> get("bbm.thm3").where
    'bbm, section III.C, Theorem 3; appendix A3'
    >>> get("bbm.nope")
    Traceback (most recent call last):
    ...
    KeyError: "unknown claim id 'bbm.nope'; 'surplus list' shows the ids"
    """
    for claim in CLAIMS:
        if claim.id == claim_id:
            return claim
    raise KeyError(f"unknown claim id {claim_id!r}; 'surplus list' shows the ids")

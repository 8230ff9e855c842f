"""The claims of Yang, Zentefis, *Regulating Oligopolistic Competition* (``yz``)."""

from __future__ import annotations

from proofs_check.registry import Claim

__all__ = ["CLAIMS"]

CLAIMS: tuple[Claim, ...] = ()

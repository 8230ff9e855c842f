"""Running many claims: in parallel processes, with results cached on disk.

A cached result is keyed by the claim id, the precision and a hash of the project's code
(every ``.py`` file of ``symbolic``, ``numeric`` and ``proofs_check``), so any change to the
code computes afresh.  The cache lives in ``$SURPLUS_CACHE_DIR``, else
``$XDG_CACHE_HOME/surplus``, else ``~/.cache/surplus``.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path

from proofs_check.checker import ClaimResult, check
from proofs_check.registry import Claim

__all__ = ["code_hash", "cache_dir", "run_claims"]

_PACKAGES = ("symbolic", "numeric", "proofs_check")


@lru_cache(maxsize=1)
def code_hash() -> str:
    """SHA-256 over the source of every module of the three packages (sorted by path)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cache_dir() -> Path:
    """Where results are cached (see the module docstring)."""
    if os.environ.get("SURPLUS_CACHE_DIR"):
        return Path(os.environ["SURPLUS_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "surplus"


def _path(claim_id: str, dps: int) -> Path:
    return cache_dir() / code_hash() / f"{claim_id}@{dps}.pickle"


def _load(claim_id: str, dps: int) -> ClaimResult | None:
    try:
        with _path(claim_id, dps).open("rb") as handle:
            result = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return result if isinstance(result, ClaimResult) and result.id == claim_id and result.dps == dps else None


def _store(result: ClaimResult) -> None:
    path = _path(result.id, result.dps)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(result, handle)
        tmp.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _timings() -> dict[str, float]:
    try:
        return json.loads((cache_dir() / "timings.json").read_text())
    except (OSError, ValueError):
        return {}


def _save_timings(results: Sequence[ClaimResult]) -> None:
    timings = _timings()
    timings.update({r.id: round(r.seconds, 3) for r in results})
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        (cache_dir() / "timings.json").write_text(json.dumps(timings, indent=1, sort_keys=True))
    except OSError:
        pass


def _check_by_id(claim_id: str, dps: int) -> ClaimResult:
    from proofs_check.claims import get

    return check(get(claim_id), dps)


def run_claims(
    claims: Sequence[Claim],
    dps: int,
    jobs: int = 1,
    use_cache: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[ClaimResult]:
    """Check ``claims`` at ``dps`` digits; results in the order of ``claims``.

    Cached results are reused when ``use_cache``; the rest run in ``jobs`` processes (the
    slowest first, by the times of earlier runs).  Fresh results are cached.
    """
    results: dict[str, ClaimResult] = {}
    if use_cache:
        for claim in claims:
            cached = _load(claim.id, dps)
            if cached is not None:
                results[claim.id] = cached
    todo = [c for c in claims if c.id not in results]
    timings = _timings()
    todo.sort(key=lambda c: -timings.get(c.id, 1.0))
    done = len(results)
    fresh: list[ClaimResult] = []
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
            futures = {pool.submit(_check_by_id, c.id, dps): c.id for c in todo}
            for future in as_completed(futures):
                result = future.result()
                results[result.id] = result
                fresh.append(result)
                done += 1
                if progress:
                    progress(done, len(claims), result.id)
    else:
        for claim in todo:
            if progress:
                progress(done + 1, len(claims), claim.id)
            result = check(claim, dps)
            results[claim.id] = result
            fresh.append(result)
            done += 1
    for result in fresh:
        if result.status != "error":  # an error is worth computing again
            _store(result)
    if fresh:
        _save_timings(fresh)
    if progress and sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 70 + "\r")
    return [results[c.id] for c in claims]

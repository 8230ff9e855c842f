"""Benchmark of the main job, ``surplus check --all`` (not run by pytest; prints figures).

Cold: a fresh process and an empty result cache; warm: the same again with the cache
filled.  Targets (issue 6): cold under 20 s, warm under 3 s on the 2-core machine.
Run: ``python tests/benchmarks/bench_check.py [--jobs N]``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(cache: str, jobs: str, extra: list[str]) -> tuple[float, str]:
    env = {**os.environ, "SURPLUS_CACHE_DIR": cache}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "proofs_check", "check", "--all", "--jobs", jobs, *extra],
                          capture_output=True, text=True, env=env)
    return time.perf_counter() - start, proc.stdout


def main() -> None:
    jobs = sys.argv[sys.argv.index("--jobs") + 1] if "--jobs" in sys.argv else str(os.cpu_count() or 1)
    with tempfile.TemporaryDirectory() as cache:
        cold, _ = _run(cache, jobs, [])
        warm, _ = _run(cache, jobs, [])
        timings = json.loads((Path(cache) / "timings.json").read_text())
    print(f"surplus check --all --jobs {jobs}: cold {cold:.1f} s, warm {warm:.1f} s")
    print(f"sum of per-claim times: {sum(timings.values()):.1f} s over {len(timings)} claims")
    print("five slowest claims:")
    for claim_id, seconds in sorted(timings.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {claim_id:24s} {seconds:6.2f} s")


if __name__ == "__main__":
    main()

"""``surplus market PRIOR.json``: as a user runs it, through a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "proofs_check", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_example_one_json_has_the_contract():
    proc = run("market", "examples/prior_example1.json", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"tsbar", "lower_bounds", "max_cs", "segmentations", "equilibrium_verified"} <= set(out)
    assert out["tsbar"] == "23/8" and out["lower_bounds"] == ["5/8", "5/8"] and out["max_cs"] == "13/8"
    assert out["equilibrium_verified"] is True and out["welfare_matches_theorem"] is True
    seg = next(s for s in out["segmentations"] if s["producer"] == 1 and s["cost"] == "0")
    assert seg["pstar"] == "3" and [x["weight"] for x in seg["segments"]] == ["1/5", "3/5", "1/15", "2/15"]


def test_three_producer_prior_in_text():
    proc = run("market", "examples/prior_n3.json")
    assert proc.returncode == 0, proc.stderr
    assert "3 producers" in proc.stdout and "lower bound PS_3" in proc.stdout
    assert "equilibrium verification (derived randomisation): passed" in proc.stdout


def test_printed_randomisation_reports_the_deviation_and_exits_1():
    proc = run("market", "examples/prior_example1.json", "--mixing", "printed")
    assert proc.returncode == 1
    assert "FAILED" in proc.stdout and "profitable deviation: producer" in proc.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not valid JSON: Expecting property name"),
        ("[]", "must be a JSON object"),
        ('{"profiles": []}', "needs the key 'producers'"),
        ('{"producers": 0, "profiles": []}', "producers must be a whole number >= 1; got 0"),
        ('{"producers": 1, "profiles": []}', "profiles must be a nonempty list"),
        ('{"producers": 2, "profiles": [{"v": [1], "c": [0, 0], "p": 1}]}', "profiles[0].v must have one entry per producer"),
        ('{"producers": 1, "profiles": [{"v": [1], "c": [0], "p": "1/3"}]}', "probs must sum to 1; they sum to 1/3"),
        ('{"producers": 1, "profiles": [{"v": [1], "c": [0], "p": 0.5}, {"v": [2], "c": [0], "p": 0.5}]}',
         "profiles[0].p must be exact"),
        ('{"producers": 1, "profiles": [{"v": [-1], "c": [0], "p": 1}]}', "values must be nonnegative"),
        ('{"producers": 1, "profiles": [{"v": [1], "c": [-1], "p": 1}]}', "costs must be nonnegative"),
        ('{"producers": 1, "profiles": [{"v": [1], "c": [0], "p": "-1/2"}, {"v": [2], "c": [0], "p": "3/2"}]}',
         "probs must be nonnegative"),
        ('{"producers": 1, "profiles": [{"v": [1], "c": [0], "p": "1/2"}, {"v": [1], "c": [0], "p": "1/2"}]}',
         "profile 1 repeats profile 0"),
        ('{"producers": 1, "profiles": [{"v": [1], "c": [0]}]}', "profiles[0] needs the key 'p'"),
    ],
)
def test_malformed_prior_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "prior.json"
    path.write_text(content)
    proc = run("market", str(path))
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr


def test_missing_file_is_a_usage_error():
    proc = run("market", "nope.json")
    assert proc.returncode == 2 and "nope.json: no such file" in proc.stderr

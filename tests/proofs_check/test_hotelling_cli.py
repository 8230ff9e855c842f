"""``surplus hotelling`` through a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "proofs_check", "hotelling", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("atoms", [["--atoms=-1=1/2,1=1/2"], ["--atoms", "-1=1/2,1=1/2"]])
def test_binary_atoms_json(atoms):
    proc = run(*atoms, "--json", "--dps", "20")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"b", "B", "cs", "ts", "ps", "closed_form", "benchmark"} <= set(data)
    assert {"price", "cs", "ts"} <= set(data["benchmark"])
    assert data["closed_form"]["b"] == "exp(-2)"
    assert data["b"].startswith("0.13533528323661269")
    assert abs(data["benchmark"]["price"] - 0.0554) < 2e-3


def test_uniform_cdf_text_and_plot(tmp_path):
    proc = run("--cdf", "(r+1)/2", "--dps", "20", "--plot", str(tmp_path / "fig"))
    assert proc.returncode == 0, proc.stderr
    assert "closed form: 1 - exp(-2)" in proc.stdout
    assert (tmp_path / "fig.pdf").stat().st_size > 1000 and (tmp_path / "fig.png").stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--atoms=-1=1/3,1=2/3",), "F must be symmetric"),
        (("--atoms=-2=1/2,2=1/2",), "no mass outside"),
        (("--atoms=-1:1/2",), "--atoms takes 'r1=p1,r2=p2,...'"),
        (("--cdf", "r**2"), "cdf must be nondecreasing"),
        (("--cdf", "(r+1)/2", "--atoms=0=1"), "not allowed with argument"),
        (("--cdf", "(r+1/2"), "could not parse"),
        ((), "one of the arguments --cdf --atoms is required"),
        (("--cdf", "(r+1)/2", "--vbar", "0"), "vbar must be positive"),
        (("--cdf", "(r+1)/2", "--dps", "3"), "--dps must be between 15 and 200"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    proc = run(*args)
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr

"""``surplus regulate`` through a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEC51 = ROOT / "examples" / "regulation_sec51.json"
CUSTOM = ROOT / "examples" / "regulation_custom.json"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "proofs_check", "regulate", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_section51_json_has_the_contract():
    proc = run(str(SEC51), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"virtual_costs", "ironing_intervals", "caps", "welfare"} <= set(data)
    assert data["virtual_costs"]["1"]["phi"] == "x"
    assert data["caps"]["alone"]["1"].startswith("0.26794919")  # 2 - sqrt(3)
    assert abs(data["welfare"] - 0.1202) < 2e-3


def test_custom_model_prices_and_plot(tmp_path):
    plot = tmp_path / "regions.png"
    proc = run(str(CUSTOM), "--prices", "1/10,0.3", "--plot", str(plot), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    (interval,) = data["ironing_intervals"]["1"]
    assert interval["value"] == "15**(2/3)/10"
    assert data["virtual_costs"]["2"]["phi_at_atoms"] == {"0.2": 0.2, "0.4": 0.5, "0.8": 1.8}
    assert data["entry_set"] == [1] and set(data["caps"]) == {"1", "2"}
    assert plot.stat().st_size > 10000


def test_text_output_names_the_pieces():
    proc = run(str(CUSTOM))
    assert proc.returncode == 0, proc.stderr
    for part in ("firm 1:", "ironing interval", "phi at the atoms", "expected welfare"):
        assert part in proc.stdout


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "model.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


GOOD_FIRM = {"G": "x", "support": [0, 1], "Lambda": "x", "kappa": 1}


@pytest.mark.parametrize(
    ("model", "extra", "message"),
    [
        ("{not json", (), "is not valid JSON"),
        ([], (), "must be a JSON object"),
        ({"firms": [GOOD_FIRM]}, (), "needs the key 'values'"),
        ({"firms": [], "values": [], "value_support": [0, 1]}, (), "firms must be a non-empty list"),
        ({"firms": [{**GOOD_FIRM, "Lambda": "2*x"}], "values": ["x"], "value_support": [0, 1]}, (),
         "Lambda_1 exceeds G_1 at x=1/32"),
        ({"firms": [{**GOOD_FIRM, "kappa": -1}], "values": ["x"], "value_support": [0, 1]}, (), "kappa_1 must be >= 0"),
        ({"firms": [{**GOOD_FIRM, "support": [0]}], "values": ["x"], "value_support": [0, 1]}, (),
         "firms[1].support must be a list [lo, hi]"),
        ({"firms": [{**GOOD_FIRM, "colour": 1}], "values": ["x"], "value_support": [0, 1]}, (), "unknown keys ['colour']"),
        ({"firms": [{**GOOD_FIRM, "G": {"atoms": {"0": "1/2", "1": "1/3"}}}], "values": ["x"], "value_support": [0, 1]},
         (), "atoms must have probabilities summing to 1; they sum to 5/6"),
        ({"firms": [GOOD_FIRM, GOOD_FIRM], "values": ["x"], "value_support": [0, 1]}, (), "values describe 1 goods"),
        ({"firms": [GOOD_FIRM], "values": ["2*x"], "value_support": [0, 1]}, (), "values[1] must be a CDF"),
        ({"firms": [GOOD_FIRM], "values": "x", "value_support": [0, 1]}, (), "values must be a list"),
        ({"firms": [GOOD_FIRM], "values": ["x"], "value_support": [0, 1]}, ("--prices", "1,2"), "one price per firm (1); got 2"),
        ({"firms": [GOOD_FIRM], "values": ["x"], "value_support": [0, 1]}, ("--prices", "-1"), "price 1 must be >= 0"),
        ({"firms": [GOOD_FIRM], "values": ["x"], "value_support": [0, 1]}, ("--plot", "x.png"), "--plot draws the regions"),
    ],
)
def test_bad_models_are_one_line_and_exit_2(tmp_path, model, extra, message):
    proc = run(str(_write(tmp_path, model)), *extra)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_missing_file_is_a_usage_error():
    proc = run("no/such/model.json")
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_numeric_fallback_when_the_tangent_has_no_closed_form(tmp_path):
    """Weights x e^(x-1) above 1/2: the common tangent is transcendental; phi comes from the
    numeric hull refined by root finding (psi(t1) = psi(t2) = phi)."""
    model = {"firms": [{"G": "x", "support": [0, 1], "Lambda": "Piecewise((0, x < 1/2), (x*exp(x - 1), True))",
                        "kappa": 1}], "values": ["x"], "value_support": [0, 1]}
    proc = run(str(_write(tmp_path, model)), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["virtual_costs"]["1"]["method"].startswith("numeric")
    (interval,) = data["ironing_intervals"]["1"]
    assert abs(interval["value_float"] - 2 * interval["from_float"]) < 1e-9  # psi = 2x on the left piece
    assert abs(interval["value_float"] - 0.823215705966) < 1e-9

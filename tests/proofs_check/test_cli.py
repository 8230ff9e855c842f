"""The command line through a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "proofs_check", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_list_shows_every_claim():
    from proofs_check.claims import ids

    proc = run("list")
    assert proc.returncode == 0
    for claim_id in ids():
        assert claim_id in proc.stdout


def test_check_json_has_the_contract():
    proc = run("check", "bbm.ex4", "bbm.thm3", "--json", "--dps", "30")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [d["id"] for d in data] == ["bbm.ex4", "bbm.thm3"]
    for d in data:
        assert {"id", "status", "symbolic", "numeric", "agreement_digits", "printed", "latex"} <= set(d)
        assert d["status"] in ("certified", "verified")
        assert all({"text", "derived", "verdict"} <= set(p) for p in d["printed"])


def test_check_table_reports_disagreements_without_failing():
    proc = run("check", "bbm.ex4.optimum", "--dps", "20")
    assert proc.returncode == 0, proc.stderr
    assert "bbm.ex4.optimum" in proc.stdout and "certified" in proc.stdout
    assert "printed '≈ 0.07'" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "bbm.nope"), "unknown claim id 'bbm.nope'"),
        (("check",), "nothing to check"),
        (("check", "--all", "bbm.ex4"), "not both"),
        (("check", "--all", "--dps", "5"), "--dps must be between 15 and 1000; got 5"),
        (("check", "--all", "--dps", "many"), "--dps must be a whole number; got 'many'"),
        (("check", "--frobnicate"), "unrecognized arguments: --frobnicate"),
        (("show", "nope"), "unknown claim id 'nope'"),
        (("latex",), "the following arguments are required: ID"),
        (("report",), "the following arguments are required: --out"),
        (("fly",), "invalid choice: 'fly'"),
        ((), "the following arguments are required: COMMAND"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr


def test_show_gives_steps_values_verdicts_and_latex():
    proc = run("show", "bbm.thm3", "--dps", "20")
    assert proc.returncode == 0, proc.stderr
    for part in ("derivation:", "values (derived", "printed:", "LaTeX:", "remarks:", "[agrees]"):
        assert part in proc.stdout


def test_latex_snippet():
    proc = run("latex", "bbm.GbB")
    assert proc.returncode == 0
    assert "\\begin{cases}" in proc.stdout


def test_console_script_is_installed():
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "surplus"]
    assert script.value == "proofs_check.cli:main"

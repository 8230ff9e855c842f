"""Every LaTeX snippet and the report compile with pdflatex.

Skipped with the reason stated when pdflatex is absent, except under CI (environment
variable CI set), where a missing pdflatex is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from proofs_check.claims import get, ids
from proofs_check.latex import PREAMBLE, equations
from proofs_check.report import PDFLATEX_HINT, compile_pdf, write_report

HAVE_PDFLATEX = shutil.which("pdflatex") is not None


@pytest.fixture(autouse=True)
def _need_pdflatex():
    if not HAVE_PDFLATEX:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {PDFLATEX_HINT}")
        pytest.skip(PDFLATEX_HINT)


@pytest.mark.parametrize("claim_id", ids())
def test_snippet_compiles(claim_id, tmp_path):
    claim = get(claim_id)
    snippet = (claim.latex or equations)(claim.symbolic())
    pdf = compile_pdf(PREAMBLE + "\\begin{document}\n" + snippet + "\n\\end{document}\n", tmp_path / "s.pdf", runs=1)
    assert pdf.stat().st_size > 1000


def test_report_compiles_with_every_claim_and_disagreement(claim_results, tmp_path):
    files = write_report(list(claim_results.values()), tmp_path)
    assert files.pdf is not None and files.pdf.stat().st_size > 10000
    tex = files.tex.read_text()
    assert "Errata: disagreements with the print" in tex
    for claim_id in ids():
        assert claim_id.replace("_", "\\_") in tex
    data = json.loads(files.json.read_text())
    assert [d["id"] for d in data] == list(claim_results)

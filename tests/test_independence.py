"""The numeric side is independent: it imports no symbolic function (only the shared model
classes), and neither side imports the checker."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALLOWED_FROM_SYMBOLIC = {"symbolic.models"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


@pytest.mark.parametrize("path", sorted((ROOT / "numeric").glob("*.py")), ids=lambda p: p.name)
def test_numeric_imports_only_model_classes_from_symbolic(path):
    for name in _imports(path):
        if name == "symbolic" or name.startswith("symbolic."):
            assert any(name == a or name.startswith(a + ".") for a in ALLOWED_FROM_SYMBOLIC), name
        assert not name.startswith("proofs_check"), name


@pytest.mark.parametrize("path", sorted((ROOT / "symbolic").glob("*.py")), ids=lambda p: p.name)
def test_symbolic_never_imports_the_checker_or_numeric(path):
    for name in _imports(path):
        assert not name.startswith(("proofs_check", "numeric")), name


@pytest.mark.parametrize("path", sorted((ROOT / "numeric").glob("*.py")), ids=lambda p: p.name)
def test_numeric_never_evaluates_sympy_results(path):
    text = path.read_text()
    for banned in ("lambdify", ".evalf(", "sp.N(", "sympy.N("):
        assert banned not in text, banned


@pytest.mark.parametrize("path", sorted(ROOT.glob("[snp]*/**/*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_precision_only_through_contexts(path):
    text = path.read_text()
    for banned in ("mp.dps =", "mp.prec =", "mp.dps=", "mp.prec="):
        assert banned not in text, banned

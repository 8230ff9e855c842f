"""README: exactly the two set-up commands, and a claims table in step with the registry."""

from __future__ import annotations

import re
from pathlib import Path

from proofs_check.readme import END, START, claims_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_has_exactly_the_two_setup_commands():
    text = README.read_text()
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    assert [b.strip() for b in blocks] == ["pip install -e . && surplus check --all",
                                           "pip install -e '.[test]' && pytest"]


def test_readme_table_matches_the_current_results(claim_results):
    text = README.read_text()
    table = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert table == claims_table(list(claim_results.values())), "run 'surplus readme' to regenerate the table"

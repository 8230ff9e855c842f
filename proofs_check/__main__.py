"""``python -m proofs_check`` is the ``surplus`` command."""

from proofs_check.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

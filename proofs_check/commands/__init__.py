"""Solver commands of the ``surplus`` CLI, one module each (``market``, ``hotelling``, ``regulate``).

A command module defines ``NAME`` (the subcommand), ``HELP`` (one line),
``add_arguments(parser)`` and ``run(args) -> int``; it raises
:class:`proofs_check.commands.UsageError` (or ``ValueError``/``TypeError`` from the model
validation) for bad input, which the CLI turns into one line on stderr and exit code 2.
Adding a command is adding a module here.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

__all__ = ["UsageError", "modules"]


class UsageError(Exception):
    """A problem with what the user typed: reported in one line, exit code 2."""


def modules() -> list[ModuleType]:
    """The command modules in this package, in name order."""
    return [importlib.import_module(f"{__name__}.{m.name}") for m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)]

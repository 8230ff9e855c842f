"""The ``surplus`` command line: list, check, show, latex and report the claims.

Exit codes: 0 when every checked claim is verified, 1 when one failed or errored, 2 for a
usage error (unknown id, bad flag or value), always with a one-line message on stderr and
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

__all__ = ["main", "UsageError", "args_command"]

DEFAULT_DPS = 50
MIN_DPS, MAX_DPS = 15, 1000


from proofs_check.commands import UsageError, modules


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _dps(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--dps must be a whole number; got {text!r}") from None
    if not MIN_DPS <= value <= MAX_DPS:
        raise argparse.ArgumentTypeError(f"--dps must be between {MIN_DPS} and {MAX_DPS}; got {value}")
    return value


def _parser() -> _Parser:
    parser = _Parser(prog="surplus", description="Derive, check and export the claims of economic-theory papers.")
    parser.add_argument("--version", action="version", version="surplus 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    sub.add_parser("list", help="claim ids, place in the paper, one-line statement")

    check = sub.add_parser("check", help="derive and independently check claims")
    check.add_argument("ids", nargs="*", metavar="ID", help="claim ids (see 'surplus list')")
    check.add_argument("--all", action="store_true", help="check every claim")
    check.add_argument("--dps", type=_dps, default=DEFAULT_DPS, help=f"decimal digits (default {DEFAULT_DPS})")
    check.add_argument("--json", action="store_true", help="print a JSON array, one object per claim")
    _add_run_flags(check)

    show = sub.add_parser("show", help="statement, derivation steps, values, verdicts and LaTeX of one claim")
    show.add_argument("id", metavar="ID")
    show.add_argument("--dps", type=_dps, default=DEFAULT_DPS)
    _add_run_flags(show)

    latex = sub.add_parser("latex", help="a LaTeX snippet (amsmath, booktabs) for one claim")
    latex.add_argument("id", metavar="ID")
    latex.add_argument("--standalone", action="store_true", help="a whole compilable document")

    report = sub.add_parser("report", help="report.json, report.tex and report.pdf for every claim")
    report.add_argument("--out", required=True, type=Path, metavar="DIR")
    report.add_argument("--dps", type=_dps, default=DEFAULT_DPS)
    _add_run_flags(report)

    readme = sub.add_parser("readme", help="regenerate the claims table in README.md")
    readme.add_argument("--path", type=Path, default=Path("README.md"))
    readme.add_argument("--dps", type=_dps, default=DEFAULT_DPS)
    _add_run_flags(readme)

    for module in modules():
        module.add_arguments(sub.add_parser(module.NAME, help=module.HELP))
    return parser


def _claims(ids: Sequence[str], every: bool) -> list:
    from proofs_check.claims import CLAIMS, get

    if every and ids:
        raise UsageError("give claim ids or --all, not both")
    if every:
        return list(CLAIMS)
    if not ids:
        raise UsageError("nothing to check: give claim ids or --all (see 'surplus list')")
    try:
        return [get(i) for i in ids]
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None


def _run(claims: list, args: argparse.Namespace) -> list:
    from proofs_check.runner import run_claims

    live = sys.stderr.isatty()

    def progress(k: int, n: int, claim_id: str) -> None:
        if live:
            sys.stderr.write(f"\r[{k}/{n}] {claim_id} ...".ljust(70))
            sys.stderr.flush()

    return run_claims(claims, args.dps, jobs=getattr(args, "jobs", 1), use_cache=not getattr(args, "no_cache", False),
                      progress=progress)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number; got {text!r}") from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"--jobs must be between 1 and 64; got {value}")
    return value


def _add_run_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                        help="claims checked in N parallel processes (default: the number of CPUs)")
    parser.add_argument("--no-cache", action="store_true", help="recompute instead of reusing cached results")


def _summary(result) -> str:  # noqa: ANN001
    agree = sum(p.verdict == "agrees" for p in result.printed)
    disagree = sum(p.verdict == "disagrees" for p in result.printed)
    return f"{agree} agree, {disagree} disagree" if result.printed else "-"


def _table(results: list) -> str:
    rows = [("claim", "status", "digits", "printed", "seconds")]
    rows += [(r.id, r.status, str(r.agreement_digits), _summary(r), f"{r.seconds:.2f}") for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    wrong = [(r, p) for r in results for p in r.printed if p.verdict != "agrees"]
    if wrong:
        lines += ["", "Disagreements with the print:"]
        lines += [f"  {r.id} [{p.quantity}] printed '{p.text}': {p.note}" for r, p in wrong]
    bad = [r for r in results if r.status not in ("certified", "verified")]
    if bad:
        lines += ["", "Not verified:"]
        for r in bad:
            reason = r.error.splitlines()[0] if r.error else "; ".join(
                [f"{q.name}: {q.detail}" for q in r.quantities if not q.agrees]
                + [f"check failed: {name}" for name, ok in r.checks.items() if not ok])
            lines.append(f"  {r.id} ({r.status}): {reason}")
    counts = {s: sum(r.status == s for r in results) for s in ("certified", "verified", "failed", "error")}
    lines += ["", f"{len(results)} claims: {counts['certified']} certified, {counts['verified']} verified (not "
              f"certified), {counts['failed']} failed, {counts['error']} error"]
    uncertified = [r for r in results if r.status == "verified"]
    if uncertified:
        lines += ["Verified but not certified:"] + [f"  {r.id}: {r.certification}" for r in uncertified]
    return "\n".join(lines)


def _exit_code(results: list) -> int:
    return 0 if all(r.status in ("certified", "verified") for r in results) else 1


def _cmd_list() -> int:
    from proofs_check.claims import CLAIMS

    width = max(len(c.id) for c in CLAIMS)
    for c in CLAIMS:
        print(f"{c.id.ljust(width)}  {c.where}\n{' ' * width}  {c.statement}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    results = _run(_claims(args.ids, args.all), args)
    if args.json:
        print(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False))
    else:
        print(_table(results))
    return _exit_code(results)


def _cmd_show(args: argparse.Namespace) -> int:
    (result,) = _run(_claims([args.id], False), args)
    out = [f"{result.id} — {result.where}", f"  {result.statement}", f"status: {result.status}"
           f" (agreement: {result.agreement_digits} at {result.dps} digits, {result.seconds:.2f} s)"]
    if result.error:
        out.append(f"error: {result.error}")
    out.append("\nderivation:")
    out += [f"  {k}. {d}:\n       {v}" for k, (d, v, _) in enumerate(result.steps, 1)]
    out.append("\nvalues (derived | independent witness | digits):")
    for q in result.quantities:
        numeric = f"{len(q.numeric)} points" if isinstance(q.numeric, list) else q.numeric
        out.append(f"  {q.name}: {q.symbolic} | {numeric} | {'exact' if q.exact else q.digits}"
                   f"{'' if q.agrees else '  FAILS: ' + q.detail}")
    if result.checks:
        out.append("\nside conditions:")
        out += [f"  {'holds' if ok else 'FAILS'}: {name}" for name, ok in result.checks.items()]
    if result.printed:
        out.append("\nprinted:")
        out += [f"  [{p.verdict}] {p.quantity}: '{p.text}' — derived {p.derived}; {p.note}" for p in result.printed]
    if result.remarks:
        out.append("\nremarks:")
        out += [f"  - {r}" for r in result.remarks]
    out.append("\nLaTeX:\n" + result.latex)
    print("\n".join(out))
    return _exit_code([result])


def _cmd_latex(args: argparse.Namespace) -> int:
    from proofs_check.latex import PREAMBLE, equations

    (claim,) = _claims([args.id], False)
    snippet = (claim.latex or equations)(claim.symbolic())
    if args.standalone:
        snippet = PREAMBLE + "\\begin{document}\n" + snippet + "\n\\end{document}"
    print(snippet)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from proofs_check.report import write_report

    claims = _claims([], True)
    results = _run(claims, args)
    figures = []
    for claim in claims:
        for make in claim.figures:
            try:
                figures += make(args.out / "figures")
            except Exception as exc:  # noqa: BLE001 - a figure that fails is reported, the report still written
                print(f"surplus: figure of {claim.id} not drawn: {type(exc).__name__}: {exc}", file=sys.stderr)
    files = write_report(results, args.out, figures)
    print(_table(results))
    print(files.message, file=sys.stderr if files.pdf is None else sys.stdout)
    return _exit_code(results)


def _cmd_readme(args: argparse.Namespace) -> int:
    from proofs_check.readme import update_readme

    if not args.path.is_file():
        raise UsageError(f"--path {args.path} is not a file")
    results = _run(_claims([], True), args)
    update_readme(args.path, results)
    print(f"updated the claims table in {args.path}")
    return _exit_code(results)


def args_command(argv: Sequence[str] | None) -> str | None:
    """The subcommand named on the command line (the first word that is not a flag)."""
    words = sys.argv[1:] if argv is None else list(argv)
    return next((w for w in words if not w.startswith("-")), None)


_VALUE_MAY_START_WITH_MINUS = ("--atoms", "--cdf", "--prices")


def _join_values(argv: Sequence[str]) -> list[str]:
    """``--atoms -1=1/2,...`` as ``--atoms=-1=1/2,...``: a leading minus in a value is not a flag."""
    out: list[str] = []
    words = list(argv)
    k = 0
    while k < len(words):
        if words[k] in _VALUE_MAY_START_WITH_MINUS and k + 1 < len(words):
            out.append(f"{words[k]}={words[k + 1]}")
            k += 2
        else:
            out.append(words[k])
            k += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = _parser().parse_args(_join_values(sys.argv[1:] if argv is None else argv))
        commands = {
            "list": lambda: _cmd_list(),
            "check": lambda: _cmd_check(args),
            "show": lambda: _cmd_show(args),
            "latex": lambda: _cmd_latex(args),
            "report": lambda: _cmd_report(args),
            "readme": lambda: _cmd_readme(args),
        }
        commands.update({m.NAME: (lambda m=m: m.run(args)) for m in modules()})
        return commands[args.command]()
    except UsageError as exc:
        print(f"surplus: error: {exc}", file=sys.stderr)
        return 2
    except (ValueError, TypeError) as exc:  # model validation: the message names the field and the rule
        if args_command(argv) in {m.NAME for m in modules()}:
            print(f"surplus: error: {exc}", file=sys.stderr)
            return 2
        print(f"surplus: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("surplus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
        print(f"surplus: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1

r"""The report: ``report.json``, ``report.tex`` and, with pdflatex, ``report.pdf``.

One section per paper; for every claim its statement, place, status, LaTeX, the derivation's
steps, a table of derived and witnessed values with their agreeing digits, the printed values
with verdicts, and the remarks; at the end every disagreement with the print and every note
on the printed text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from proofs_check.checker import ClaimResult
from proofs_check.latex import PREAMBLE, escape
from proofs_check.registry import PAPERS

__all__ = ["ReportFiles", "PdflatexMissing", "report_tex", "compile_pdf", "write_report", "PDFLATEX_HINT"]

PDFLATEX_HINT = (
    "pdflatex is not installed; on Debian or Ubuntu: "
    "apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended"
)


class PdflatexMissing(RuntimeError):
    """pdflatex is not on the PATH."""


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """Paths written by :func:`write_report` (``pdf`` is None without pdflatex)."""

    json: Path
    tex: Path
    pdf: Path | None
    message: str


def _truncate(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _breakable(claim_id: str) -> str:
    """A claim id that may break after its dots in a narrow column."""
    return "\\texttt{" + escape(claim_id).replace(".", ".\\allowbreak{}") + "}"


def _numeric_cell(value: object) -> str:
    if isinstance(value, list):
        return f"{len(value)} points"
    return _truncate(str(value), 28)


def _claim_tex(result: ClaimResult) -> str:
    out = [f"\\subsection*{{{escape(result.id)}}}", f"\\addcontentsline{{toc}}{{subsection}}{{{escape(result.id)}}}"]
    out.append(f"\\noindent\\textit{{{escape(result.where)}.}} {escape(result.statement)}\\\\[2pt]")
    digits = result.agreement_digits
    out.append(
        f"\\textbf{{Status: {escape(result.status)}}}"
        + (f" --- agreement: {escape(str(digits))}{' digits' if isinstance(digits, int) else ''} at {result.dps} digits"
           if digits is not None else "")
        + f" ({result.seconds:.2f}\\,s)."
    )
    if result.error:
        out.append(f"\n\\noindent Error: \\texttt{{{escape(_truncate(result.error.splitlines()[0], 150))}}}")
    if result.certification:
        out.append(f"\n\\noindent Certification: {escape(result.certification)}.")
    if result.latex:
        out.append("\n" + result.latex)
    if result.quantities:
        out.append("\n\\begin{center}\\small\\begin{tabular}{lp{5.2cm}p{4.2cm}r}\n\\toprule")
        out.append("quantity & derived & independent witness & digits \\\\\n\\midrule")
        for q in result.quantities:
            label = result.labels.get(q.name)
            name = f"${label}$" if label else escape(q.name)
            derived = result.values_latex.get(q.name)
            derived_cell = f"${derived}$" if derived and len(derived) < 90 else escape(_truncate(q.symbolic, 40))
            digits_cell = "exact" if q.exact else ("--" if q.digits is None else str(q.digits))
            if not q.agrees:
                digits_cell += " (fails)"
            out.append(f"{name} & {derived_cell} & {escape(_numeric_cell(q.numeric))} & {digits_cell} \\\\")
        out.append("\\bottomrule\n\\end{tabular}\\end{center}")
    if result.checks:
        out.append("\\noindent Side conditions checked by the witness:\n\\begin{itemize}")
        out += [f"\\item {escape(name)}: {'holds' if ok else 'FAILS'}" for name, ok in result.checks.items()]
        out.append("\\end{itemize}")
    if result.printed:
        out.append("\\begin{center}\\small\\begin{tabular}{p{6.3cm}p{3.2cm}lp{3.6cm}}\n\\toprule")
        out.append("printed & derived & verdict & note \\\\\n\\midrule")
        for p in result.printed:
            out.append(
                f"{escape(p.text)} & {escape(_truncate(p.derived, 40))} & \\textbf{{{escape(p.verdict)}}} & "
                f"{escape(_truncate(p.note, 120))} \\\\"
            )
        out.append("\\bottomrule\n\\end{tabular}\\end{center}")
    if result.steps:
        out.append("\\noindent\\textbf{Derivation.}\n\\begin{enumerate}\\small")
        for description, _, latex in result.steps:
            body = f"\\\\ $\\displaystyle {latex}$" if len(latex) < 160 else ""
            out.append(f"\\item {escape(description)}{body}")
        out.append("\\end{enumerate}")
    for remark in result.remarks:
        out.append(f"\\noindent\\textbf{{Remark.}} {escape(remark)}\\par")
    return "\n".join(out) + "\n"


def _figure_paper(path: object) -> str:
    """The paper a figure belongs to, from its file name (``bbm_...``, ``yz_...``)."""
    return Path(str(path)).name.split("_", 1)[0]


def report_tex(results: Sequence[ClaimResult], figures: Sequence[tuple[str, str]] = (), title: str = "",
               code: str = "") -> str:
    """The report as one LaTeX document: title page, contents, summary, a section per paper
    with every claim, the regenerated figures, the errata and the notes on the printed text.

    ``figures`` are ``(path, caption)`` pairs of regenerated figures to include.
    """
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    papers = [p for p in PAPERS if any(r.paper == p for r in results)]
    heading = title or ("; ".join(PAPERS[p] for p in papers) if len(papers) == 1 else "Checked claims of two papers")
    wrong = [(r, p) for r in results for p in r.printed if p.verdict != "agrees"]
    dps = sorted({r.dps for r in results})
    out = [PREAMBLE, r"\begin{document}", r"\begin{titlepage}\centering\vspace*{3cm}",
           r"{\LARGE\bfseries surplus: checked mathematics\par}\vspace{1cm}",
           rf"{{\Large {escape(heading)}\par}}\vspace{{1.5cm}}",
           rf"{len(results)} claims: {escape(summary)}\\[4pt]",
           rf"{len(wrong)} printed values disagree with their derivation (errata, section \ref{{sec:errata}})\\[4pt]",
           rf"independent numeric witnesses at {escape(', '.join(map(str, dps)))} digits; closed forms enclosed in "
           r"ball arithmetic (arb) where certified\\[4pt]",
           (rf"code {escape(code)}\\[4pt]" if code else ""),
           r"\vfill generated by \texttt{surplus report} \quad \today\end{titlepage}",
           r"\tableofcontents\clearpage"]
    out.append(r"\section*{Summary}\addcontentsline{toc}{section}{Summary}")
    out.append("\\begin{longtable}{llll}\n\\toprule\nclaim & status & digits & printed values \\\\\n\\midrule\\endhead")
    for r in results:
        agree = sum(p.verdict == "agrees" for p in r.printed)
        disagree = sum(p.verdict == "disagrees" for p in r.printed)
        printed = f"{agree} agree, {disagree} disagree" if r.printed else "none printed"
        out.append(f"{escape(r.id)} & {escape(r.status)} & {escape(str(r.agreement_digits))} & {printed} \\\\")
    out.append("\\bottomrule\n\\end{longtable}")
    for paper in papers:
        out.append(f"\\section{{{escape(PAPERS[paper])}}}")
        out += [_claim_tex(r) for r in results if r.paper == paper]
    mine = [(path, caption) for path, caption in figures if _figure_paper(path) in papers]
    if mine:
        out.append("\\section{Regenerated figures}")
        for path, caption in mine:
            out.append(f"\\begin{{figure}}[h]\\centering\\includegraphics[width=0.85\\textwidth]{{{path}}}"
                       f"\\caption{{{escape(caption)}}}\\end{{figure}}")
        out.append("\\clearpage")
    out.append("\\section{Errata: disagreements with the print}\\label{sec:errata}")
    if wrong:
        out.append("Each row: the value as printed, the value derived (and checked independently), and why they "
                   "differ.\n")
        out.append("\\begin{longtable}{>{\\raggedright}p{2.7cm}>{\\raggedright}p{5.0cm}>{\\raggedright}p{2.6cm}"
                   ">{\\raggedright\\arraybackslash}p{5cm}}\n\\toprule")
        out.append("claim & printed & derived & note \\\\\n\\midrule\\endhead")
        for r, p in wrong:
            out.append(f"{_breakable(r.id)} & {escape(p.text)} & {escape(_truncate(p.derived, 40))} & "
                       f"{escape(p.verdict)}: {escape(_truncate(p.note, 160))} \\\\")
        out.append("\\bottomrule\n\\end{longtable}")
    else:
        out.append("None: every printed value agrees with its derivation.")
    notes = [(r, remark) for r in results for remark in r.remarks]
    if notes:
        out.append("\\section{Notes on the printed text}\n\\begin{itemize}")
        out += [f"\\item \\textbf{{{escape(r.id)}}}: {escape(remark)}" for r, remark in notes]
        out.append("\\end{itemize}")
    out.append("\\end{document}")
    return "\n".join(out) + "\n"


def compile_pdf(tex: str, out_pdf: Path, runs: int = 2) -> Path:
    """Compile ``tex`` with pdflatex (twice, for the contents) into ``out_pdf``.

    Raises
    ------
    PdflatexMissing
        When pdflatex is not installed.
    RuntimeError
        When pdflatex fails, with the first error line of its log.
    """
    exe = shutil.which("pdflatex")
    if exe is None:
        raise PdflatexMissing(PDFLATEX_HINT)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.tex"
        source.write_text(tex, encoding="utf-8")
        for _ in range(runs):
            proc = subprocess.run(
                [exe, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                cwd=tmp, capture_output=True, text=True, errors="replace", timeout=300,
            )
            if proc.returncode != 0:
                errors = [line for line in proc.stdout.splitlines() if line.startswith("!")]
                raise RuntimeError(f"pdflatex failed: {errors[0] if errors else proc.stdout[-300:]}")
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(tmp) / "doc.pdf", out_pdf)
    return out_pdf


def write_report(results: Sequence[ClaimResult], out_dir: Path, figures: Sequence[tuple[str, str]] = ()) -> ReportFiles:
    """Write ``report.json``, ``report.tex`` and ``report.pdf`` (every paper) into ``out_dir``,
    and ``report-<paper>.tex``/``.pdf`` for each paper; the PDFs need pdflatex."""
    from proofs_check.runner import code_hash

    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "report.json"
    json_path.write_text(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    figures = [(str(Path(p).resolve()), c) for p, c in figures]
    documents = {"report": report_tex(results, figures, code=code_hash())}
    for paper in PAPERS:
        mine = [r for r in results if r.paper == paper]
        if mine and len(mine) < len(results):
            documents[f"report-{paper}"] = report_tex(mine, figures, title=PAPERS[paper], code=code_hash())
    written: list[Path] = []
    message = ""
    for name, tex in documents.items():
        tex_path = out_dir / f"{name}.tex"
        tex_path.write_text(tex, encoding="utf-8")
        written.append(tex_path)
        try:
            written.append(compile_pdf(tex, out_dir / f"{name}.pdf"))
        except PdflatexMissing as exc:
            message = f"PDFs not written: {exc}"
    pdf = out_dir / "report.pdf"
    if message:
        return ReportFiles(json_path, out_dir / "report.tex", None, message)
    return ReportFiles(json_path, out_dir / "report.tex", pdf,
                       "wrote " + ", ".join(str(p) for p in [json_path, *written]))

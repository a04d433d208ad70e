"""``license-desk insights``: who holds a license they do not use, and what it costs.

    license-desk insights [--inactive-days N] [--json | --csv FILE | --xlsx FILE | --pdf FILE]

Without an output option it prints a summary. ``--json`` prints the stable shape documented in
``docs/insights-json.md``. ``--pdf`` needs Qt's PDF writer, which lives in the window's layer:
the program's entry point (``ui/launcher.py``) hands it in as ``args.pdf_writer``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.insight_common import (
    ensure_insight_access,
    positive_days,
    read,
    refuses_bad_prices,
)
from desktop.commands.json_output import write_json
from desktop.commands.output import table
from desktop.insight.english import KIND, NOTE, SOURCE, money_text
from desktop.insight.export import write_csv, write_xlsx
from desktop.insight.findings import DEFAULT_INACTIVE_DAYS, FindingKind
from desktop.insight.report import InsightReport, build_report, report_json
from desktop.numbers import spreadsheet_style

PdfWriter = Callable[[InsightReport, Path], None]
SHOWN_FINDINGS = 40
NO_PDF = "PDF reports need the window's libraries: run the license-desk program itself."


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    insights = subparsers.add_parser(
        "insights",
        help="find wasted licenses and what they cost",
        description=(
            "Blocked accounts holding licenses, users inactive for N days or who never signed "
            "in, packages another one already covers, seats never assigned; with monthly costs "
            "from the tenant's prices (see `license-desk prices`)."
        ),
    )
    insights.add_argument(
        "--inactive-days",
        metavar="N",
        type=positive_days,
        default=DEFAULT_INACTIVE_DAYS,
        help=f"inactive after N days without a sign-in (default {DEFAULT_INACTIVE_DAYS})",
    )
    output = insights.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON (docs/insights-json.md)")
    output.add_argument("--csv", metavar="FILE", type=Path, help="write findings (and packages)")
    output.add_argument("--xlsx", metavar="FILE", type=Path, help="write an Excel workbook")
    output.add_argument("--pdf", metavar="FILE", type=Path, help="write a one-page PDF summary")
    add_connection_options(insights)
    insights.set_defaults(handler=handles_errors(refuses_bad_prices(run_insights)))


def run_insights(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    pdf_writer: PdfWriter | None = getattr(args, "pdf_writer", None)
    if args.pdf is not None and pdf_writer is None:
        print(NO_PDF, file=sys.stderr)
        return EXIT_BAD_INPUT
    with make_client(args) as client:
        ensure_insight_access(client)
        snapshot, data = read(client)
    report = build_report(snapshot, data.prices, data.keep, inactive_days=args.inactive_days)
    if args.json:
        write_json(report_json(report), out)
    elif args.csv is not None:
        for path in write_csv(report, args.csv, spreadsheet_style()):
            print(f"Wrote {path}", file=out)
    elif args.xlsx is not None:
        print(f"Wrote {write_xlsx(report, args.xlsx)}", file=out)
    elif args.pdf is not None and pdf_writer is not None:
        pdf_writer(report, args.pdf)
        print(f"Wrote {args.pdf}", file=out)
    else:
        print_summary(report, out)
    return EXIT_OK


def print_summary(report: InsightReport, out: TextIO) -> None:
    summary, findings = report.summary, report.findings
    for note in report.notes:
        print(f"Note: {NOTE[note]}", file=out)
    source = SOURCE[findings.source] if findings.source else "none"
    print(f"Last activity from: {source}; inactive after {findings.inactive_days} days", file=out)
    print(f"Monthly cost: {money_text(summary.monthly_cost)}", file=out)
    print(f"Monthly waste: {money_text(summary.monthly_waste)}", file=out)
    if summary.unpriced:
        print(f"Without a price (not counted): {', '.join(summary.unpriced)}", file=out)
    rows = [
        [
            p.part_number, str(p.total), str(p.assigned), str(p.inactive), str(p.free),
            money_text([p.monthly_cost]) if p.monthly_cost else "no price",
            money_text([p.monthly_waste]) if p.monthly_waste else "no price",
        ]
        for p in summary.packages
    ]  # fmt: skip
    print(file=out)
    headers = ["Package", "Total", "Assigned", "Inactive", "Free", "Cost/month", "Waste/month"]
    print(table(headers, rows, right=(1, 2, 3, 4, 5, 6)), file=out)
    counts = ", ".join(f"{len(findings.of_kind(k))} {KIND[k]}" for k in FindingKind)
    print(f"\nFindings: {counts}", file=out)
    lines = []
    for finding in findings.findings[:SHOWN_FINDINGS]:
        who = finding.user_principal_name or f"{finding.seats} seat(s)"
        cost = money_text(finding.monthly_cost) if finding.monthly_cost else "no price"
        since = f", {finding.days_inactive} days" if finding.days_inactive is not None else ""
        lines.append([who, KIND[finding.kind] + since, ", ".join(finding.part_numbers), cost])
    if lines:
        print(table(["Who", "Finding", "Packages", "Cost/month"], lines, right=(3,)), file=out)
    if len(findings.findings) > SHOWN_FINDINGS:
        more = len(findings.findings) - SHOWN_FINDINGS
        print(f"... and {more} more (use --csv or --xlsx)", file=out)

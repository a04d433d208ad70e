"""``license-desk prices``: the tenant's monthly price per license package.

    license-desk prices list
    license-desk prices set SKU AMOUNT --currency CUR
    license-desk prices remove SKU
    license-desk prices import FILE      # skuPartNumber,monthlyPrice,currency
    license-desk prices export FILE

Prices are the administrator's own numbers, kept per tenant in its private data folder. A
package without a price is shown as such and never counted as free.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.insight_common import refuses_bad_prices, tenant_data, tenant_id_of
from desktop.commands.output import table
from desktop.csv_export import csv_export
from desktop.insight.prices import COLUMNS, PriceBook, check_part_number, parse_price, save_prices


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    prices = subparsers.add_parser(
        "prices",
        help="monthly prices per license package (for insight costs)",
        description="Prices are kept per tenant in License Desk's private data folder.",
    )
    actions = prices.add_subparsers(dest="prices_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="show the prices and the packages without one")
    add_connection_options(listing)
    setting = actions.add_parser("set", help="set one package's monthly price")
    setting.add_argument("sku", metavar="SKU", help="part number, e.g. ENTERPRISEPACK")
    setting.add_argument("amount", metavar="AMOUNT", help="monthly price per seat, e.g. 97.50")
    setting.add_argument("--currency", metavar="CUR", required=True, help="e.g. PLN, EUR, USD")
    add_connection_options(setting)
    removing = actions.add_parser("remove", help="forget one package's price")
    removing.add_argument("sku", metavar="SKU")
    add_connection_options(removing)
    importing = actions.add_parser("import", help="replace the prices with a CSV file's")
    importing.add_argument("file", metavar="FILE", type=Path)
    add_connection_options(importing)
    exporting = actions.add_parser("export", help="write the prices to a CSV file")
    exporting.add_argument("file", metavar="FILE", type=Path)
    add_connection_options(exporting)
    for parser in (listing, setting, removing, importing, exporting):
        parser.set_defaults(handler=handles_errors(refuses_bad_prices(run_prices)))


def run_prices(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    action = args.prices_action
    if action == "import":  # read the file before any connection: bad input fails fast
        imported = PriceBook.from_csv(args.file.read_text(encoding="utf-8-sig"), str(args.file))
    if action == "set":
        part, price = check_part_number(args.sku), parse_price(args.amount, args.currency)
    with make_client(args) as client:
        data = tenant_data(client, tenant_id_of(client))
        skus = client.list_skus() if action in ("list", "set") else []
    book = data.prices
    known = {sku.sku_part_number for sku in skus}
    if action == "list":
        rows = [[p, f"{m.amount:.2f}", m.currency] for p, m in sorted(book.prices.items())]
        rows += [[p, "no price", ""] for p in sorted(known - set(book.prices))]
        print(table(["Package", "Monthly price", "Currency"], rows, right=(1,)), file=out)
        return EXIT_OK
    if action == "export":
        with csv_export(args.file) as writer:
            writer.writerow(COLUMNS)
            for part_number, money in sorted(book.prices.items()):
                writer.writerow([part_number, f"{money.amount:.2f}", money.currency])
        print(f"Wrote {args.file}", file=out)
        return EXIT_OK
    if action == "set":
        if part not in known:
            print(
                f"The tenant has no package {part}: see `license-desk prices list`.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        book.set(part, price)
    elif action == "remove":
        if not book.remove(args.sku):
            print(f"{args.sku} has no price.", file=sys.stderr)
            return EXIT_BAD_INPUT
    elif action == "import":
        book = imported
    path = save_prices(data.folder, book)
    print(f"Saved {len(book.prices)} price(s) in {path}", file=out)
    return EXIT_OK

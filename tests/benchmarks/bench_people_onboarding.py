"""Onboarding benchmark: a 200-row HR export imported, then everyone created with Microsoft 365
Business Standard in one plan, through the command line, against the demo tenant.

    python tests/benchmarks/bench_people_onboarding.py [--people 200] [--latency-ms 50]

The demo tenant's Business Standard is full, so the benchmark first "buys" the seats (adds
enabled units to the demo's subscription). Figures: time per step, HTTP requests, and checks
that every account exists with the license and a usage location and that the password file is
owner-only with one line per account.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import stat
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.demo_tenant

from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from tests.demo_tenant import DemoTenantForTests
from ui.launcher import main as license_desk

BUSINESS_STANDARD = "O365_BUSINESS_PREMIUM"
FIRST = ["Łucja", "Żaneta", "Paweł", "Józef", "Anna", "Ewa", "Jan", "Małgorzata", "Grzegorz",
         "Zofia", "Piotr", "Agnieszka", "Tomasz", "Krystyna", "Michał", "Ścibor"]  # fmt: skip
LAST = ["Żak", "Wąs", "Kowalski", "Nowak", "Łęcka", "Wiśniewska", "Zając", "Kołodziej", "Bąk",
        "Król", "Dudek", "Wróbel", "Pietrzak", "Sikora", "Gołąb"]  # fmt: skip


def hr_export(path: Path, count: int) -> None:
    """Polish headers; names repeat (collisions to number); a few rows without a country."""
    rng = random.Random(17)
    lines = ["Imię;Nazwisko;E-mail;Dział;Stanowisko;Kraj;Nr kadrowy"]
    for n in range(count):
        country = "" if n % 10 == 0 else rng.choice(["PL", "PL", "DE"])
        lines.append(f"{rng.choice(FIRST)};{rng.choice(LAST)};hire{n}@prywatna.pl;"
                     f"Dział {n % 7};Specjalista;{country};{1000 + n}")  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def free_seats(tenant: DemoTenantForTests) -> int:
    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        return next(s.free for s in reader.list_skus() if s.sku_part_number == BUSINESS_STANDARD)


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = license_desk(list(args))
    return code, out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    args = parser.parse_args()
    tenant = DemoTenantForTests.start(users=60, seed=1)
    try:
        with tempfile.TemporaryDirectory() as folder:
            run(tenant, args, Path(folder))
    finally:
        tenant.stop()


def run(tenant: DemoTenantForTests, args: argparse.Namespace, folder: Path) -> None:
    # The administrator buys the seats the package lacks (the demo's is full). New seats first
    # go to group members waiting for one, so buy until enough are free, as Graph counts them.
    while (free := free_seats(tenant)) < args.people:
        with tenant.store.transaction() as conn:
            conn.execute(
                "UPDATE skus SET enabled = enabled + ? WHERE part_number = ?",
                (args.people - free, BUSINESS_STANDARD),
            )
            tenant.store._skus = None  # the demo caches subscriptions; they changed
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    connection = ["--graph-url", tenant.base_url, "--token", "bench",
                  "--journal", str(folder / "journal.sqlite3")]  # fmt: skip
    export, passwords = folder / "hr.csv", folder / "passwords.csv"
    hr_export(export, args.people)
    tenant.faults.latency_ms = args.latency_ms
    tenant.stats.reset()

    started = time.perf_counter()
    code, _ = cli("people", "import", str(export), "--yes", *connection)
    imported = time.perf_counter()
    assert code == 0, "import failed"
    code, listing = cli("people", "list", *connection)
    listed = time.perf_counter()
    assert code == 0 and f"{args.people} not activated" in listing, listing[-200:]
    code, created_out = cli("people", "create", "--all", "--license", BUSINESS_STANDARD,
                            "--usage-location", "PL", "--password-file", str(passwords),
                            "--yes", *connection)  # fmt: skip
    created = time.perf_counter()
    server = tenant.stats.snapshot()
    tenant.faults.latency_ms = 0
    assert code == 0, created_out[-500:]

    sku_id = tenant.sku_id(BUSINESS_STANDARD)
    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        new = reader.list_users()
    lines = passwords.read_text(encoding="utf-8").splitlines()[1:]
    upns = {line.split(",")[0].lower() for line in lines}
    made = [u for u in new if u.user_principal_name.lower() in upns]
    licensed = sum(1 for u in made if sku_id in u.sku_ids and u.usage_location)
    mode = stat.S_IMODE(passwords.stat().st_mode)
    _, after = cli("people", "list", *connection)
    print(f"{args.people} people from an HR export get {BUSINESS_STANDARD}, "
          f"{args.latency_ms:g} ms latency per request")  # fmt: skip
    print(f"  import (read, link)   {imported - started:7.2f} s")
    print(f"  list (propose names)  {listed - imported:7.2f} s")
    print(f"  create + license      {created - listed:7.2f} s")
    print(f"  total                 {created - started:7.2f} s")
    print(f"  HTTP requests         {server['http_requests']:7d}   (inner $batch requests "
          f"{server['batch_requests']}, writes {server['writes']})")  # fmt: skip
    print(f"  accounts created      {len(made)}/{args.people}, licensed with a usage location "
          f"{licensed}")  # fmt: skip
    print(f"  password file         {len(lines)} lines, mode {mode:o}")
    print(f"  after: {after.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()

"""Holding the demo tenant's write batches, to stop a run at a known point without sleeps."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.demo import DemoTenant, Request
from desktop.graph.client import GraphClient
from desktop.graph.records import User

ROOT = Path(__file__).resolve().parents[2]


class WriteGate:
    """Lets the first ``open_batches`` write $batch calls through, holds the rest until
    ``release()``; the held ones are then applied although their client is long gone.
    ``release_and_wait`` returns once every write $batch the tenant received is finished.
    ``holds`` picks other requests to count and hold instead (e.g. ``is_user_read``)."""

    def __init__(
        self,
        tenant: DemoTenant,
        open_batches: int,
        holds: Callable[[Request], bool] | None = None,
    ) -> None:
        self._handle = tenant.handle
        self._open = open_batches
        self._holds = holds or _is_write_batch
        self._released = threading.Event()
        self._lock = threading.Condition()
        self.held = 0
        self.running = 0  # write batches received and not finished, held or not
        tenant.handle = self.handle  # type: ignore[method-assign]

    def handle(self, request: Request):  # type: ignore[no-untyped-def]
        if not self._holds(request):
            return self._handle(request)
        with self._lock:
            hold = self._open <= 0
            self._open -= 1
            self.held += hold
            self.running += 1
            self._lock.notify_all()
        try:
            if hold:
                self._released.wait()
            return self._handle(request)
        finally:
            with self._lock:
                self.running -= 1
                self._lock.notify_all()

    def wait_held(self, count: int, timeout: float = 60.0) -> None:
        with self._lock:
            assert self._lock.wait_for(lambda: self.held >= count, timeout), "nothing held"

    def release_and_wait(self) -> None:
        self._released.set()
        with self._lock:
            self._lock.wait_for(lambda: self.running == 0)

    def release(self) -> None:
        self._released.set()


def is_user_read(request: Request) -> bool:
    """A read of users: the listing, one user, or a $batch of reads (the check's reads)."""
    if request.method == "GET":
        return "/users" in request.path
    if request.method != "POST" or not request.path.endswith("/$batch"):
        return False
    entries = json.loads(request.body or b"{}").get("requests", [])
    return bool(entries) and all(e.get("method", "GET").upper() == "GET" for e in entries)


def _is_write_batch(request: Request) -> bool:
    if request.method != "POST" or not request.path.endswith("/$batch"):
        return False
    entries = json.loads(request.body or b"{}").get("requests", [])
    return any(e.get("method", "GET").upper() != "GET" for e in entries)


@dataclass
class GatedAssign:
    """``license-desk assign`` of FLOW_FREE to every unlicensed user with a usage location, run
    as a child process whose write batches after the first are held by a ``WriteGate``."""

    cli: subprocess.Popen[str]
    gate: WriteGate
    targets: list[User]
    journal: Path
    connection: list[str]

    def wait_until_some_done(self) -> None:
        """Progress lines reach stderr only after the journal has recorded them."""
        assert self.cli.stderr is not None
        for line in self.cli.stderr:
            found = re.search(r"done (\d+)", line)
            if found and int(found.group(1)) > 0:
                return

    def stop(self) -> None:
        self.gate.release()
        if self.cli.poll() is None:
            self.cli.kill()
            self.cli.wait()


def start_gated_assign(
    tenant: DemoTenant,
    client: GraphClient,
    folder: Path,
    holds: Callable[[Request], bool] | None = None,
) -> GatedAssign:
    """``holds``: hold these requests from the first one on, instead of the writes after the
    first batch (``is_user_read`` stops the command while it checks the plan)."""
    flow = tenant.sku_id("FLOW_FREE")
    targets = [u for u in client.list_users() if flow not in u.sku_ids and u.usage_location]
    users_file = folder / "users.txt"
    users_file.write_text("\n".join(u.user_principal_name for u in targets), encoding="utf-8")
    journal = folder / "journal.sqlite3"
    connection = ["--graph-url", tenant.base_url, "--token", "t", "--journal", str(journal)]
    gate = WriteGate(tenant, open_batches=1) if holds is None else WriteGate(tenant, 0, holds)
    command = [sys.executable, "-m", "ui", "assign", "--users-file", str(users_file)]
    cli = subprocess.Popen(
        [*command, "--add", "FLOW_FREE", "--yes", *connection],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return GatedAssign(cli, gate, targets, journal, connection)

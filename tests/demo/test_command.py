"""``license-desk demo-server`` as a real process: address line, serving, clean exit."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from desktop.commands.demo_server import faults_from, parse_write_limit
from desktop.commands.parser import build_parser

ADDRESS_LINE = re.compile(r"Demo tenant at (http://127\.0\.0\.1:(\d+)/v1\.0)\n")


@contextmanager
def demo_server(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "ui", "demo-server", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = ADDRESS_LINE.fullmatch(line)
        if found is None:
            errors = process.stderr.read() if process.stderr else ""
            raise AssertionError(f"unexpected first line {line!r}; stderr: {errors}")
        yield process, found.group(1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_serves_until_sigterm_and_exits_zero() -> None:
    with demo_server("--users", "15", "--seed", "4") as (process, base_url):
        users = requests.get(
            f"{base_url}/users", headers={"Authorization": "Bearer t"}, timeout=10
        ).json()
        assert len(users["value"]) == 15
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_sigint_also_stops_it_cleanly() -> None:
    with demo_server("--users", "3") as (process, _):
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0


def test_fault_flags_reach_the_server() -> None:
    with demo_server("--users", "3", "--throttle-rate", "1") as (process, base_url):
        response = requests.get(
            f"{base_url}/organization", headers={"Authorization": "Bearer t"}, timeout=10
        )
        assert response.status_code == 429
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_throttle_switches_reach_the_server() -> None:
    auth = {"Authorization": "Bearer t"}
    with demo_server("--users", "3", "--no-throttle-headers") as (process, base_url):
        response = requests.get(f"{base_url}/users", headers=auth, timeout=10)
        assert response.status_code == 200 and "x-ms-resource-unit" not in response.headers
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    parser = build_parser()
    faults = faults_from(parser.parse_args(["demo-server", "--resource-unit-limit"]))
    assert faults.resource_unit_limit and faults.throttle_headers
    assert not faults_from(parser.parse_args(["demo-server"])).resource_unit_limit


def test_an_existing_database_is_reused(tmp_path: Path) -> None:
    database = tmp_path / "tenant.db"
    with demo_server("--users", "5", "--db", str(database)) as (process, base_url):
        auth = {"Authorization": "Bearer t"}
        user = requests.get(f"{base_url}/users", headers=auth, timeout=10).json()["value"][0]
        requests.patch(
            f"{base_url}/users/{user['id']}", json={"jobTitle": "Trwały"}, headers=auth, timeout=10
        ).raise_for_status()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    with demo_server("--users", "50", "--db", str(database)) as (process, base_url):
        users = requests.get(f"{base_url}/users", headers=auth, timeout=10).json()["value"]
        assert len(users) == 5
        assert users[0]["jobTitle"] == "Trwały"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com"])
def test_a_non_loopback_host_is_refused(host: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui", "demo-server", "--host", host],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "127.0.0.1" in result.stderr and host in result.stderr


def test_bad_switch_values_are_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui", "demo-server", "--throttle-rate", "7"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "throttle_rate" in result.stderr


def test_write_limit_parsing() -> None:
    assert parse_write_limit("3000/150") == (3000, 150.0)
    assert parse_write_limit("5/0.5") == (5, 0.5)
    assert parse_write_limit(None) is None
    for text in ("3000", "0/10", "x/y", "10/0"):
        with pytest.raises(ValueError, match="N/SECONDS"):
            parse_write_limit(text)

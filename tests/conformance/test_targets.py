"""When the live target runs, and why it is skipped when it does not."""

from __future__ import annotations

import pytest

from tests.conformance.conftest import LIVE_TOKEN, LIVE_URL, live_skip_reason


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (LIVE_URL, LIVE_TOKEN, "CI"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_without_configuration_the_reason_names_the_variables(
    clean_env: pytest.MonkeyPatch,
) -> None:
    reason = live_skip_reason()
    assert reason is not None and LIVE_URL in reason and LIVE_TOKEN in reason
    clean_env.setenv(LIVE_URL, "https://graph.microsoft.com/v1.0")
    reason = live_skip_reason()
    assert reason is not None and LIVE_TOKEN in reason and LIVE_URL not in reason


def test_a_configured_tenant_runs(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(LIVE_URL, "https://graph.microsoft.com/v1.0")
    clean_env.setenv(LIVE_TOKEN, "token")
    assert live_skip_reason() is None


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_ci_never_contacts_a_live_tenant(clean_env: pytest.MonkeyPatch, ci: str) -> None:
    clean_env.setenv(LIVE_URL, "https://graph.microsoft.com/v1.0")
    clean_env.setenv(LIVE_TOKEN, "token")
    clean_env.setenv("CI", ci)
    assert live_skip_reason() == "CI never contacts a live tenant"


def test_the_token_only_travels_over_https(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(LIVE_URL, "http://graph.example/v1.0")
    clean_env.setenv(LIVE_TOKEN, "token")
    reason = live_skip_reason()
    assert reason is not None and "https://" in reason

"""Shared fixtures. Qt runs offscreen; every backend is a demo tenant on 127.0.0.1."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.demo_tenant import DemoTenantForTests

# CI must be repeatable: the same examples every run. Locally Hypothesis explores freely.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# -- language ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    """Each test starts in the language the session set up. A test that shows the window in
    Polish, or runs the app's own start-up (which installs the saved language's catalogs on the
    application), would otherwise leave its translators to every test after it, and those
    tests' words would depend on the order the suite runs in."""
    if "PySide6.QtCore" not in sys.modules:  # this test's process has not loaded Qt (yet)
        before_translators: set[object] = set()
        before_locale = None
    else:
        from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

        app = QCoreApplication.instance()
        before_translators = set(app.findChildren(QTranslator)) if app else set()
        before_locale = QLocale()
    yield
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    if app is not None:
        for translator in set(app.findChildren(QTranslator)) - before_translators:
            app.removeTranslator(translator)
            translator.deleteLater()
    QLocale.setDefault(before_locale if before_locale is not None else QLocale.system())


# -- demo tenant ----------------------------------------------------------------------------------


@pytest.fixture
def demo_tenant() -> Iterator[DemoTenantForTests]:
    """A fresh demo tenant per test: 60 users, seed 1, in memory, stopped afterwards."""
    tenant = DemoTenantForTests.start(users=60, seed=1)
    try:
        yield tenant
    finally:
        tenant.stop()


@pytest.fixture(scope="session")
def demo_tenant_readonly() -> Iterator[DemoTenantForTests]:
    """One demo tenant for the whole session. Read-only: never change it from a test."""
    tenant = DemoTenantForTests.start(users=60, seed=1)
    try:
        yield tenant
    finally:
        tenant.stop()

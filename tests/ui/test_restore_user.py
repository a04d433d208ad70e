"""History › Restore a user…: after a reclaim, one user gets back exactly what it removed (apps
that were off stay off), through the same engine call as `license-desk restore RUN USER`; the
other reclaimed users stay reclaimed. Over the demo tenant."""

from __future__ import annotations

from typing import Any

import requests
from PySide6.QtWidgets import QDialog, QInputDialog

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.insight.findings import FindingKind, find
from desktop.insight.prices import PriceBook
from desktop.insight.reclaim import reclaim_plan
from desktop.insight.snapshot import read_snapshot
from desktop.licensing.types import Outcome, PlanKind, RunReport
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report
from tests.ui.language_support import Switch, in_language
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog

__all__ = ["in_language"]  # a fixture, imported for pytest


def _turn_an_app_off(desk: Desk, user_id: str, sku_id: str) -> str:
    """Switch off one app of ``sku_id`` for the user, as an administrator may have done."""
    base, auth = desk.tenant.base_url, {"Authorization": "Bearer demo"}
    skus: list[dict[str, Any]] = requests.get(
        f"{base}/subscribedSkus", headers=auth, timeout=10
    ).json()["value"]
    sku = next(s for s in skus if s["skuId"] == sku_id)
    plan = next(p["servicePlanId"] for p in sku["servicePlans"] if p["appliesTo"] == "User")
    answer = requests.post(
        f"{base}/users/{user_id}/assignLicense",
        json={"addLicenses": [{"skuId": sku_id, "disabledPlans": [plan]}], "removeLicenses": []},
        headers=auth,
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    return str(plan)


def test_restore_one_user_of_a_reclaim_from_history(desk: Desk, dialogs: DialogScript) -> None:
    store = desk.tenant.store
    with GraphClient(desk.tenant.base_url, StaticToken("demo")) as client:
        snapshot = read_snapshot(client)
    prices = PriceBook.from_mapping(EXAMPLE_PRICES)
    blocked = [f for f in find(snapshot, prices=prices).findings if f.kind is FindingKind.BLOCKED]
    reclaim = reclaim_plan(blocked, prices, snapshot.skus, kinds=(FindingKind.BLOCKED,))
    assert len(reclaim.plan.changes) >= 2
    target = reclaim.plan.changes[0]
    upn = next(f.user_principal_name for f in blocked if f.user_id == target.user)
    assert upn is not None
    plan_off = _turn_an_app_off(desk, target.user, target.remove[0])
    before = {c.user: store.user_licenses(c.user) for c in reclaim.plan.changes}
    assert plan_off in before[target.user][target.remove[0]]

    controller = desk.session.controller
    done = controller.apply(controller.check(reclaim.plan))
    assert done.count(Outcome.DONE) == len(reclaim.plan.changes)
    reclaimed = {c.user: store.user_licenses(c.user) for c in reclaim.plan.changes}
    assert target.remove[0] not in reclaimed[target.user]

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        dialog.select_run(done.run_id)
        assert dialog.restore_button.isEnabled()
        return HistoryChoice.RESTORE_USER.value

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, QInputDialog)
        assert upn in dialog.comboBoxItems()
        assert len(dialog.comboBoxItems()) == len(reclaim.plan.changes)
        dialog.setTextValue(upn)
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.checked.plan.kind is PlanKind.UNDO
        assert [c.user for c in dialog.checked.plan.changes] == [target.user]
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(HistoryDialog, choose)
    dialogs.expect(QInputDialog, pick)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        desk.window.user_actions.history.trigger()
    assert reports[0].count(Outcome.DONE) == 1
    # Exactly what was removed, with the app that was off still off.
    assert store.user_licenses(target.user) == before[target.user]
    for change in reclaim.plan.changes[1:]:
        assert store.user_licenses(change.user) == reclaimed[change.user]


def test_the_restore_words_speak_polish(qapp: object, in_language: Switch) -> None:
    in_language("pl", "pl_PL")
    dialog = HistoryDialog([], [])
    assert dialog.restore_button.text() == "Przywróć użytkownika…"
    assert not dialog.restore_button.isEnabled()  # no run chosen
    dialog.deleteLater()

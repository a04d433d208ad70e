"""The Tenants home in the pseudo-translation and accessibility walks (as the main window and
its dialogs are in test_pseudo_translation.py and test_accessibility.py): every word of the
home, of its table's cells (statuses, what needs action, package families such as "Other",
renewals) and of its menu items went through tr() and fits; every control is named and
described. Over the multi-tenant demo (real HTTP), the home as a partner sees it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.tenants.families import OTHER
from tests.ui.accessible import unnamed
from tests.ui.test_pseudo_translation import pseudo_translated
from tests.ui.test_tenants_home import PartnerDesk, demo, desk
from tests.ui.visible_text import cut, escaped, untranslated_part
from ui.pseudo_translation import OPEN, PseudoTranslator
from ui.tenants.rows_model import TenantColumn, display

__all__ = ["demo", "desk", "pseudo_translated"]  # fixtures, imported for pytest


def _data(desk: PartnerDesk) -> list[str]:
    """What the tenants say and the home shows as it is: names, ids, part numbers, currency."""
    found = ["License Desk", "PLN"]
    for row in desk.tenants.rows:
        found += [row.tenant.display_name, row.tenant.tenant_id]
        found += [p.part_number for p in row.packages] + [u.part_number for u in row.upcoming]
    return found


def test_the_tenants_home_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: PartnerDesk
) -> None:
    home, data = desk.tenants.home, _data(desk)
    assert desk.window.stack.currentWidget() is home
    QApplication.processEvents()
    problems = escaped(home, data) + cut(home)
    assert problems == [], "\n".join(f"{p.where}: {p.text!r}" for p in problems)
    cells = [
        f"{r}/{c}: {home.proxy.index(r, c).data()!r}"
        for r in range(home.proxy.rowCount())
        for c in range(home.proxy.columnCount())
        if untranslated_part(str(home.proxy.index(r, c).data()), data)
    ]
    assert cells == [], "\n".join(cells)
    # A family's name sits inside the translated "{family}: {used} of {total}" pattern, whose
    # markers would hide it: each must carry markers of its own.
    families = {f.family for row in desk.tenants.rows for f in row.families}
    assert OTHER in families
    for row in desk.tenants.rows:
        cell = display(row, TenantColumn.SEATS)
        marked = [QCoreApplication.translate("TenantsHome", f.family) for f in row.families]
        assert all(m.startswith(OPEN) and m in cell for m in marked), cell
    menu_items = [desk.tenants.show_action.text(), desk.tenants.audit_action.text(),
                  desk.tenants.customers_action.text()]  # fmt: skip
    assert all(text.startswith(OPEN) for text in menu_items), menu_items


def test_every_control_of_the_tenants_home_is_named_and_described(desk: PartnerDesk) -> None:
    home = desk.tenants.home
    assert desk.window.stack.currentWidget() is home
    found = unnamed(home)
    lines = "\n".join(f"{h.widget}: name={h.name!r} description={h.description!r}" for h in found)
    assert found == [], lines

"""Column and role names shared by the user table model, its proxy, the view and the tests."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt


class Column(enum.IntEnum):
    """Columns of ``UserTableModel``, in display order."""

    CHECK = 0
    NAME = 1
    ACTIONS = 2  # the "⋯" button, beside the name as in Microsoft's own admin center
    UPN = 3
    STATUS = 4
    LICENSES = 5
    LOCATION = 6
    DEPARTMENT = 7
    PROBLEMS = 8  # last: it stretches to fill the window


# Roles beyond Qt's own. SORT_ROLE returns the raw value the proxy orders by (str, int, bool),
# so sorting never compares translated or decorated display text.
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
USER_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the ``User`` record of the row
CHECKED_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # bool: is the row ticked (any column)
SKU_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # the ``Sku`` record (SkuModel)

"""The demo tenant as the tests use it: the product's ``DemoTenant`` plus assertion helpers
(seat counts, a user's licenses as Graph reports them, SKU ids by part number) that only tests
need, so the product's class carries none of them."""

from __future__ import annotations

from desktop.demo import DemoTenant
from desktop.demo.assignments import seat_capacity
from desktop.demo.router import Request, Response
from desktop.demo.transport import Drop


class DemoTenantForTests(DemoTenant):
    """``DemoTenantForTests.start(...)`` takes the same arguments as ``DemoTenant.start``."""

    def record_paths(self) -> list[str]:
        """Every path asked of the tenant from now on, in order (the list grows)."""
        seen: list[str] = []
        handle = self.handle

        def recording(request: Request) -> Response | Drop:
            seen.append(request.path)
            return handle(request)

        self.handle = recording  # type: ignore[method-assign]
        return seen

    def sku_id(self, part_number: str) -> str:
        return self.store.sku_by_part(part_number).sku_id

    def consumed_units(self, part_number: str) -> int:
        return self.assignments.consumed_units(self.sku_id(part_number))

    def set_enabled_seats(self, part_number: str, enabled: int) -> None:
        """The administrator buys or cuts seats (as in the admin center); Graph keeps every
        license already held, so ``consumedUnits`` may then exceed the seats."""
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE skus SET enabled = ? WHERE part_number = ?", (enabled, part_number)
            )
            self.store._skus = None  # the demo reads subscriptions once: read them again

    def free_seats(self, part_number: str) -> int:
        sku = self.store.sku_by_part(part_number)
        return seat_capacity(sku) - self.assignments.consumed_units(sku.sku_id)

    def assigned_licenses(self, id_or_upn: str) -> dict[str, tuple[str, ...]]:
        """What Graph reports as ``assignedLicenses`` (direct and active group licenses),
        skuId -> disabled plan ids. Raises KeyError for an unknown user."""
        row = self.store.user(id_or_upn)
        if row is None:
            raise KeyError(id_or_upn)
        rowid = int(row[0])
        licenses = self.assignments.for_users([rowid])[rowid]
        order = {sku.sku_id: index for index, sku in enumerate(self.store.skus())}
        return dict(licenses.effective(order))

"""``x-ms-throttle-priority``: which reads Graph may throttle first.

When Graph has to throttle, it throttles ``Low`` requests first, then ``Normal``, then ``High``;
the header does not change the limits (docs/graph-facts.md, "Throttling and retries"). Background
reads that nobody waits for (snapshots, insight) say ``Low``; what the administrator waits for
says ``Normal``. ``High`` is left unused: Microsoft keeps it for requests a person started, and
an administrator's whole-tenant reads should not crowd out other apps' sign-in paths.
"""

from __future__ import annotations

from enum import Enum

PRIORITY_HEADER = "x-ms-throttle-priority"


class Priority(Enum):
    LOW = "Low"
    NORMAL = "Normal"

    def header(self) -> dict[str, str]:
        return {PRIORITY_HEADER: self.value}

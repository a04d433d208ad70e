"""GraphClient: the only code that speaks HTTP to Microsoft Graph or the demo tenant.

CONTRACT (implemented by the graph work package; signatures are fixed, bodies to be written).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.cancel import CancelToken
from desktop.graph.batch import BatchRequest, BatchResponse
from desktop.graph.records import AssignedLicense, Group, NewUser, Organization, Sku, User
from desktop.graph.tokens import TokenProvider

GRAPH_URL = "https://graph.microsoft.com/v1.0"

USER_SELECT = (
    "id,displayName,userPrincipalName,mail,accountEnabled,usageLocation,department,jobTitle,"
    "assignedLicenses,licenseAssignmentStates"
)

PageCallback = Callable[[list[User]], None]


class GraphClient:
    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 60.0,
        max_retries: int = 6,
    ) -> None:
        raise NotImplementedError

    # reads
    def list_users(
        self,
        *,
        filter: str | None = None,
        search: str | None = None,
        page_size: int = 999,
        on_page: PageCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[User]:
        """Every user, following ``@odata.nextLink``; each page goes to ``on_page`` on arrival."""
        raise NotImplementedError

    def get_user(self, id_or_upn: str) -> User:
        raise NotImplementedError

    def list_skus(self) -> list[Sku]:
        raise NotImplementedError

    def get_group(self, group_id: str) -> Group:
        raise NotImplementedError

    def group_names(self, group_ids: Sequence[str]) -> dict[str, str]:
        """Display names for many groups at once (through $batch); unknown ids map to the id."""
        raise NotImplementedError

    def get_organization(self) -> Organization:
        raise NotImplementedError

    # writes
    def assign_license(
        self, user: str, add: Sequence[AssignedLicense], remove: Sequence[str]
    ) -> User:
        raise NotImplementedError

    def update_user(self, user: str, fields: dict[str, Any]) -> None:
        raise NotImplementedError

    def create_user(self, new_user: NewUser) -> User:
        raise NotImplementedError

    def delete_user(self, user: str) -> None:
        raise NotImplementedError

    def batch(
        self, requests: Sequence[BatchRequest], *, cancel: CancelToken | None = None
    ) -> dict[str, BatchResponse]:
        """Send in chunks of 20 (keeping ``depends_on`` chains in one chunk), retry inner 429s on
        their own, and return every response keyed by request id."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

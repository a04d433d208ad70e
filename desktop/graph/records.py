"""Plain, frozen records of what Graph returns. Parsing lives in ``parse.py``.

Field names follow Python style; ``parse.py`` maps Graph's camelCase onto them. Tuples (not
lists) keep the records hashable and immutable; GUID strings are interned by the parser because
a 100,000-user tenant repeats the same few SKU ids hundreds of thousands of times.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Graph's licenseAssignmentStates.state values.
STATE_ACTIVE = "Active"
STATE_ACTIVE_WITH_ERROR = "ActiveWithError"
STATE_DISABLED = "Disabled"
STATE_ERROR = "Error"

# capabilityStatus values of subscribedSkus.
SKU_ENABLED = "Enabled"
SKU_WARNING = "Warning"
SKU_SUSPENDED = "Suspended"
SKU_DELETED = "Deleted"
SKU_LOCKED_OUT = "LockedOut"
# The states in which a package's seats can be given to someone (in its grace period too).
STATUSES_THAT_GIVE_SEATS = frozenset({SKU_ENABLED, SKU_WARNING})


@dataclass(frozen=True, slots=True)
class ServicePlan:
    """An app inside a license package (``servicePlans[]`` of a subscribedSku)."""

    service_plan_id: str
    service_plan_name: str
    provisioning_status: str = "Success"
    applies_to: str = "User"

    @property
    def gives_mailbox(self) -> bool:
        """An Exchange Online mailbox plan. EXCHANGE_S_FOUNDATION ships in many non-mail SKUs
        and gives no mailbox, so it does not count."""
        name = self.service_plan_name.strip().upper()
        return name.startswith("EXCHANGE_S_") and not name.startswith("EXCHANGE_S_FOUNDATION")


@dataclass(frozen=True, slots=True)
class PrepaidUnits:
    enabled: int = 0
    locked_out: int = 0
    suspended: int = 0
    warning: int = 0


def assignable_units(prepaid: PrepaidUnits) -> int:
    """The seats that can be held: ``enabled`` and ``warning`` (a subscription that expired and
    is in its grace period can still be assigned; a package's units may all sit in ``warning``
    while another subscription keeps it ``Enabled``). Suspended and locked-out units cannot."""
    return prepaid.enabled + prepaid.warning


def available_seats(prepaid: PrepaidUnits, consumed_units: int) -> int:
    """Free seats: the assignable units less those assigned. Negative when more are assigned
    than there are seats (after seats were cut, or a subscription ended): the package is over
    by that many, and saying 0 would hide it.

    Microsoft publishes no formula (docs/graph-facts.md, "License packages (subscribedSkus) and
    seats"); this and ``assignable_units`` are the single place to change if it differs.
    """
    return assignable_units(prepaid) - consumed_units


@dataclass(frozen=True, slots=True)
class Sku:
    """A license package the tenant subscribes to (``GET /subscribedSkus``)."""

    id: str
    sku_id: str
    sku_part_number: str
    applies_to: str
    capability_status: str
    consumed_units: int
    prepaid_units: PrepaidUnits
    service_plans: tuple[ServicePlan, ...] = ()
    account_name: str = ""
    account_id: str = ""
    subscription_ids: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """The seats bought that can be assigned, those in the grace period included."""
        return assignable_units(self.prepaid_units)

    @property
    def free(self) -> int:
        """Seats that can still be given, negative when over (``available_seats``). A package
        nobody can be given (suspended, locked out, deleted) has none free and is not "over":
        its holders keep seats that are being wound down (``seat_count``)."""
        if self.capability_status not in STATUSES_THAT_GIVE_SEATS:
            return 0
        return available_seats(self.prepaid_units, self.consumed_units)

    @property
    def seat_count(self) -> int:
        """How many seats the subscription has. A suspended one reports its seats as suspended,
        not enabled or in warning, so those count: "8 of 0 assigned" would read as an error."""
        if self.capability_status == SKU_SUSPENDED:
            return max(self.prepaid_units.suspended, self.total)
        return self.total

    @property
    def used_share(self) -> float:
        """How full the package is, 0..1 (consumed can exceed enabled; clamped to 1)."""
        if self.total <= 0:
            return 1.0 if self.consumed_units else 0.0
        return min(1.0, self.consumed_units / self.total)

    @property
    def assignable_to_users(self) -> bool:
        return self.applies_to == "User" and self.capability_status in STATUSES_THAT_GIVE_SEATS

    def plan_ids(self) -> frozenset[str]:
        return frozenset(p.service_plan_id for p in self.service_plans)


@dataclass(frozen=True, slots=True)
class AssignedLicense:
    """One entry of ``assignedLicenses``: also the shape of ``addLicenses`` in assignLicense."""

    sku_id: str
    disabled_plans: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LicenseAssignmentState:
    """One entry of ``licenseAssignmentStates``: says where a license comes from and its health.

    ``error`` is None when Graph says ``"None"`` (the real service sends the string).
    """

    sku_id: str
    assigned_by_group: str | None = None
    state: str = STATE_ACTIVE
    error: str | None = None
    disabled_plans: tuple[str, ...] = ()
    last_updated: str | None = None

    @property
    def inherited(self) -> bool:
        return self.assigned_by_group is not None

    def given_by(self, group_id: str) -> bool:
        """Whether the group ``group_id`` hands this copy out (ids compared without case:
        Graph's GUIDs come in either)."""
        return (self.assigned_by_group or "").lower() == group_id.lower()

    @property
    def has_error(self) -> bool:
        return self.error is not None or self.state in (STATE_ERROR, STATE_ACTIVE_WITH_ERROR)


@dataclass(frozen=True, slots=True)
class User:
    id: str
    display_name: str
    user_principal_name: str
    account_enabled: bool = True
    usage_location: str | None = None
    mail: str | None = None
    department: str | None = None
    job_title: str | None = None
    assigned_licenses: tuple[AssignedLicense, ...] = ()
    license_assignment_states: tuple[LicenseAssignmentState, ...] = ()
    # True: synced from on-premises Active Directory (names and sign-in are changed there);
    # None: never synced (cloud-only), as Graph reports it.
    on_premises_sync_enabled: bool | None = None
    # A person on the tenant's list of people who has no account yet (desktop/people/rows.py):
    # a row of the window's table, never something Graph returned.
    not_activated: bool = False
    # Ids (lower-case) of the groups the user is a direct member of, read from
    # ``/users/{id}/memberOf`` only when a change needs them; None when not read.
    member_of: frozenset[str] | None = None

    @property
    def sku_ids(self) -> frozenset[str]:
        """Every SKU the user holds, directly or through a group."""
        return frozenset(a.sku_id for a in self.assigned_licenses)

    @property
    def direct_sku_ids(self) -> frozenset[str]:
        """The SKUs of ``direct_licenses`` (a SKU held directly and through a group counts).
        Written out for speed: the window asks for it per user of a 100,000-user tenant."""
        states = self.license_assignment_states
        if not states:
            return frozenset(lic.sku_id for lic in self.assigned_licenses)
        return frozenset(s.sku_id for s in states if s.assigned_by_group is None)

    def groups_granting(self, sku_id: str) -> tuple[str, ...]:
        """Ids of the groups through which the user inherits ``sku_id``."""
        return tuple(
            s.assigned_by_group
            for s in self.license_assignment_states
            if s.sku_id == sku_id and s.assigned_by_group is not None
        )

    def assigned(self, sku_id: str) -> AssignedLicense | None:
        for lic in self.assigned_licenses:
            if lic.sku_id == sku_id:
                return lic
        return None

    @property
    def is_licensed(self) -> bool:
        return bool(self.assigned_licenses)

    @property
    def errors(self) -> tuple[LicenseAssignmentState, ...]:
        return tuple(s for s in self.license_assignment_states if s.has_error)

    # -- direct and inherited: the one definition ------------------------------------------
    # Graph lists every license a user holds in ``assignedLicenses`` and says where each comes
    # from in ``licenseAssignmentStates`` (``assignedByGroup`` is null for a direct one). Without
    # the states (not selected, or an older answer) every assigned license counts as direct,
    # which is what Graph means when it omits them: a group license cannot be told apart then.

    @property
    def direct_licenses(self) -> tuple[AssignedLicense, ...]:
        """The licenses assigned directly, with their disabled plans, one per SKU, in Graph's
        order. Only these can be changed or removed through ``assignLicense``."""
        if not self.license_assignment_states:
            return self.assigned_licenses
        found: dict[str, AssignedLicense] = {}
        for state in self.license_assignment_states:
            if not state.inherited and state.sku_id not in found:
                found[state.sku_id] = AssignedLicense(state.sku_id, state.disabled_plans)
        return tuple(found.values())

    def direct_license(self, sku_id: str) -> AssignedLicense | None:
        """The direct assignment of ``sku_id`` with its disabled plans, or None."""
        for lic in self.direct_licenses:
            if lic.sku_id == sku_id:
                return lic
        return None

    @property
    def inherited_licenses(self) -> tuple[AssignedLicense, ...]:
        """The licenses that come through groups, one entry per granting group."""
        return tuple(
            AssignedLicense(s.sku_id, s.disabled_plans)
            for s in self.license_assignment_states
            if s.inherited
        )

    @property
    def holdings(self) -> tuple[AssignedLicense, ...]:
        """Every assignment, direct and through groups, each with its disabled plans."""
        if not self.license_assignment_states:
            return self.assigned_licenses
        return tuple(
            AssignedLicense(s.sku_id, s.disabled_plans) for s in self.license_assignment_states
        )

    @property
    def has_direct_license(self) -> bool:
        """``bool(direct_licenses)``, without building them (counted for every loaded user)."""
        states = self.license_assignment_states
        if not states:
            return bool(self.assigned_licenses)
        return any(s.assigned_by_group is None for s in states)

    def sources_of(self, sku_id: str, *, active_only: bool = False) -> tuple[str | None, ...]:
        """Where the user holds ``sku_id`` from: None for a direct assignment, a group id for
        each group that hands it out (``active_only``: leaving out assignments in error).
        Without the states a held license counts as direct."""
        if not self.license_assignment_states:
            return (None,) if sku_id in self.sku_ids else ()
        return tuple(
            s.assigned_by_group
            for s in self.license_assignment_states
            if s.sku_id == sku_id and not (active_only and s.has_error)
        )

    @property
    def granting_group_ids(self) -> frozenset[str]:
        """Every group through which the user inherits a license."""
        return frozenset(
            s.assigned_by_group for s in self.license_assignment_states if s.assigned_by_group
        )


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    display_name: str


@dataclass(frozen=True, slots=True)
class PasswordProfile:
    password: str = field(repr=False)
    force_change_password_next_sign_in: bool = True


@dataclass(frozen=True, slots=True)
class NewUser:
    """What ``POST /users`` needs. ``mail_nickname`` defaults to the UPN's local part."""

    display_name: str
    user_principal_name: str
    password_profile: PasswordProfile
    account_enabled: bool = True
    usage_location: str | None = None
    department: str | None = None
    job_title: str | None = None
    mail_nickname: str | None = None
    given_name: str | None = None
    surname: str | None = None

    @property
    def nickname(self) -> str:
        return self.mail_nickname or self.user_principal_name.split("@", 1)[0]


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    display_name: str
    verified_domains: tuple[str, ...] = ()
    default_domain: str | None = None

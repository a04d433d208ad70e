"""Friendly names for packages, apps and groups, and the per-user text built from them.

Kept apart from the models so one naming object can be swapped in when the tenant's packages or
group names arrive, and so the text can be tested without any Qt view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.graph.records import LicenseAssignmentState, Sku, User

# Graph's licenseAssignmentStates.error codes, said the way an administrator would act on them.
_ERROR_TEXT: dict[str, object] = {
    "CountViolation": QT_TRANSLATE_NOOP("UserText", "not enough seats"),
    "MutuallyExclusiveViolation": QT_TRANSLATE_NOOP("UserText", "conflicts with another license"),
    "DependencyViolation": QT_TRANSLATE_NOOP("UserText", "needs another license first"),
    "ProhibitedInUsageLocationViolation": QT_TRANSLATE_NOOP(
        "UserText", "not available in the user's country"
    ),
    "UniquenessViolation": QT_TRANSLATE_NOOP("UserText", "assigned twice"),
    "Other": QT_TRANSLATE_NOOP("UserText", "assignment failed"),
}


def error_label(code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("UserText", "assignment failed")
    # The table holds untranslated source text (marked for lupdate); translate on use so the
    # language can change without rebuilding the table.
    return QCoreApplication.translate("UserText", str(_ERROR_TEXT.get(code, code)))


@dataclass
class LicenseNaming:
    """Maps ids to the names people know. Unknown ids fall back to something still useful."""

    sku_names: dict[str, str] = field(default_factory=dict)
    part_numbers: dict[str, str] = field(default_factory=dict)
    group_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_skus(
        cls,
        skus: Iterable[Sku],
        friendly: Callable[[str, str], str],
        group_names: dict[str, str] | None = None,
    ) -> LicenseNaming:
        sku_list = list(skus)
        return cls(
            sku_names={s.sku_id: friendly(s.sku_id, s.sku_part_number) for s in sku_list},
            part_numbers={s.sku_id: s.sku_part_number for s in sku_list},
            group_names=dict(group_names or {}),
        )

    def sku(self, sku_id: str) -> str:
        return self.sku_names.get(sku_id) or self.part_numbers.get(sku_id) or sku_id

    def group(self, group_id: str) -> str:
        return self.group_names.get(group_id) or group_id


def license_labels(user: User, naming: LicenseNaming) -> list[str]:
    """One label per held package: direct ones by name, inherited ones with the group's name."""
    direct = user.direct_sku_ids
    labels: list[str] = []
    for lic in user.assigned_licenses:
        name = naming.sku(lic.sku_id)
        groups = user.groups_granting(lic.sku_id)
        if not groups:
            labels.append(name)
            continue
        via = ", ".join(naming.group(g) for g in groups)
        if lic.sku_id in direct:
            labels.append(
                QCoreApplication.translate("UserText", "{name} (direct, also via {groups})").format(
                    name=name, groups=via
                )
            )
        else:
            labels.append(
                QCoreApplication.translate("UserText", "{name} (via {groups})").format(
                    name=name, groups=via
                )
            )
    return labels


def licenses_text(user: User, naming: LicenseNaming) -> str:
    return ", ".join(license_labels(user, naming))


def problem_labels(user: User, naming: LicenseNaming) -> list[str]:
    return [_problem_label(state, naming) for state in user.errors]


def _problem_label(state: LicenseAssignmentState, naming: LicenseNaming) -> str:
    package, problem = naming.sku(state.sku_id), error_label(state.error)
    if state.assigned_by_group:  # the group is where it is fixed (Licensed groups, Fix…)
        return QCoreApplication.translate(
            "UserText", "{package} from the group {group}: {problem}"
        ).format(package=package, group=naming.group(state.assigned_by_group), problem=problem)
    return QCoreApplication.translate("UserText", "{package}: {problem}").format(
        package=package, problem=problem
    )


def problems_text(user: User, naming: LicenseNaming) -> str:
    return "; ".join(problem_labels(user, naming))


def status_text(user: User) -> str:
    if user.not_activated:
        return QCoreApplication.translate("UserText", "Not activated")
    return _status_word(user.account_enabled)


def status_words() -> tuple[str, ...]:
    """Every word the Status column shows, in the current language (to size the column)."""
    return (
        _status_word(True),
        _status_word(False),
        QCoreApplication.translate("UserText", "Not activated"),
    )


def _status_word(enabled: bool) -> str:
    if enabled:
        return QCoreApplication.translate("UserText", "Active")
    return QCoreApplication.translate("UserText", "Blocked")


def search_haystack(user: User) -> str:
    """What the search box matches against: name, UPN and department, case-folded once."""
    return f"{user.display_name}\n{user.user_principal_name}\n{user.department or ''}".casefold()

"""A reprocess as a change: its request (last, after the user's other requests), its journal
form, its parts, its scopes, and its undo (nothing in the tenant shows it, so nothing to undo)."""

from __future__ import annotations

from desktop.auth import scopes
from desktop.graph.records import AssignedLicense, User
from desktop.licensing.builders import reprocess_plan
from desktop.licensing.needed_scopes import changes_scopes
from desktop.licensing.parts import applied_part, parts_of
from desktop.licensing.serialize import change_from_json, change_to_json
from desktop.licensing.state import is_empty, satisfies
from desktop.licensing.types import Part, PlanKind, UserChange
from desktop.licensing.undo import inverse_change
from desktop.licensing.wire import update_requests

SKU = "c7df2760-2c81-4ef7-b578-5b5392b571df"


def test_the_builder_makes_one_reprocess_per_user() -> None:
    plan = reprocess_plan(["a@contoso.pl", "A@contoso.pl", "b@contoso.pl"])
    assert plan.kind is PlanKind.REPROCESS
    assert [(c.user, c.reprocess) for c in plan.changes] == [
        ("a@contoso.pl", True),
        ("b@contoso.pl", True),
    ]


def test_reprocess_goes_last_and_waits_for_the_license_change() -> None:
    change = UserChange("a@contoso.pl", add=(AssignedLicense(SKU),), reprocess=True)
    requests = update_requests("1", "a@contoso.pl", change)
    assert [(r.id, r.method, r.url.rsplit("/", 1)[-1]) for r in requests] == [
        ("1a", "POST", "assignLicense"),
        ("1r", "POST", "reprocessLicenseAssignment"),
    ]
    assert requests[1].depends_on == ("1a",) and requests[1].body is None
    alone = update_requests("2", "b@contoso.pl", UserChange("b@contoso.pl", reprocess=True))
    assert [(r.id, r.depends_on) for r in alone] == [("2r", ())]


def test_journal_form_round_trips_and_old_entries_read_as_no_reprocess() -> None:
    change = UserChange("a@contoso.pl", reprocess=True)
    assert change_from_json(change_to_json(change)) == change
    old = change_to_json(UserChange("a@contoso.pl", usage_location="PL"))
    del old["reprocess"]
    assert change_from_json(old).reprocess is False


def test_parts_scopes_and_undo() -> None:
    change = UserChange("a@contoso.pl", reprocess=True)
    assert parts_of(change) == (Part.REPROCESS,)
    assert not is_empty(change)
    assert changes_scopes([change]) == scopes.normalise(scopes.CHANGE_USERS)
    user = User(id="1", display_name="A", user_principal_name="a@contoso.pl")
    assert not satisfies(user, change)  # never "already as asked": nothing shows it was done
    assert is_empty(applied_part(user, change))  # so an undo finds nothing to reverse
    assert is_empty(inverse_change("1", applied_part(user, change), user))

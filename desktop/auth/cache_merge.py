"""Three-way merge of two saved states, so two running copies of the app keep each other's
sign-ins instead of the last save silently dropping the other's.

Both the MSAL cache and our session records are "sections of keyed entries" (MSAL's
``{"AccessToken": {key: entry}, "RefreshToken": {...}, ...}``), so one rule serves both: start
from what the other copy saved (``theirs``) and replay on top of it only what this copy changed
since it last loaded or saved (``base`` -> ``ours``): entries it added or changed, and entries
it deleted. A deletion on their side beats a change on ours: a sign-out must stay a sign-out
even if this copy refreshed that account's token meanwhile.
"""

from __future__ import annotations

import copy
from typing import Any

Sections = dict[str, dict[str, Any]]


def merge_sections(base: Sections, ours: Sections, theirs: Sections) -> Sections:
    merged: Sections = copy.deepcopy(theirs)
    for name in set(base) | set(ours):
        before = base.get(name, {})
        after = ours.get(name, {})
        target = merged.setdefault(name, {})
        for key in set(before) | set(after):
            if key in after:
                deleted_by_them = key in before and key not in target
                if not deleted_by_them and (key not in before or after[key] != before[key]):
                    target[key] = copy.deepcopy(after[key])
            else:
                target.pop(key, None)
        if not target:
            del merged[name]
    return merged


def merge_value(base: Any, ours: Any, theirs: Any) -> Any:
    """A single value: ours if this copy changed it, else theirs."""
    return ours if ours != base else theirs


# MSAL sections whose entries belong to one account (AppMetadata belongs to the app).
ACCOUNT_BOUND_SECTIONS = ("AccessToken", "RefreshToken", "IdToken")


def account_ids(msal_sections: Sections) -> set[str]:
    return {
        str(entry.get("home_account_id"))
        for entry in msal_sections.get("Account", {}).values()
        if isinstance(entry, dict)
    }


def drop_orphaned_tokens(msal_sections: Sections) -> Sections:
    """Remove tokens whose account is gone. After a merge, a token this copy refreshed for an
    account the other copy signed out would otherwise come back without its account: invisible
    to MSAL, yet still a secret left in the keyring."""
    accounts = account_ids(msal_sections)
    result = dict(msal_sections)
    for name in ACCOUNT_BOUND_SECTIONS:
        if name in result:
            result[name] = {
                key: entry
                for key, entry in result[name].items()
                if isinstance(entry, dict) and entry.get("home_account_id") in accounts
            }
    return result

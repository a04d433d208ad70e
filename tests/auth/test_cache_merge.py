"""The three-way merge two running copies use when both saved the token cache."""

from __future__ import annotations

from desktop.auth.cache_merge import drop_orphaned_tokens, merge_sections


def section(**entries: dict[str, str]) -> dict[str, dict[str, object]]:
    return {"RefreshToken": dict(entries)}


def test_changes_from_both_sides_are_kept() -> None:
    base = section(a={"secret": "1"})
    ours = section(a={"secret": "1"}, b={"secret": "ours"})
    theirs = section(a={"secret": "2"}, c={"secret": "theirs"})
    assert merge_sections(base, ours, theirs) == section(
        a={"secret": "2"}, b={"secret": "ours"}, c={"secret": "theirs"}
    )


def test_our_change_wins_over_their_unchanged_entry() -> None:
    base = section(a={"secret": "1"})
    assert merge_sections(base, section(a={"secret": "new"}), base) == section(a={"secret": "new"})


def test_our_deletion_is_replayed() -> None:
    base = section(a={"secret": "1"}, b={"secret": "2"})
    assert merge_sections(base, section(b={"secret": "2"}), base) == section(b={"secret": "2"})


def test_their_deletion_beats_our_change() -> None:
    base = section(a={"secret": "1"})
    assert merge_sections(base, section(a={"secret": "refreshed"}), {}) == {}


def test_tokens_without_their_account_are_dropped() -> None:
    cache = {
        "Account": {"x": {"home_account_id": "x"}},
        "AccessToken": {"1": {"home_account_id": "x"}, "2": {"home_account_id": "gone"}},
        "AppMetadata": {"app": {"client_id": "c"}},
    }
    cleaned = drop_orphaned_tokens(cache)
    assert list(cleaned["AccessToken"]) == ["1"]
    assert cleaned["AppMetadata"] == cache["AppMetadata"]

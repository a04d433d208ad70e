"""Issue 13, Deliver 3: each group license error says what went wrong and what to do, and each
fix says the change it makes, in English and in Polish (no two errors share advice)."""

from __future__ import annotations

from desktop.licensing.error_fixes import (
    COUNT_VIOLATION,
    DEPENDENCY,
    MUTUALLY_EXCLUSIVE,
    PROHIBITED_LOCATION,
    UNIQUENESS,
    Fix,
    FixKind,
)
from tests.licensing.records import BASIC, E3, EXO_STD_PLAN, standard_skus, user
from tests.ui.language_support import Switch, in_language
from ui.groups.error_words import fix_text, reason, what_to_do
from ui.models.naming import LicenseNaming

__all__ = ["in_language"]  # fixture, imported for pytest

CODES = (COUNT_VIOLATION, MUTUALLY_EXCLUSIVE, DEPENDENCY, PROHIBITED_LOCATION, UNIQUENESS, "Other")


def _words() -> tuple[list[str], list[str]]:
    skus = standard_skus()
    naming = LicenseNaming.from_skus(skus.values(), lambda _id, part: part)
    holder = user("holder", enabled=False)
    fixes = [
        Fix(FixKind.FREE_SEAT, "id-m", BASIC, holder_id=holder.id),
        Fix(FixKind.TURN_OFF_APP, "id-m", E3, other_sku_id=BASIC, plan_ids=(EXO_STD_PLAN,)),
        Fix(FixKind.SET_USAGE_LOCATION, "id-m", E3),
        Fix(FixKind.REPROCESS, "id-m", E3),
    ]
    advice = [f"{reason(code)} → {what_to_do(code, 'PKG')}" for code in CODES]
    said = [fix_text(f, naming, skus, {holder.id: holder}) for f in fixes]
    return advice, said


def test_every_error_and_fix_has_its_own_words_in_english_and_polish(in_language: Switch) -> None:
    in_language("en", "en_US")
    advice_en, fixes_en = _words()
    assert len(set(advice_en)) == len(CODES) and all("PKG" in a for a in advice_en[:1])
    assert "Holder" in fixes_en[0] and "BASIC" not in fixes_en[0]
    assert "O365_BUSINESS_ESSENTIALS" in fixes_en[1]  # the user's own license, by name
    assert "Exchange" in fixes_en[1]  # the app turned off, by its friendly name
    in_language("pl", "pl_PL")
    advice_pl, fixes_pl = _words()
    assert len(set(advice_pl)) == len(CODES)
    for english, polish in zip(advice_en + fixes_en, advice_pl + fixes_pl, strict=True):
        assert english != polish, english
    assert all("przetwórz ponownie" in a.lower() for a in advice_pl), advice_pl

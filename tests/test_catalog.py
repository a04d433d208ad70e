"""The licensing catalog: friendly names, odd CSV exports, and resolving names typed by people."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import catalog
from desktop.catalog import Catalog, CatalogFormatError, CatalogLookupError
from desktop.graph.records import PrepaidUnits, ServicePlan, Sku

E3_ID = "6fd2c87f-b296-42f0-b197-1e91e994b900"
E5_ID = "c7df2760-2c81-4ef7-b578-5b5392b571df"
EXO_ID = "efb87545-963c-4e0d-99df-69c6916d9eb0"
TEAMS_ID = "57ff2da0-773e-42df-b2af-ffb7a2317929"

HEADER = (
    "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
    "Service_Plans_Included_Friendly_Names"
)
ROWS = [
    f"Office 365 E3,ENTERPRISEPACK,{E3_ID},EXCHANGE_S_ENTERPRISE,{EXO_ID},EXCHANGE ONLINE (PLAN 2)",
    f"Office 365 E3,ENTERPRISEPACK,{E3_ID},TEAMS1,{TEAMS_ID},Microsoft Teams",
    f"Office 365 E5,ENTERPRISEPREMIUM,{E5_ID},EXCHANGE_S_ENTERPRISE,{EXO_ID},"
    "Exchange Online (Plan 2)",
    f"Office 365 E5,ENTERPRISEPREMIUM,{E5_ID},TEAMS1,{TEAMS_ID},TEAMS1",
]


def write_catalog(path: Path, text: str) -> Path:
    with gzip.open(path, "wb") as out:
        out.write(text.encode("utf-8"))
    return path


@pytest.fixture
def small_catalog(tmp_path: Path) -> Iterator[Catalog]:
    table = Catalog.from_file(write_catalog(tmp_path / "c.csv.gz", "\n".join([HEADER, *ROWS])))
    catalog.use_catalog(table)
    yield table
    catalog.use_catalog(None)


def make_sku(sku_id: str, part: str, plans: tuple[ServicePlan, ...] = ()) -> Sku:
    return Sku(
        id=f"tenant_{sku_id}",
        sku_id=sku_id,
        sku_part_number=part,
        applies_to="User",
        capability_status="Enabled",
        consumed_units=0,
        prepaid_units=PrepaidUnits(enabled=5),
        service_plans=plans,
    )


def test_the_shipped_table_names_well_known_skus_and_plans() -> None:
    catalog.use_catalog(None)
    assert catalog.sku_name(E3_ID) == "Office 365 E3"
    assert catalog.sku_name(part_number="ENTERPRISEPACK") == "Office 365 E3"
    assert catalog.plan_name(EXO_ID, None) == "Exchange Online (Plan 2)"


def test_bom_header_variant_trailing_spaces_and_crlf_are_tolerated(tmp_path: Path) -> None:
    header = "\ufeff" + HEADER.replace("String_Id", "String_ Id")
    rows = [
        f"Office 365 E3 ,ENTERPRISEPACK ,{E3_ID.upper()} ,EXCHANGE_S_ENTERPRISE ,{EXO_ID} ,"
        "Exchange Online (Plan 2) ",
    ]
    table = Catalog.from_file(write_catalog(tmp_path / "c.csv.gz", "\r\n".join([header, *rows])))
    assert table.sku_name(E3_ID) == "Office 365 E3"
    assert table.sku_name(part_number="enterprisepack") == "Office 365 E3"
    assert table.plan_name(EXO_ID.upper(), None) == "Exchange Online (Plan 2)"
    assert table.plan_name(None, "EXCHANGE_S_ENTERPRISE") == "Exchange Online (Plan 2)"


def test_plain_csv_files_load_too(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("\n".join([HEADER, *ROWS]), encoding="utf-8")
    assert Catalog.from_file(path).sku_name(E5_ID) == "Office 365 E5"


def test_a_file_without_a_needed_column_is_refused_with_the_column_named(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "c.csv.gz", "Product_Display_Name,GUID\nX,1\n")
    with pytest.raises(CatalogFormatError, match="part_number"):
        Catalog.from_file(path)


def test_the_readable_spelling_of_a_plan_wins_over_codes_and_capitals(
    small_catalog: Catalog,
) -> None:
    assert catalog.plan_name(EXO_ID, "EXCHANGE_S_ENTERPRISE") == "Exchange Online (Plan 2)"
    assert catalog.plan_name(TEAMS_ID, "TEAMS1") == "Microsoft Teams"


def test_unknown_ids_fall_back_to_the_part_number_then_the_id(small_catalog: Catalog) -> None:
    unknown = "00000000-0000-0000-0000-000000000001"
    assert catalog.sku_name(unknown, "CONTOSO_SPECIAL") == "CONTOSO_SPECIAL"
    assert catalog.sku_name(unknown) == unknown
    assert catalog.sku_name(unknown, "ENTERPRISEPACK") == "Office 365 E3"
    assert catalog.plan_name(unknown, "SOME_PLAN") == "SOME_PLAN"
    assert catalog.plan_name(unknown, None) == unknown
    assert catalog.sku_name() == ""


def test_the_cached_table_is_loaded_once(small_catalog: Catalog) -> None:
    assert catalog.catalog() is small_catalog
    assert catalog.catalog() is catalog.catalog()


def test_resolve_sku_accepts_part_number_id_or_friendly_name(small_catalog: Catalog) -> None:
    e3, e5 = make_sku(E3_ID, "ENTERPRISEPACK"), make_sku(E5_ID, "ENTERPRISEPREMIUM")
    skus = [e3, e5]
    assert catalog.resolve_sku("enterprisepack", skus) is e3
    assert catalog.resolve_sku(E5_ID.upper(), skus) is e5
    assert catalog.resolve_sku("  office 365 e5 ", skus) is e5


def test_resolve_sku_unknown_lists_close_names(small_catalog: Catalog) -> None:
    skus = [make_sku(E3_ID, "ENTERPRISEPACK"), make_sku(E5_ID, "ENTERPRISEPREMIUM")]
    with pytest.raises(LookupError) as caught:
        catalog.resolve_sku("Office 365 E4", skus)
    assert isinstance(caught.value, CatalogLookupError)
    assert "Office 365 E3 (ENTERPRISEPACK)" in caught.value.candidates
    assert "Did you mean" in str(caught.value)


def test_resolve_sku_ambiguous_friendly_name_names_every_match(small_catalog: Catalog) -> None:
    # Two subscriptions of one product under different part numbers share a friendly name.
    other = "11111111-2222-3333-4444-555555555555"
    table = catalog.catalog()
    table.sku_by_id[other] = "Office 365 E3"
    skus = [make_sku(E3_ID, "ENTERPRISEPACK"), make_sku(other, "ENTERPRISEPACK_B")]
    with pytest.raises(CatalogLookupError, match="more than one") as caught:
        catalog.resolve_sku("Office 365 E3", skus)
    assert len(caught.value.candidates) == 2
    assert catalog.resolve_sku("ENTERPRISEPACK_B", skus) is skus[1]


def test_resolve_plan_accepts_name_id_or_friendly_name(small_catalog: Catalog) -> None:
    exo = ServicePlan(EXO_ID, "EXCHANGE_S_ENTERPRISE")
    teams = ServicePlan(TEAMS_ID, "TEAMS1")
    sku = make_sku(E3_ID, "ENTERPRISEPACK", (exo, teams))
    assert catalog.resolve_plan("teams1", sku) is teams
    assert catalog.resolve_plan(EXO_ID, sku) is exo
    assert catalog.resolve_plan("Microsoft Teams", sku) is teams
    with pytest.raises(CatalogLookupError, match="Office 365 E3") as caught:
        catalog.resolve_plan("Teams", sku)
    assert caught.value.candidates == ("Microsoft Teams (TEAMS1)",)

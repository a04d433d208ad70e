"""$select is read the same whether its property table was seen before or not."""

from __future__ import annotations

import pytest

from desktop.demo import odata, payloads
from desktop.demo.errors import EnvelopeError


@pytest.mark.parametrize("known", [payloads.USER_PROPERTIES, list(payloads.USER_PROPERTIES)])
def test_select_names_are_canonical_in_order_and_unknown_ones_refused_every_time(
    known: tuple[str, ...] | list[str],
) -> None:
    for _ in range(2):  # the second time the table's lowered names are remembered
        assert odata.parse_select(" ID,displayname , id,", known) == ["id", "displayName"]
        assert odata.parse_select(",", known) is None
        assert odata.parse_select(None, known) is None
        with pytest.raises(EnvelopeError) as refused:
            odata.parse_select("id,nope", known, "microsoft.graph.user")
        assert "nope" in refused.value.message
    chosen = odata.parse_select("mail", known)
    assert chosen == ["mail"]
    chosen.append("changed")  # the caller's own list
    assert odata.parse_select("mail", known) == ["mail"]

"""Graph's timestamps: the short way for ``YYYY-MM-DDTHH:MM:SSZ`` reads every text exactly as
the general way does (same moment, same zone object), and a user's sign-in activity is what
reading each of its three fields the general way gives."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.insight import moments
from desktop.insight.moments import parse_any_moment, parse_moment
from desktop.insight.records import SignInActivity
from desktop.insight.snapshot import _sign_in

GRAPH_STAMP = "2026-11-14T06:09:02Z"

naive_moments = st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 30), timezones=st.none()
)
offsets = st.one_of(
    st.none(),
    st.just(timezone.utc),
    st.integers(min_value=-23 * 60, max_value=23 * 60).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    ),
)


@st.composite
def written_moments(draw: st.DrawFn) -> str:
    """A moment written as Graph does, or as ISO 8601 otherwise allows, or nearly so."""
    moment = draw(naive_moments).replace(tzinfo=draw(offsets))
    spec = draw(st.sampled_from(["auto", "seconds", "milliseconds", "microseconds", "minutes"]))
    text = moment.isoformat(sep=draw(st.sampled_from(["T", " "])), timespec=spec)
    if draw(st.booleans()):
        text = text.replace("+00:00", "Z")
    if draw(st.booleans()):  # a slip: one character changed, dropped or added
        position = draw(st.integers(min_value=0, max_value=len(text)))
        slip = draw(st.sampled_from(["", "Z", "z", "+", "-", ":", "T", ".", "0", "9", " ", "٣"]))
        cut = position + draw(st.integers(min_value=0, max_value=1))
        text = text[:position] + slip + text[cut:]
    return text


@st.composite
def near_graph(draw: st.DrawFn) -> str:
    """Twenty characters ending in Z, as Graph writes them, with a few others changed."""
    text = list(draw(naive_moments).strftime("%Y-%m-%dT%H:%M:%S").rjust(19, "0") + "Z")
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        text[draw(st.integers(min_value=0, max_value=18))] = draw(st.sampled_from("0169-:+TZ. "))
    return "".join(text)


graph_shaped = st.one_of(
    near_graph(),
    st.text(alphabet="0123456789-:TZ+. ", min_size=19, max_size=19).map(lambda h: h + "Z"),
)


def same(found: datetime | None, expected: datetime | None) -> bool:
    """Equal moments with equal zones (aware datetimes compare by instant alone)."""
    return repr(found) == repr(expected) and (found is None or found.tzinfo == expected.tzinfo)  # type: ignore[union-attr]


@example(GRAPH_STAMP)
@example("2026-11-14T06:09:02.5Z")
@example("2026-11-14T06:09:02+02:00")
@example("2026-11-14T06:09:02")
@example("2026-11-14 06:09:02Z")
@example("2026-11-14T06:09+01Z")  # an offset, then Z: no moment
@example("2026-11-14T06:09-0130Z")
@example("2026-11-14T06:09:02z")
@example("Z026-11-14T06:09:02Z")
@example("20261114T060902.12Z")
@example("")
@given(st.one_of(written_moments(), graph_shaped, st.text(max_size=30)))
def test_the_short_way_reads_every_text_as_the_general_way(text: str) -> None:
    assert same(parse_moment(text), parse_any_moment(text))


@given(st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.text()), st.booleans()))
def test_what_is_not_text_is_no_moment(value: Any) -> None:
    assert parse_moment(value) is None


def test_graphs_stamp_is_an_aware_utc_moment() -> None:
    found = parse_moment(GRAPH_STAMP)
    assert found == datetime(2026, 11, 14, 6, 9, 2, tzinfo=timezone.utc)
    assert found is not None and found.utcoffset() == timedelta(0)
    assert parse_moment("2026-13-14T06:09:02Z") is None  # no 13th month


FIELDS = ("lastSuccessfulSignInDateTime", "lastSignInDateTime", "lastNonInteractiveSignInDateTime")
MISSING = object()
field_values = st.one_of(
    st.just(MISSING), st.none(), st.just(GRAPH_STAMP), written_moments(), st.integers()
)


@example({"lastSuccessfulSignInDateTime": GRAPH_STAMP, "lastSignInDateTime": GRAPH_STAMP})
@example({"lastSignInDateTime": "2026-11-14T06:09:02+00:00", "lastSuccessfulSignInDateTime": None})
@example({"lastSuccessfulSignInDateTime": 1, "lastSignInDateTime": True})
@given(
    st.fixed_dictionaries({name: field_values for name in FIELDS}).map(
        lambda drawn: {name: value for name, value in drawn.items() if value is not MISSING}
    )
)
def test_sign_in_activity_is_each_field_read_the_general_way(raw: dict[str, Any]) -> None:
    found = _sign_in({"id": "u1", "signInActivity": raw})
    expected = SignInActivity(*(parse_any_moment(raw.get(name)) for name in FIELDS))
    assert found == expected
    for name in ("last_successful", "last_interactive", "last_non_interactive"):
        assert same(getattr(found, name), getattr(expected, name))


def test_a_user_who_never_signed_in_has_no_moment() -> None:
    assert _sign_in({"id": "u1"}) == SignInActivity()
    assert _sign_in({"id": "u1", "signInActivity": None}) == SignInActivity()
    assert _sign_in({"id": "u1", "signInActivity": dict.fromkeys(FIELDS)}) == SignInActivity()


def test_without_the_short_way_python_3_10_reads_graphs_stamp_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    short = parse_moment(GRAPH_STAMP)
    monkeypatch.setattr(moments, "_READS_Z", False)  # 3.10's fromisoformat does not read Z
    assert same(parse_moment(GRAPH_STAMP), short)


@pytest.mark.parametrize(
    ("text", "microsecond"),
    [
        ("2026-11-14T06:09:02.1Z", 100000),
        ("2026-11-14T06:09:02.12Z", 120000),
        ("2026-11-14T06:09:02.1234Z", 123400),
        ("2026-11-14T06:09:02.1234567Z", 123456),  # Graph's 7 digits: the 7th is cut, not rounded
        ("2026-11-14T06:09:02.0000000Z", 0),
        ("2026-11-14T06:09:02,5Z", 500000),
    ],
)
def test_any_number_of_fraction_digits_is_read_on_every_python(text: str, microsecond: int) -> None:
    expected = datetime(2026, 11, 14, 6, 9, 2, microsecond, tzinfo=timezone.utc)
    assert same(parse_any_moment(text), expected)
    assert same(parse_moment(text), expected)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="compares with 3.11's own reading")
@example("2026-11-14T06:09:02.1234567Z")
@example("2026-11-14T06:09:02.12+05:30")
@example("2026-11-14T06:09:02,1234567")
@example("2026-11-14T06:09:02.٣Z")
@example("2000-01-01T00:00:00.0z00001+00:00")  # a fraction that does not end at the zone
@given(st.one_of(written_moments(), graph_shaped, st.text(max_size=30)))
def test_python_3_10s_way_with_fractions_reads_as_3_11_reads(text: str) -> None:
    on_3_11 = parse_any_moment(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(moments, "_READS_ANY_FRACTION", False)
        assert same(parse_any_moment(text), on_3_11)

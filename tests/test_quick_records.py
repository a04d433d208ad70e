"""A record built by ``positional_builder`` is the record the class builds: type, fields,
equality, hash, repr, pickling and immutability; classes whose ``__init__`` does more are
refused."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, dataclass, field, fields
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.insight.findings import Finding, FindingKind
from desktop.insight.money import Money
from desktop.insight.records import ActivitySource, LastActivity, SignInActivity
from desktop.quick_records import positional_builder

moments = st.none() | st.datetimes(
    timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=2))])
)
texts = st.text(max_size=8)
maybe_texts = st.none() | texts
ids = st.lists(texts, max_size=3).map(tuple)
activities = st.none() | st.builds(LastActivity, moments, st.sampled_from(ActivitySource), texts)
costs = st.lists(
    st.builds(Money, st.decimals(places=2, allow_nan=False, allow_infinity=False), texts),
    max_size=2,
).map(tuple)

finding_values = st.tuples(
    st.sampled_from(FindingKind), ids, ids, maybe_texts, maybe_texts, maybe_texts, maybe_texts,
    activities, st.none() | st.integers(), moments, maybe_texts,
    st.lists(st.tuples(texts, ids), max_size=2).map(tuple), ids, st.integers(), costs, ids,
)  # fmt: skip


def assert_same(cls: type[Any], values: tuple[Any, ...]) -> None:
    built = positional_builder(cls)(*values)
    made = cls(*values)
    assert type(built) is cls
    assert [getattr(built, f.name) for f in fields(cls)] == list(values)
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    again = pickle.loads(pickle.dumps(built))
    assert type(again) is cls and again == made
    with pytest.raises(FrozenInstanceError):
        built.__setattr__(fields(cls)[0].name, None)


@given(st.tuples(moments, moments, moments))
def test_sign_in_activity(values: tuple[datetime | None, ...]) -> None:
    assert_same(SignInActivity, values)


@given(st.tuples(moments, st.sampled_from(ActivitySource), texts))
def test_last_activity(values: tuple[Any, ...]) -> None:
    assert_same(LastActivity, values)


@given(finding_values)
def test_finding(values: tuple[Any, ...]) -> None:
    assert_same(Finding, values)


def test_every_argument_is_required() -> None:
    with pytest.raises(TypeError):
        positional_builder(SignInActivity)(None, None)
    with pytest.raises(TypeError):
        positional_builder(Money)(Decimal(1), "EUR", "extra")


@dataclass(frozen=True)
class Unslotted:
    value: int


@dataclass(frozen=True, slots=True)
class Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


@dataclass(frozen=True, slots=True)
class Derived:
    value: int
    double: int = field(init=False, default=0)


@pytest.mark.parametrize("cls", [Unslotted, Checked, Derived, int])
def test_classes_whose_init_does_more_are_refused(cls: type[Any]) -> None:
    with pytest.raises(TypeError):
        positional_builder(cls)

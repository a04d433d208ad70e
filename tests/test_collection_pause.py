"""The cyclic collector is paused inside bulk reads, counted across nested and overlapping
pauses, and restored to what it was."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from desktop.collection_pause import collection_paused
from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import User
from desktop.graph.tokens import StaticToken
from desktop.insight.snapshot import read_snapshot


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_nested_pauses_resume_the_collector_only_when_the_last_one_ends() -> None:
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_overlapping_pauses_in_two_threads_are_counted() -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        first_in.wait(5)
        with collection_paused():
            pass
        seen.append(gc.isenabled())  # the first pause is still open
        second_done.set()

    worker = threading.Thread(target=other)
    worker.start()
    with collection_paused():
        first_in.set()
        assert second_done.wait(5)
    worker.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_a_pause_ends_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_listing_users_runs_with_the_collector_paused_and_resumes_it(
    demo_tenant_readonly: DemoTenant,
) -> None:
    during: list[bool] = []

    def on_page(page: list[User]) -> None:
        during.append(gc.isenabled())

    with GraphClient(demo_tenant_readonly.base_url, StaticToken("demo-token")) as client:
        users = client.list_users(page_size=25, on_page=on_page)
    assert len(users) == 60
    assert during == [False, False, False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_insight_read_runs_with_the_collector_paused_and_resumes_it(
    demo_tenant_readonly: DemoTenant,
) -> None:
    during: list[bool] = []
    with GraphClient(demo_tenant_readonly.base_url, StaticToken("demo-token")) as client:
        snapshot = read_snapshot(client, on_progress=lambda _read: during.append(gc.isenabled()))
    assert len(snapshot.users) == 60
    assert during and not any(during)
    assert gc.isenabled()

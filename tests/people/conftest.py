"""The demo tenant's client and controller, as the licensing tests use them."""

from tests.licensing.conftest import controller, graph

__all__ = ["controller", "graph"]

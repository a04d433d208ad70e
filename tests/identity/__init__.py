"""A minimal Microsoft identity platform served by a demo tenant, for the sign-in tests only.

The window's demo tenant needs no sign-in (it uses a fixed token), so nothing in ``desktop`` or
``ui`` uses this package: it lives with the tests that drive MSAL end to end.
"""

from tests.identity.platform import GRAPH_POWERSHELL_CLIENT_ID, DemoAccount, DemoIdentity

__all__ = ["GRAPH_POWERSHELL_CLIENT_ID", "DemoAccount", "DemoIdentity"]

"""The demo tenant: a faithful local emulation of the part of Microsoft Graph License Desk uses.

``DemoTenant.start()`` seeds a Polish company and serves Graph v1.0 on 127.0.0.1 in a background
thread. See ``server.py`` for the API and ``router.py`` for mounting extra routes.
"""

from desktop.demo.faults import Faults, Stats
from desktop.demo.router import Request, Response
from desktop.demo.server import DemoTenant

__all__ = ["DemoTenant", "Faults", "Request", "Response", "Stats"]

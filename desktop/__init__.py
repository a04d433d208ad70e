"""License Desk core: pure Python, no Qt. Usable from scripts, tests and the window."""

__version__ = "0.1.0"

"""The local snapshot of a tenant: its users, packages and group names as last read, with the
``@odata.deltaLink`` that brings them up to date. Encrypted at rest with a key kept in the OS
keyring (``vault.py``), written atomically and owner-only (``store.py``), shown at once and then
refreshed by delta (``loader.py``). Qt-free: the window's part is ``ui/session.py``.
"""

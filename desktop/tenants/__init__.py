"""Many tenants at once: the registry of signed-in tenants and a partner's customers, each
tenant's own settings, tokens per tenant, the cross-tenant overview and the billing audit.

Qt-free; the window's Tenants home is ``ui/tenants/``, the CLI ``commands/tenants.py`` and
``commands/audit.py``.
"""

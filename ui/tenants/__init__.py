"""The Tenants home: every tenant a partner reaches on one screen (``desktop/tenants``)."""

"""People who are not in Microsoft 365 yet: a per-tenant list kept privately, imported from
HR exports (CSV, ``.xlsx``), linked to existing users, and created (with licenses) through the
licensing engine's create plans. Qt-free; the CLI (``desktop/commands/people.py``) and the
window use it."""

"""License insight: which licenses are wasted, what they cost, what renews when.

Qt-free. ``snapshot.read_snapshot`` reads one tenant (users with sign-in activity or the usage
report, packages, subscriptions); ``findings.find`` turns it into findings with costs;
``renewals`` estimates terms and says when to reduce seats; ``prices`` and ``keep`` are the
administrator's own data, stored per tenant.
"""

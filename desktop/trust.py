"""HTTPS trusts the operating system's certificate store, not only the bundle ``requests`` ships.

Offices behind a TLS-inspecting proxy install the proxy's root certificate in Windows' or
macOS' store; with only certifi's bundle, sign-in (MSAL, which uses ``requests``) and every Graph
call would fail with "certificate verify failed". ``truststore`` makes ``ssl.SSLContext`` verify
through the OS (SChannel/CryptoAPI on Windows, Security.framework on macOS, OpenSSL's system
paths on Linux). Done once, at start-up, before any connection is opened.
"""

from __future__ import annotations

import ssl


def use_os_trust_store() -> bool:
    """Inject truststore; False when it is not installed (a source checkout set up before the
    dependency existed), which leaves certifi's bundle in charge — the self-test fails then."""
    try:
        import truststore
    except ImportError:
        return False
    if ssl.SSLContext is not truststore.SSLContext:  # a second call (tests) changes nothing
        truststore.inject_into_ssl()
    return True


def os_trust_store_in_use() -> bool:
    try:
        import truststore
    except ImportError:
        return False
    return ssl.SSLContext is truststore.SSLContext

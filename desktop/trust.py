"""HTTPS trusts the operating system's certificate store, not only the bundle ``requests`` ships.

Offices behind a TLS-inspecting proxy install the proxy's root certificate in Windows' or
macOS' store; with only certifi's bundle, sign-in (MSAL, which uses ``requests``) and every Graph
call would fail with "certificate verify failed". ``truststore`` makes ``ssl.SSLContext`` verify
through the OS (SChannel/CryptoAPI on Windows, Security.framework on macOS, OpenSSL's system
paths on Linux). Done once, at start-up, before any connection is opened.
"""

from __future__ import annotations

import ssl


def use_os_trust_store() -> None:
    import truststore

    if ssl.SSLContext is truststore.SSLContext:
        return  # already injected (a second call in the same process, e.g. from tests)
    truststore.inject_into_ssl()


def os_trust_store_in_use() -> bool:
    import truststore

    return ssl.SSLContext is truststore.SSLContext

"""Following ``@odata.nextLink`` safely: a link seen before, or more pages than any tenant
could fill, is a server in a loop; stop with an error instead of asking for ever."""

from __future__ import annotations

from desktop.graph.errors import PagingLoopError

# Entra ID's directory quota starts at 50,000 objects and is raised on request; the largest
# tenants hold a few million. Ten million leaves room and still ends a runaway chain.
MAX_TENANT_OBJECTS = 10_000_000


def max_pages(page_size: int) -> int:
    """How many pages of ``page_size`` the largest tenant could fill (plus one for a last,
    empty page)."""
    return -(-MAX_TENANT_OBJECTS // max(1, page_size)) + 1


class PageGuard:
    """Counts the pages of one listing and remembers their links."""

    def __init__(self, what: str, limit: int) -> None:
        self.what = what
        self.limit = limit
        self.pages = 0
        self._seen: set[str] = set()

    def next(self, url: str) -> None:
        """Call before requesting ``url``; raises ``PagingLoopError`` when it must not be."""
        if url in self._seen:
            raise PagingLoopError(
                f"The server sent the same next-page link twice while listing {self.what} "
                f"(after {self.pages} page(s)); stopped, as it would never end."
            )
        self.pages += 1
        if self.pages > self.limit:
            raise PagingLoopError(
                f"Listing {self.what} went past {self.limit} pages, more than any tenant holds; "
                "stopped, as the server seems to be in a loop."
            )
        self._seen.add(url)

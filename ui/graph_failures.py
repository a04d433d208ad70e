"""Microsoft Graph's failures in the window's words, chosen from Graph's error code.

Graph's own text is English (and not always kind), so the window never shows it as the
message: it picks a translated sentence from the code and the HTTP status, and keeps Graph's
text for "Details". ``Request_BadRequest`` covers many license refusals, told apart only by
their text; the few whose words matter to an administrator are recognised by a stable phrase
(the ones the demo tenant also sends: desktop/demo/errors.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


# (a phrase in Graph's English message, the sentence to show instead). Checked in order.
def _by_message() -> tuple[tuple[str, Callable[[], str]], ...]:
    return (
        (
            "does not have any available licenses",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "No free seats are left in this license package. Free some seats or buy "
                "more, then try again.",
            ),
        ),
        (
            "invalid usage location",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "The user has no usage location. Set their location, then try again.",
            ),
        ),
        (
            "inherited from a group",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "This license comes from a group. Remove the user from the group instead.",
            ),
        ),
        (
            "does not have a corresponding license",
            lambda: QCoreApplication.translate(
                "GraphFailure", "The user no longer has this license. Refresh the list (F5)."
            ),
        ),
        (
            "does not correspond to a valid company license",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "Your organisation no longer has this license package. Refresh the list (F5).",
            ),
        ),
        (
            "depends on the service plan",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "An app in this license needs another app that is switched off. Switch the "
                "needed app on, then try again.",
            ),
        ),
        (
            "mutually exclusive",
            lambda: QCoreApplication.translate(
                "GraphFailure", "Two of these apps cannot be on at the same time. Switch one off."
            ),
        ),
        (
            "same value for property userprincipalname",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "Another account already has this user name. Choose a different one.",
            ),
        ),
        (
            "password complexity",
            lambda: QCoreApplication.translate(
                "GraphFailure", "The password is too simple. Choose a longer, more varied one."
            ),
        ),
        (
            "domain portion of the userprincipalname",
            lambda: QCoreApplication.translate(
                "GraphFailure",
                "The user name's domain is not one of your organisation's verified domains.",
            ),
        ),
    )


def _by_code(code: str) -> str | None:
    if code == "Request_ResourceNotFound" or code in {"NotFound", "itemNotFound"}:
        return QCoreApplication.translate(
            "GraphFailure", "The user or license no longer exists. Refresh the list (F5)."
        )
    if code in {"Authorization_RequestDenied", "accessDenied", "Forbidden"}:
        return QCoreApplication.translate(
            "GraphFailure",
            "You are not allowed to do this: it needs the License or User Administrator role.",
        )
    if code in {"InvalidAuthenticationToken", "Unauthorized"}:
        return QCoreApplication.translate(
            "GraphFailure", "Your sign-in has expired or was refused. Sign in again, then retry."
        )
    if code in {"TooManyRequests", "activityLimitReached", "serviceNotAvailable", "gatewayTimeout"}:
        return QCoreApplication.translate(
            "GraphFailure", "Microsoft 365 is busy. Wait a few minutes, then try again."
        )
    if code == "FailedDependency":
        return QCoreApplication.translate(
            "GraphFailure", "Not done, because an earlier step of the same request failed."
        )
    if code == "Request_UnsupportedQuery":
        return QCoreApplication.translate(
            "GraphFailure", "Microsoft 365 cannot answer this search. Simplify it and try again."
        )
    if code == "Directory_ExpiredPageToken":
        return QCoreApplication.translate(
            "GraphFailure", "The list took too long to read and expired. Refresh the list (F5)."
        )
    return None


def _by_status(status: int | None) -> str:
    if status is not None and status >= 500:
        return QCoreApplication.translate(
            "GraphFailure", "Microsoft 365 had a problem of its own. Try again in a few minutes."
        )
    if status == 401:
        return QCoreApplication.translate(
            "GraphFailure", "Your sign-in has expired or was refused. Sign in again, then retry."
        )
    if status == 403:
        return QCoreApplication.translate(
            "GraphFailure",
            "You are not allowed to do this: it needs the License or User Administrator role.",
        )
    if status == 404:
        return QCoreApplication.translate(
            "GraphFailure", "The user or license no longer exists. Refresh the list (F5)."
        )
    if status == 429:
        return QCoreApplication.translate(
            "GraphFailure", "Microsoft 365 is busy. Wait a few minutes, then try again."
        )
    return QCoreApplication.translate(
        "GraphFailure",
        "Microsoft 365 refused the request. Show the details for its own explanation.",
    )


def graph_failure_text(code: str | None, message: str = "", status: int | None = None) -> str:
    """One translated sentence for a Graph failure: what went wrong and what to do."""
    lowered = message.lower()
    for phrase, words in _by_message():
        if phrase in lowered:
            return words()
    by_code = _by_code(code or "")
    return by_code if by_code is not None else _by_status(status)


def graph_details(code: str | None, message: str, status: int | None = None) -> str:
    """Graph's own words, for "Details" and support."""
    lines = [f"code: {code or 'n/a'}"]
    if status is not None:
        lines.append(f"HTTP status: {status}")
    if message:
        lines.append(f"Microsoft 365: {message}")
    return "\n".join(lines)

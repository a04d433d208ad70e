"""A cheaper way to build frozen, slotted dataclass records made by the ten thousand.

The ``__init__`` that ``dataclasses`` writes for a frozen class sets every field through
``object.__setattr__(self, "name", value)``: a lookup of the name per field. Insight builds a
``SignInActivity`` for each of 100,000 users while their pages come in, and a ``LastActivity``
for each of tens of thousands of findings; there that ``__init__`` takes about twice the time of
filling the slots through their own descriptors (measured with timeit: ``Finding`` 1.6 -> 0.8 us).
Only small records use it: a call with many positional fields of one type could swap two
unnoticed, so ``Finding`` keeps its keywords. ``positional_builder`` writes that constructor
once per class, the way ``dataclasses`` writes ``__init__`` (as source), for classes where
``__init__`` does nothing else: every field is an ``__init__`` argument, there is no
``__post_init__``. A record it builds is the same as
one built by the class: same type, fields, equality, hash, repr and pickling.

Every argument is positional and required, in the order of the class's fields. Callers declare
the builder's full signature (a typed ``Callable``), so mypy checks each call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def positional_builder(cls: type[T]) -> Callable[..., T]:
    slots = cls.__dict__.get("__slots__")
    if not is_dataclass(cls) or slots is None:
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}.__post_init__ would be skipped")
    names = [f.name for f in fields(cls)]
    if any(not f.init for f in fields(cls)) or set(names) != set(slots):
        raise TypeError(f"{cls.__name__} has slots or fields its __init__ does not fill")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update({f"_set_{name}": getattr(cls, name).__set__ for name in names})
    lines = [f"def build({', '.join(names)}):", "    record = _new(_cls)"]
    lines += [f"    _set_{name}(record, {name})" for name in names]
    lines.append("    return record")
    exec("\n".join(lines), scope)  # names are the class's own identifiers
    built: Callable[..., T] = scope["build"]
    built.__qualname__ = built.__name__ = f"build_{cls.__name__}"
    return built

"""Values built once per process on their first use and shared by every thread.

OpenCC converters, generated tables and the checker's character classes are costly to build and
never change while the process runs; :class:`BuiltOnce` builds each under one lock the first time
it is asked for, so concurrent first callers wait for the one build instead of repeating it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar, cast

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class BuiltOnce(Generic[K]):
    """A table of values by key ``K``, each built on first use under one re-entrant lock."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        #: The values built so far, by key (a build may itself ask for another key).
        self.built: dict[K, object] = {}

    def get(self, key: K, build: Callable[[], T]) -> T:
        """Return the value under ``key``, building it with ``build`` if missing (``build`` must
        not return None)."""
        value = self.built.get(key)
        if value is None:
            with self._lock:
                value = self.built.get(key)
                if value is None:
                    value = self.built[key] = build()
        return cast(T, value)

    def is_built(self, key: K) -> bool:
        """Return True once the value under ``key`` has been built."""
        return key in self.built

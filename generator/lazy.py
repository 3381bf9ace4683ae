"""A module imported when first used: numpy costs 0.1–0.2 s to import, and a rebuild that takes the statements,
stories and related stories from the cache never uses it (a translator's edit rebuilds in about 2 s)."""

from __future__ import annotations

import importlib
from typing import Any


class Lazy:
    """Stands for `module` under `name` in a module's namespace; the first attribute asked imports it and puts
    the module itself in its place (later lookups go straight to it)."""

    def __init__(self, module: str, namespace: dict[str, Any], name: str):
        self._module, self._namespace, self._name = module, namespace, name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self._module)
        self._namespace[self._name] = module
        return getattr(module, attribute)

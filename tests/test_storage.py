"""The storage seam: the SQLite Registry provides every verb of core.storage.Storage, with
the same parameters, and behaves as the interface says through the `storage` fixture."""

from __future__ import annotations

import inspect

from honours.core.registry import Registry
from honours.core.search import SearchResult
from honours.core.storage import Results, Storage


def _members(protocol: type) -> set[str]:
    own = {name for name in vars(protocol) if not name.startswith("_")}
    return own | set(protocol.__annotations__)


def _parameters(function) -> list[tuple[str, object, object, str]]:
    """(name, kind, default, annotation) of each parameter, `self` left out."""
    return [
        (p.name, p.kind, p.default, str(p.annotation))
        for p in inspect.signature(function).parameters.values()
        if p.name != "self"
    ]


def _conforms(protocol: type, implementation: type, instance_attributes: set[str]) -> list[str]:
    problems = []
    for name in sorted(_members(protocol)):
        declared = inspect.getattr_static(protocol, name, None)
        if declared is None:  # an attribute (`path: Path | None`)
            if name not in instance_attributes and not hasattr(implementation, name):
                problems.append(f"{name}: missing")
            continue
        found = inspect.getattr_static(implementation, name, None)
        if found is None:
            problems.append(f"{name}: missing")
        elif isinstance(declared, property):
            if not isinstance(found, property):
                problems.append(f"{name}: not a property")
        elif _parameters(declared) != _parameters(getattr(implementation, name)):
            problems.append(
                f"{name}: {inspect.signature(declared)} but {inspect.signature(getattr(implementation, name))}"
            )
    return problems


def test_registry_provides_every_storage_verb_with_its_parameters(registry):
    assert len(_members(Storage)) > 40  # the seam names every verb the front ends call
    assert _conforms(Storage, Registry, set(vars(registry))) == []
    assert isinstance(registry, Storage)


def test_search_results_provide_the_results_interface(registry):
    result = registry.search("")
    assert _conforms(Results, SearchResult, set(vars(result))) == []
    assert isinstance(result, Results)


def test_the_conformance_check_can_fail():
    class Partial:
        path = None

        def count(self, extra: int) -> int:
            return extra

    problems = _conforms(Storage, Partial, set())
    assert any(p.startswith("count: (self) ") and "extra" in p for p in problems), problems
    assert "search: missing" in problems


def test_the_server_registry_provides_every_storage_verb_with_its_parameters():
    from honours.core.postgres.registry import ServerRegistry
    from honours.core.postgres.search import ServerSearchResult

    assert _conforms(Storage, ServerRegistry, {"path", "url"}) == []
    assert _conforms(Results, ServerSearchResult, {"query", "parsed"}) == []

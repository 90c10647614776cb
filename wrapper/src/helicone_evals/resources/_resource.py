"""How one method definition becomes the sync, async and raw-response methods.

A method of the API is written once, as a function that checks its arguments and returns a
:class:`~helicone_evals._base_client.Plan` (which operation, the encoded body, how to read the
answer). Decorated with :func:`operation`, it is a descriptor: on a synchronous client it sends
the plan and returns the result; on the async client it returns a coroutine; under
``client.with_raw_response`` it returns a :class:`RawResponse` of the result. The four variants
are typed from the one signature (``ParamSpec``), so editors and mypy see the real arguments.

A method made of several requests (polling, two queries compared) is written once as a
generator decorated with :func:`composite`: it yields a ``Plan`` to send one request and
receive its result, a tuple of plans to send them together (concurrently on the async client),
or a number of seconds to wait. The generator never does I/O itself, so the same code runs
under both clients.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine, Generator
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeAlias, TypeVar, overload

from .. import _base_client
from .._base_client import Plan, RawResponse

if TYPE_CHECKING:
    from .._base_client import BaseClient

__all__ = [
    "Async",
    "AsyncRaw",
    "Resource",
    "Step",
    "Surface",
    "Sync",
    "SyncRaw",
    "composite",
    "operation",
]

P = ParamSpec("P")
T = TypeVar("T")
M = TypeVar("M")
S = TypeVar("S")


class Sync:
    """Mode marker: the synchronous client."""


class Async:
    """Mode marker: the asyncio client."""


class SyncRaw:
    """Mode marker: ``HeliconeEvals.with_raw_response``."""


class AsyncRaw:
    """Mode marker: ``AsyncHeliconeEvals.with_raw_response``."""


Step: TypeAlias = "Plan[Any] | tuple[Plan[Any], ...] | float"
"""What a :func:`composite` method yields: a request, requests sent together, or a wait."""


class Surface(Generic[M]):
    """Something whose methods send through one client: a client, a view of it, a resource."""

    _client: BaseClient
    _raw: bool
    _bound: dict[object, Any]

    def _resource(self, cls: type[S]) -> S:
        """The ``cls`` resource of this surface, made once."""
        found = self._bound.get(cls)
        if found is None:
            found = self._bound[cls] = cls(self._client, self._raw)  # type: ignore[call-arg]
        return found


class Resource(Surface[M]):
    """A group of methods (``client.evals``, ``client.scores``) bound to one client."""

    def __init__(self, client: BaseClient, raw: bool = False) -> None:
        self._client = client
        self._raw = raw
        self._bound = {}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class operation(Generic[P, T]):
    """Make a plan-returning method the sync/async/raw API method (see the module docstring)."""

    def __init__(self, plan: Callable[Concatenate[Any, P], Plan[T]]) -> None:
        self._plan = plan
        self.__doc__ = plan.__doc__
        self.__wrapped__ = plan

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> operation[P, T]: ...
    @overload
    def __get__(self, obj: Surface[Sync], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Surface[Async], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    @overload
    def __get__(self, obj: Surface[SyncRaw], owner: type[Any]) -> Callable[P, RawResponse[T]]: ...
    @overload
    def __get__(
        self, obj: Surface[AsyncRaw], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, RawResponse[T]]]: ...
    def __get__(self, obj: Surface[Any] | None, owner: type[Any]) -> Any:
        if obj is None:
            return self
        bound = obj._bound.get(self)
        if bound is None:
            bound = obj._bound[self] = self._bind(obj)
        return bound

    def _bind(self, obj: Surface[Any]) -> Callable[..., Any]:
        plan, client, raw = self._plan, obj._client, obj._raw
        send = client._send
        call: Callable[..., Any]
        if client._is_async:

            async def call(*args: Any, **kwargs: Any) -> Any:
                return await send(plan(obj, *args, **kwargs), raw)

        else:

            def call(*args: Any, **kwargs: Any) -> Any:
                return send(plan(obj, *args, **kwargs), raw)

        return _named(call, plan, obj)


class composite(Generic[P, T]):
    """Make a step-yielding generator method the sync/async API method (module docstring)."""

    def __init__(self, steps: Callable[Concatenate[Any, P], Generator[Step, Any, T]]) -> None:
        self._steps = steps
        self.__doc__ = steps.__doc__
        self.__wrapped__ = steps

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> composite[P, T]: ...
    @overload
    def __get__(self, obj: Surface[Sync], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Surface[Async], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: Surface[Any] | None, owner: type[Any]) -> Any:
        if obj is None:
            return self
        if obj._raw:
            raise AttributeError(
                f"{self._steps.__name__} makes several requests: it has no raw-response variant"
            )
        bound = obj._bound.get(self)
        if bound is None:
            bound = obj._bound[self] = self._bind(obj)
        return bound

    def _bind(self, obj: Surface[Any]) -> Callable[..., Any]:
        steps, client = self._steps, obj._client
        call: Callable[..., Any]
        if client._is_async:
            send_async = client._send

            async def call(*args: Any, **kwargs: Any) -> Any:
                gen = steps(obj, *args, **kwargs)
                value: Any = None
                while True:
                    try:
                        step = gen.send(value)
                    except StopIteration as stop:
                        return stop.value
                    if isinstance(step, Plan):
                        value = await send_async(step)
                    elif isinstance(step, tuple):
                        import asyncio  # here, so that a sync client never loads asyncio

                        value = tuple(await asyncio.gather(*(send_async(p) for p in step)))
                    else:
                        await _base_client.asleep(step)
                        value = None

        else:
            send = client._send

            def call(*args: Any, **kwargs: Any) -> Any:
                gen = steps(obj, *args, **kwargs)
                value: Any = None
                while True:
                    try:
                        step = gen.send(value)
                    except StopIteration as stop:
                        return stop.value
                    if isinstance(step, Plan):
                        value = send(step)
                    elif isinstance(step, tuple):
                        value = tuple(send(p) for p in step)
                    else:
                        _base_client.sleep(step)
                        value = None

        return _named(call, steps, obj)


def _named(call: Callable[..., Any], fn: Callable[..., Any], obj: object) -> Callable[..., Any]:
    """``call`` carrying ``fn``'s name and docstring, and its signature less ``self``."""
    call.__name__ = fn.__name__
    call.__qualname__ = fn.__qualname__
    call.__doc__ = fn.__doc__
    call.__module__ = fn.__module__
    call.__wrapped__ = functools.partial(fn, obj)  # type: ignore[attr-defined]
    return call

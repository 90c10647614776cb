"""Emits ``operations.py``: one descriptor per selected operation, for the wrapper's transport.

``emit(spec)`` takes the pruned, patched spec that regenerate.py hands every emitter and returns
``{"operations.py": text}``. The names it writes are those the generators give: endpoint modules
as openapi-python-client names them, shapes as datamodel-code-generator names the TypedDicts of
``shapes.py`` (regenerate.py checks each one exists there).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import selection
from datamodel_code_generator.reference import ModelResolver
from openapi_python_client.strings import PythonIdentifier

PACKAGE = "helicone_evals_generated"
FIELD_PREFIX = "field_"  # openapi-python-client's default, used for names that are not identifiers


class EmitError(Exception):
    """The spec lacks something operations.py needs; the message names the operation."""


class Operation(NamedTuple):
    operation_id: str
    name: str
    method: str
    path: str
    path_params: tuple[tuple[str, str], ...]
    module: str
    request_schema: str | None
    success_statuses: tuple[int, ...]
    success_shape: str
    error_shapes: dict[int, str]
    summary: str


def _schema_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


class _Names:
    """Class names as datamodel-code-generator gives them (with --use-title-as-name, a title)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        self._resolver = ModelResolver()

    def of(self, ref: str) -> str:
        name = _schema_name(ref)
        title = self.schemas.get(name, {}).get("title")
        return self._resolver.default_class_name_generator(title or name)

    def success_member(self, ref: str) -> str:
        """The success envelope inside a ``{data, error}`` union, or the schema itself."""
        schema = self.schemas.get(_schema_name(ref), {})
        for member in schema.get("anyOf", schema.get("oneOf", ())):
            target = self.schemas.get(_schema_name(member.get("$ref", "")), {})
            error = target.get("properties", {}).get("error", {})
            if error.get("enum") == [None]:
                return self.of(member["$ref"])
        return self.of(ref)


def _json_ref(holder: dict[str, Any]) -> str | None:
    schema = holder.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    ref = schema.get("$ref")
    return ref if isinstance(ref, str) else ""


def describe(spec: dict[str, Any]) -> list[Operation]:
    """The descriptors of the spec's operations, in selection order."""
    names = _Names(spec)
    by_id = {
        str(op.get("operationId")): (route, method, op)
        for route, method, op in selection.operations(spec)
    }
    order = spec.get(selection.ORDER_KEY) or list(by_id)
    out: list[Operation] = []
    for operation_id in order:
        route, method, op = by_id[operation_id]
        where = f"{operation_id} ({method.upper()} {route})"
        body = op.get("requestBody")
        request_schema = None
        if body is not None:
            ref = _json_ref(body)
            if not ref:
                raise EmitError(f"{where}: the JSON body has no named schema; name it in a patch")
            request_schema = names.of(ref)
        success: list[int] = []
        success_shape = ""
        errors: dict[int, str] = {}
        for status, response in op.get("responses", {}).items():
            if not str(status).isdigit():
                continue
            code = int(status)
            ref = _json_ref(response)
            if 200 <= code < 300:
                success.append(code)
                if ref and not success_shape:
                    success_shape = names.success_member(ref)
            elif ref:
                errors[code] = names.of(ref)
        if not success or not success_shape:
            raise EmitError(f"{where}: no 2xx answer with a named JSON schema; name it in a patch")
        tag = (op.get("tags") or ["default"])[0]
        name = PythonIdentifier(operation_id, FIELD_PREFIX)
        params = tuple(
            (p["name"], str(PythonIdentifier(p["name"], FIELD_PREFIX)))
            for p in op.get("parameters", ())
            if p.get("in") == "path"
        )
        summary = (op.get("summary") or op.get("description") or "").strip().split("\n")[0]
        out.append(
            Operation(
                operation_id=operation_id,
                name=str(name),
                method=method.upper(),
                path=route,
                path_params=params,
                module=f"{PACKAGE}.client.api.{PythonIdentifier(tag, 'tag')}.{name}",
                request_schema=request_schema,
                success_statuses=tuple(sorted(success)),
                success_shape=success_shape,
                error_shapes=dict(sorted(errors.items())),
                summary=summary or f"{operation_id}: {method.upper()} {route}",
            )
        )
    return out


HEAD = '''"""The selected operations of Helicone's API, as plain data for the wrapper's transport.

``OPERATIONS[operation_id]`` says how to call an operation (method, path, path parameters, the
generated endpoint module with ``build_request``/``sync_raw``/``asyncio_raw``) and what it answers
(success statuses, and the ``shapes`` TypedDict names of the success envelope and of each error
status). Importing this module imports nothing else.
"""

from typing import Final, NamedTuple


class Operation(NamedTuple):
    """One operation of the selection."""

    operation_id: str
    """The spec's operationId, e.g. ``"AddScores"``."""
    name: str
    """Its Python name, e.g. ``"add_scores"``."""
    method: str
    """The HTTP method, upper case."""
    path: str
    """The path template, with wire parameter names, e.g. ``"/v1/request/{requestId}/score"``."""
    path_params: tuple[tuple[str, str], ...]
    """(wire name, Python name) of each path parameter."""
    module: str
    """The generated endpoint module."""
    request_schema: str | None
    """The ``shapes`` name of the JSON body; None when the operation takes none."""
    success_statuses: tuple[int, ...]
    """The 2xx statuses the server answers with."""
    success_shape: str
    """The ``shapes`` name of the success envelope."""
    error_shapes: dict[int, str]
    """The ``shapes`` name of the body of each documented error status."""
    summary: str
    """One line from the spec."""


OPERATIONS: Final[dict[str, Operation]] = {
'''


def emit(spec: dict[str, Any]) -> dict[str, str]:
    """``{"operations.py": text}`` for the pruned, patched spec."""
    lines = [HEAD]
    for op in describe(spec):
        fields = ", ".join(f"{field}={getattr(op, field)!r}" for field in Operation._fields)
        lines.append(f"    {op.operation_id!r}: Operation({fields}),\n")
    lines.append("}\n")
    return {"operations.py": "".join(lines)}

"""Validators of the generated response shapes, built with pydantic-core alone.

``helicone_evals_generated.shapes`` describes every body of the API as TypedDicts. pydantic's
``TypeAdapter`` turns them into validators, but importing pydantic and generating its schemas
takes longer than importing httpx. Here the TypedDicts are read with ``typing`` and turned into
the same pydantic-core schema (a test compares the JSON Schema of both for every shape), so a
client's first answer costs only ``pydantic_core``; only the validator of the operation called
is built, on first use.

Both modes refuse NaN/Infinity and coerce nothing (a ``"1"`` is not a number). Strict refuses
fields the schema does not define, everywhere; lenient ignores them, even in a TypedDict the
generator marked ``closed``.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Final, Literal

import typing_extensions
from pydantic_core import SchemaValidator

from ._exceptions import HeliconeError

__all__ = ["ShapeValidators", "shape_validators"]

# Both modes: no coercion, no NaN/Infinity (the same as pydantic's strict=True config).
_CONFIG: Final[Any] = {"strict": True, "allow_inf_nan": False}
_SCALARS: Final[dict[object, dict[str, Any]]] = {
    str: {"type": "str"},
    float: {"type": "float"},
    int: {"type": "int"},
    bool: {"type": "bool"},
    type(None): {"type": "none"},
    None: {"type": "none"},
    Any: {"type": "any"},
    object: {"type": "any"},
}
_NOT_REQUIRED: Final = {typing.NotRequired, typing_extensions.NotRequired}
_REQUIRED: Final = {typing.Required, typing_extensions.Required}


class ShapeValidators:
    """The strict and lenient validators of one shape, and its pydantic-core schema."""

    __slots__ = ("_lenient", "core_schema", "name", "strict")

    def __init__(self, name: str, schema: dict[str, Any]) -> None:
        self.name = name
        self.core_schema = schema
        self.strict = SchemaValidator(schema, _CONFIG)
        self._lenient: SchemaValidator | None = None

    @property
    def lenient(self) -> SchemaValidator:
        """The validator that ignores undefined fields (built on first use)."""
        if self._lenient is None:
            self._lenient = SchemaValidator(_opened(self.core_schema), _CONFIG)
        return self._lenient

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of the strict validator (imports pydantic: for tests and tools)."""
        from pydantic.json_schema import GenerateJsonSchema

        return GenerateJsonSchema().generate(self.core_schema)

    def __repr__(self) -> str:
        return f"<ShapeValidators of {self.name}>"


@functools.cache
def shape_validators(name: str) -> ShapeValidators:
    """The validators of the ``helicone_evals_generated.shapes`` TypedDict (or alias) ``name``.

    Built once per shape; raises HeliconeError for a name the generated shapes do not define.
    """
    from helicone_evals_generated import shapes

    target = getattr(shapes, name, None) if not name.startswith("_") else None
    if target is None or isinstance(target, types.ModuleType):
        raise HeliconeError(f"no response shape named {name!r} in helicone_evals_generated")
    return ShapeValidators(name, _Builder(vars(shapes)).build(target))


class _Builder:
    """Turns a TypedDict (and what its fields hold) into a pydantic-core schema.

    Each TypedDict is inlined where it is used, except those that contain themselves: those
    become definitions, referred to by name.
    """

    def __init__(self, namespace: dict[str, Any]) -> None:
        self._namespace = namespace
        self._building: list[type] = []  # the TypedDicts being built, outermost first
        self._recursive: set[type] = set()
        self._definitions: dict[str, dict[str, Any]] = {}

    def build(self, target: object) -> dict[str, Any]:
        schema = self._schema(target)
        if not self._definitions:
            return schema
        return {
            "type": "definitions",
            "schema": schema,
            "definitions": list(self._definitions.values()),
        }

    def _schema(self, tp: object) -> dict[str, Any]:
        if isinstance(tp, type) and typing_extensions.is_typeddict(tp):
            return self._typed_dict(tp)
        scalar = _SCALARS.get(tp) if _hashable(tp) else None
        if scalar is not None:
            return dict(scalar)
        if isinstance(tp, typing_extensions.TypeAliasType):
            return self._schema(tp.__value__)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is list and len(args) == 1:
            return {"type": "list", "items_schema": self._schema(args[0])}
        if origin is dict and len(args) == 2:
            return {
                "type": "dict",
                "keys_schema": self._schema(args[0]),
                "values_schema": self._schema(args[1]),
            }
        if origin is Literal or origin is typing_extensions.Literal:
            return {"type": "literal", "expected": list(args)}
        if origin is typing.Union or origin is types.UnionType:
            return self._union(args)
        raise HeliconeError(f"the generated shapes use a type the SDK cannot validate: {tp!r}")

    def _union(self, args: tuple[Any, ...]) -> dict[str, Any]:
        # As pydantic: ``X | None`` is X or null; a union of Literals is one Literal.
        members = [a for a in args if a is not type(None) and a is not None]
        if members and all(typing.get_origin(a) is Literal for a in members):
            literal = self._schema(Literal[tuple(v for a in members for v in typing.get_args(a))])
        else:
            literal = None
        if literal is not None:
            inner = literal
        elif len(members) == 1:
            inner = self._schema(members[0])
        else:
            inner = {"type": "union", "choices": [self._schema(a) for a in members]}
        return {"type": "nullable", "schema": inner} if len(members) < len(args) else inner

    def _typed_dict(self, cls: type) -> dict[str, Any]:
        ref = f"{cls.__module__}.{cls.__qualname__}"
        if cls in self._building:
            self._recursive.add(cls)
            return {"type": "definition-ref", "schema_ref": ref}
        if ref in self._definitions:
            return {"type": "definition-ref", "schema_ref": ref}
        self._building.append(cls)
        try:
            hints = typing_extensions.get_type_hints(
                cls, globalns=self._namespace, include_extras=True
            )
        except NameError as exc:
            raise HeliconeError(f"cannot read the generated shape {cls.__name__}: {exc}") from None
        total = getattr(cls, "__total__", True)
        fields: dict[str, Any] = {}
        for key, hint in hints.items():
            required, hint = _required(hint, total)
            fields[key] = {
                "type": "typed-dict-field",
                "schema": self._schema(hint),
                "required": required,
            }
        self._building.pop()
        schema: dict[str, Any] = {
            "type": "typed-dict",
            "fields": fields,
            "extra_behavior": "forbid",
            # A TypedDict's validator reads only its own config (not the validator's): every
            # TypedDict carries it, as pydantic's own schemas do.
            "config": {**_CONFIG, "extra_fields_behavior": "forbid", "title": cls.__name__},
        }
        if cls in self._recursive:
            schema["ref"] = ref
            self._definitions[ref] = schema
            return {"type": "definition-ref", "schema_ref": ref}
        return schema


def _required(hint: Any, total: bool) -> tuple[bool, Any]:
    """Whether a TypedDict field is required, and its type without Required/NotRequired.

    Read from the annotation itself: with ``from __future__ import annotations`` (as the
    generated module is), ``__required_keys__`` does not see ``NotRequired``.
    """
    origin = typing.get_origin(hint)
    if origin in _NOT_REQUIRED:
        return False, typing.get_args(hint)[0]
    if origin in _REQUIRED:
        return True, typing.get_args(hint)[0]
    return total, hint


def _hashable(tp: object) -> bool:
    try:
        hash(tp)
    except TypeError:
        return False
    return True


def _opened(schema: Any) -> Any:
    """A copy of a pydantic-core schema whose TypedDicts all ignore unknown keys."""
    if isinstance(schema, list):
        return [_opened(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: _opened(value) for key, value in schema.items()}
    if copy.get("type") == "typed-dict":
        copy["extra_behavior"] = "ignore"
        copy["config"] = {**copy.get("config", {}), "extra_fields_behavior": "ignore"}
    return copy

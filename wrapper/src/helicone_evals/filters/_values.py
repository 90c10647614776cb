"""Checking a leaf's value against its operator's value type, before anything is sent.

Text takes str (no lone surrogates: they cannot be sent as UTF-8); numbers int or float (not
bool, NaN or infinity) whose bound value fits the server's Int32; timestamps an aware datetime
or an ISO-8601 string with an offset, kept as a UTC ISO string; booleans True or False.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from datetime import datetime
from typing import Final

from .._exceptions import FilterError
from .._times import to_iso
from ._table import INT32_RANGE

__all__ = ["NULL", "Value", "check", "check_text", "describe"]

# A leaf value after checking: text and timestamps are str, numbers int or float.
Value = str | int | float | bool

# The server's sentinel: `equals "null"` is IS NULL, `not-equals "null"` is IS NOT NULL.
NULL: Final = "null"

_LOW, _HIGH = INT32_RANGE
_WRAP: Final = _HIGH - _LOW + 1
# Beyond this a float has no fractional part, so "add 0.5" suggestions would be wrong.
_EXACT_HALVES: Final = 2.0**51


def describe(value: object) -> str:
    """``str 'fast'``, ``int 5``, ``list``: never long, never recursive, never raises."""
    kind = type(value).__name__
    if isinstance(value, bool) or value is None:
        return f"{kind} {value!r}"
    if isinstance(value, int):
        if value.bit_length() > 128:  # str() of a huge int is slow, or refused past 4300 digits
            return f"{kind} of about {int(value.bit_length() * math.log10(2)) + 1} digits"
        return f"{kind} {value!r}"
    if isinstance(value, float):
        return f"{kind} {value!r}"
    if isinstance(value, str | bytes):
        text = repr(value[:58])
        return f"{kind} {text[:-1]}...{text[-1]}" if len(value) > 58 else f"{kind} {text}"
    return kind  # containers and other objects: their repr could be huge or recursive


def check_text(value: object, what: Callable[[], str]) -> str:
    """``value`` if it is a str that can be sent as UTF-8, else FilterError naming ``what()``."""
    if type(value) is not str and not isinstance(value, str):
        raise FilterError(f"{what()}: expected a string, got {describe(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise FilterError(
                f"{what()}: the string has a lone surrogate {value[exc.start]!r} at index "
                f"{exc.start}, which cannot be sent as UTF-8; pass real text (decode bytes "
                "with errors='replace' if they come from outside)"
            ) from None
    return str(value)


def check(
    value_type: str,
    value: object,
    what: Callable[[], str],
    *,
    scale: int | None = None,
    symbol: str | None = None,
) -> Value:
    """The value a leaf holds for an operator of ``value_type``, or FilterError.

    ``what()`` words the error (``F.cost.gt()``), and is only called on error. ``scale`` is
    the field's binding scale (the server compares ``floor(value * scale)``); ``symbol`` the
    operator's comparison, for the hint of an out-of-range number.
    """
    if value_type == "string":
        return check_text(value, what)
    if value_type == "number":
        return _check_number(value, what, scale, symbol)
    if value_type == "timestamp":
        if not isinstance(value, datetime | str):
            raise FilterError(
                f"{what()}: expected a timezone-aware datetime or an ISO-8601 string, "
                f"got {describe(value)}"
            )
        if isinstance(value, str):
            check_text(value, what)
        try:
            return to_iso(value, what=what())
        except (OverflowError, ValueError) as exc:
            if isinstance(exc, FilterError):
                raise
            raise FilterError(f"{what()}: {describe(value)} is out of range in UTC") from None
    if value_type == "boolean":
        if isinstance(value, bool):
            return value
        raise FilterError(f"{what()}: expected True or False, got {describe(value)}")
    raise FilterError(f"{what()}: the API's value type {value_type!r} is not supported")


def _check_number(
    value: object, what: Callable[[], str], scale: int | None, symbol: str | None
) -> int | float:
    number: int | float
    if type(value) is int or type(value) is float:
        number = value
    elif isinstance(value, bool) or not isinstance(value, numbers.Real):
        # bool is an int subclass, but True as a latency is surely a mistake.
        raise FilterError(f"{what()}: expected a number (int or float), got {describe(value)}")
    elif isinstance(value, numbers.Integral):
        number = int(value)
    else:
        try:
            number = float(value)
        except (OverflowError, ValueError):
            raise FilterError(f"{what()}: {describe(value)} is not a finite number") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise FilterError(f"{what()}: expected a finite number, got {number!r}")
    if scale is not None:
        _check_scaled(number, what, scale)
    elif (isinstance(number, int) or number.is_integer()) and not _LOW <= number <= _HIGH:
        raise FilterError(_int32_message(number, what(), symbol))
    return number


def _check_scaled(number: int | float, what: Callable[[], str], scale: int) -> None:
    # The server computes Math.floor(value * scale) in float64 and binds it as Int32.
    try:
        bound: int | None = math.floor(float(number) * scale)
    except OverflowError:
        bound = None
    if bound is not None and _LOW <= bound <= _HIGH:
        return
    wraps = "" if bound is None else f" (it would wrap to {_wrapped(bound) / scale!r})"
    raise FilterError(
        f"{what()}: {describe(number)} is out of the range the server can compare. It compares "
        f"floor(value * {scale:_}) as a 32-bit integer, so only values from {_LOW / scale!r} "
        f"to {_HIGH / scale!r} filter as asked; this one would silently match other "
        f"rows{wraps}. No filter expresses it exactly: use a bound inside that range and check "
        "the value in your results"
    )


def _wrapped(bound: int) -> int:
    return (bound - _LOW) % _WRAP + _LOW


def _int32_message(number: int | float, what: str, symbol: str | None) -> str:
    text = (
        f"{what}: {describe(number)} is outside -2147483648..2147483647. The server binds a "
        "whole-number filter value as a 32-bit integer, so it would wrap around"
    )
    if abs(number) <= _EXACT_HALVES:
        text += f" (to {_wrapped(int(number))}) and silently match other rows"
        halves = {">": 0.5, "<=": 0.5, ">=": -0.5, "<": -0.5}
        if symbol in halves:
            text += (
                ". A value with a fraction is bound as a 64-bit float and compares exactly: "
                f"on a whole-number column, `{symbol} {number}` is `{symbol} "
                f"{number + halves[symbol]!r}`"
            )
        elif symbol in ("==", "!="):
            text += (
                ". A value with a fraction is bound as a 64-bit float and compares exactly: "
                f"on a whole-number column, use between({number - 0.5!r}, {number + 0.5!r}) "
                "or its negation"
            )
        return text
    return text + " and silently match other rows; no filter expresses a value this large"

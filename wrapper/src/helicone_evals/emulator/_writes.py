"""The write endpoints' bodies, checked as tsoa 6 checks them, and the scores they store.

tsoa validates with body coercion on, and its coercions are not pydantic's, so they are
reproduced here rule by rule (``ValidationService`` in tsoa's ``templateHelpers.ts``):

* a number is anything whose ``String(value)`` matches validator.js's ``isFloat``: ``5``,
  ``"5"``, ``"1e3"``, ``[7]`` (``String([7])`` is ``"7"``); it becomes ``parseFloat`` of that;
* a boolean is ``true``/``false``, their strings in any case (``[true]`` too), or ``null``,
  which becomes ``false``;
* a union member (a score value) sees the value after ``JSON.parse(JSON.stringify(v))``, so a
  number too large for a double (``Infinity``) arrives as ``null``, i.e. the boolean ``false``.

Then the controller's ``mapScores``: a boolean is stored as ``<name>-hcone-bool`` 1/0, an integer
as itself, anything else (``1.5``, ``NaN``) throws: 500, nothing stored.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any

from ._validate import Rejected, crash

__all__ = [
    "FEEDBACK_SCORE",
    "check_add_eval",
    "check_feedback",
    "check_scores",
    "is_feedback_uuid",
    "is_score_uuid",
    "stored_scores",
]

FEEDBACK_SCORE = "helicone-score-feedback"
BOOL_SUFFIX = "-hcone-bool"
_INT64 = (-(2**63), 2**63 - 1)
_UNION = "Could not match the union against any of the items. Issues: "
# validator.js isFloat (en-US): optional sign, digits, fraction, exponent; not "", ".", "+", "-".
_IS_FLOAT = re.compile(r"^[-+]?[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?$")
_ARRAY_INDEX = re.compile(r"^(?:0|[1-9][0-9]{0,9})$")
_MANTISSA_DIGIT = re.compile(r"^[-+]?\.?[0-9]")
# RequestManager.isUUID (feedback): versions 1-5, variant 8/9/a/b.
_FEEDBACK_UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.I
)
# The `uuid` package's validate() (score processing): versions 1-8, plus the nil and max UUIDs.
_SCORE_UUID = re.compile(
    r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    r"|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$",
    re.I,
)


def is_feedback_uuid(request_id: str) -> bool:
    return bool(_FEEDBACK_UUID.match(request_id))


def is_score_uuid(request_id: str) -> bool:
    return bool(_SCORE_UUID.match(request_id))


# -- JavaScript's view of JSON values ------------------------------------------------------------


def js_number(number: float) -> str:
    """``String(number)`` in JavaScript."""
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(float(number)))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k, n = len(digits), len(digits) + int(exponent)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = f"e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return sign + (digits if k == 1 else digits[0] + "." + digits[1:]) + e


def _js_string(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return js_number(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join("" if v is None else _js_string(v) for v in value)
    return "[object Object]"


def _truthy(value: Any) -> bool:
    if isinstance(value, float) and math.isnan(value):
        return False
    return value not in (None, False, 0, "")


def _json_roundtrip(value: Any) -> Any:
    """``JSON.parse(JSON.stringify(value))``: non-finite numbers become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_json_roundtrip(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_roundtrip(v) for k, v in value.items()}
    return value


def js_keys(mapping: dict[str, Any]) -> list[str]:
    """``Object.keys``: array-index keys first, ascending, then the rest in insertion order."""
    indexes = [k for k in mapping if _ARRAY_INDEX.match(k) and int(k) < 2**32 - 1]
    taken = set(indexes)
    return sorted(indexes, key=int) + [k for k in mapping if k not in taken]


def _as_float(value: Any) -> float | None:
    text = _js_string(value)
    if text in ("", ".", "+", "-") or not _IS_FLOAT.match(text):
        return None
    if not _MANTISSA_DIGIT.match(text):
        return math.nan  # "e5" passes isFloat, and parseFloat("e5") is NaN
    return float(text)


def _as_bool(value: Any) -> bool | None:
    if value is True or value is False:
        return bool(value)
    if value is None:
        return False
    lowered = _js_string(value).lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    return None


def _failed(details: dict[str, Any]) -> Rejected:
    return Rejected(422, {"message": "Validation Failed", "details": details})


# -- the three bodies ----------------------------------------------------------------------------


def check_scores(body: Any) -> list[tuple[str, float | bool]]:
    """AddScores' body ``{"scores": {...}}`` after tsoa: ``(name, number or bool)`` pairs."""
    if not isinstance(body, dict):
        raise _failed({"requestBody": {"message": "invalid object", "value": body}})
    details: dict[str, Any] = {}
    out: list[tuple[str, float | bool]] = []
    scores = body.get("scores")
    if "scores" not in body:
        details["requestBody.scores"] = {"message": "'scores' is required"}
    elif not isinstance(scores, dict):
        details["requestBody.scores"] = {"message": "invalid object", "value": scores}
    else:
        for name in js_keys(scores):
            raw = scores[name]
            seen = _json_roundtrip(raw) if _truthy(raw) else raw
            number = _as_float(seen)
            if number is not None:
                out.append((name, number))
                continue
            flag = _as_bool(seen)
            if flag is not None:
                out.append((name, flag))
                continue
            path = f"requestBody.scores.{name}"
            issues = [
                {path: {"message": "invalid float number", "value": seen}},
                {path: {"message": "invalid boolean value", "value": seen}},
            ]
            details[path] = {"message": _UNION + _dumps(issues), "value": raw}
    for key in js_keys(body):
        if key != "scores":
            details[f"requestBody.{key}"] = {
                "message": f'"{key}" is an excess property and therefore is not allowed',
                "value": key,
            }
    if details:
        raise _failed(details)
    return out


def stored_scores(scores: list[tuple[str, float | bool]]) -> list[tuple[str, int]] | None:
    """``mapScores`` and the key suffix: the ``(key, Int64)`` pairs to merge, in order.

    Raises the 500 crash shape for a value that is neither a boolean nor an integer (nothing is
    stored). Returns ``None`` when an integer does not fit ClickHouse's Int64: jawn answers 201
    before the insert, which then fails (logged on the server), so nothing is stored.
    """
    pairs: list[tuple[str, int]] = []
    fits = True
    for name, value in scores:
        if isinstance(value, bool):
            pairs.append((name + BOOL_SUFFIX, int(value)))
            continue
        if not (math.isfinite(value) and float(value).is_integer()):
            raise crash(
                f"Invalid score value for {name!r}: {js_number(value)} "
                "(a score must be an integer or a boolean)"
            )
        # The value is a double (parseFloat): beyond 2**53 it is already rounded, as in jawn.
        whole = int(value)
        fits = fits and _INT64[0] <= whole <= _INT64[1]
        pairs.append((name, whole))
    return pairs if fits else None


def check_feedback(body: Any) -> bool:
    """FeedbackRequest's inline body ``{"rating": boolean}`` after tsoa: the rating."""
    if not isinstance(body, dict):
        raise _failed({"requestBody": {"message": "invalid object", "value": body}})
    details: dict[str, Any] = {}
    extras = [k for k in js_keys(body) if k != "rating"]
    if extras:
        details["requestBody"] = {
            "message": f'"{",".join(extras)}" is an excess property and therefore is not allowed',
            "value": {k: body[k] for k in reversed(extras)},
        }
    rating: bool | None = None
    if "rating" not in body:
        details["requestBody.rating"] = {"message": "'rating' is required"}
    else:
        rating = _as_bool(body["rating"])
        if rating is None:
            details["requestBody.rating"] = {
                "message": "invalid boolean value",
                "value": body["rating"],
            }
    if details or rating is None:
        raise _failed(details)
    return rating


def check_add_eval(body: Any) -> None:
    """AddEval's inline body ``{"name": string, "score": number}``: 422 or nothing."""
    if not isinstance(body, dict):
        raise _failed({"evalData": {"message": "invalid object", "value": body}})
    details: dict[str, Any] = {}
    extras = [k for k in js_keys(body) if k not in ("name", "score")]
    if extras:
        details["evalData"] = {
            "message": f'"{",".join(extras)}" is an excess property and therefore is not allowed',
            "value": {k: body[k] for k in reversed(extras)},
        }
    if "name" not in body:
        details["evalData.name"] = {"message": "'name' is required"}
    elif not isinstance(body["name"], str):
        details["evalData.name"] = {"message": "invalid string value", "value": body["name"]}
    if "score" not in body:
        details["evalData.score"] = {"message": "'score' is required"}
    elif _as_float(body["score"]) is None:
        details["evalData.score"] = {"message": "invalid float number", "value": body["score"]}
    if details:
        raise _failed(details)


def _dumps(value: Any) -> str:
    # JSON.stringify: compact, and non-finite numbers as null.
    return json.dumps(_json_roundtrip(value), separators=(",", ":"), ensure_ascii=False)

"""``client.scores``: write scores and feedback on logged requests, and wait until they show.

What the real server does with a write (see the README, "The eval loop"): it answers 201 at
once and merges the scores into the request's stored map in the background; booleans are
stored as ``<name>-hcone-bool`` = 1/0; a request it cannot find (unknown, another org's, more
than 30 days old) still gets a 201 and nothing is stored. So every argument is checked here
first, and :meth:`Scores.wait_until_visible` shows whether a write really landed. Sending the
same scores twice gives the same stored map, so writes are retried like queries.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Generator, Iterable, Mapping
from datetime import timedelta
from typing import Any, TypeVar

from .. import _base_client
from .._base_client import NOT_GIVEN, NotGiven, Plan, encode_json
from .._config import TimeoutLike
from .._exceptions import ArgumentError, ScoresNotVisibleError
from .._query import encode_body
from .._results import BOOLEAN_SUFFIX, ScoreDistributions, is_boolean_score
from ..filters import F
from ._resource import Resource, Step, composite, operation
from .evals import parse_distributions

__all__ = ["Scores"]

M = TypeVar("M")

_INT64 = (-(2**63), 2**63 - 1)
_VISIBLE_WINDOW = timedelta(days=30)  # the server scores only requests of the last 30 days
# The canonical 8-4-4-4-12 form, RFC 4122 variant; the version digit is checked apart.
_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-([0-9a-fA-F])[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
    r"-[0-9a-fA-F]{12}"
)


def check_request_id(value: object, *, versions: str = "12345678", what: str = "request_id") -> str:
    """``value`` as the lower-case canonical UUID string, or ArgumentError saying why not."""
    if not isinstance(value, str):
        raise ArgumentError(
            f"{what}: expected the request's id as a UUID string, got {type(value).__name__}"
        )
    text = value.strip()
    match = _UUID.fullmatch(text)
    if match is None:
        raise ArgumentError(
            f"{what}: expected a UUID such as '0f8fad5b-d9cb-469f-a165-70867728950e' (the "
            f"Helicone-Id of a logged request), got {value!r}; the server would answer 201 "
            "and store nothing"
        )
    if match.group(1) not in versions:
        raise ArgumentError(
            f"{what}: {value!r} is a version-{match.group(1)} UUID; this endpoint accepts "
            f"versions {', '.join(versions)} only"
        )
    return text.lower()


def check_scores(scores: object) -> dict[str, int | bool]:
    """The scores to send, each name and value checked (int or bool; Int64 range)."""
    if not isinstance(scores, Mapping):
        raise ArgumentError(
            "scores: expected a mapping of score names to int or bool values, e.g. "
            f"{{'accuracy': 87, 'helpful': True}}, got {type(scores).__name__}"
        )
    if not scores:
        raise ArgumentError("scores: expected at least one score name and value, got {}")
    checked: dict[str, int | bool] = {}
    for name, value in scores.items():
        if not isinstance(name, str) or not name:
            raise ArgumentError(
                f"scores: every name must be a non-empty string (the server silently drops a "
                f"score named ''), got {name!r}"
            )
        checked[name] = _score_value(name, value)
    return checked


def _score_value(name: str, value: object) -> int | bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        number = int(value)
        if not _INT64[0] <= number <= _INT64[1]:
            raise ArgumentError(
                f"scores[{name!r}]: {number} is outside the 64-bit integer range the server "
                f"stores scores in ({_INT64[0]} to {_INT64[1]})"
            )
        return number
    if isinstance(value, numbers.Real):
        number_f = float(value)
        if math.isfinite(number_f) and number_f.is_integer():
            hint = f"pass int({value!r})"
        else:
            hint = "scale it to an integer (e.g. 0.87 -> 87) or round it"
        raise ArgumentError(
            f"scores[{name!r}]: {value!r} is not an int or a bool; the server stores integer "
            f"scores only and would answer 500 and store nothing of this call: {hint}"
        )
    raise ArgumentError(
        f"scores[{name!r}]: expected an int or a bool, got {type(value).__name__} {value!r}"
    )


def _expected(names: object) -> list[tuple[str, ...]]:
    """Per name to wait for, the stored names that satisfy it."""
    if isinstance(names, Mapping):
        return [
            (f"{name}{BOOLEAN_SUFFIX}",) if isinstance(value, bool) else (name,)
            for name, value in check_scores(names).items()
        ]
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, Iterable):
        raise ArgumentError(
            "names: expected score names (a list of str) or the scores mapping passed to "
            f"add(), got {type(names).__name__}"
        )
    expected: list[tuple[str, ...]] = []
    for name in names:
        if not isinstance(name, str) or not name:
            raise ArgumentError(f"names: expected non-empty score names, got {name!r}")
        if is_boolean_score(name):
            expected.append((name,))
        else:
            expected.append((name, f"{name}{BOOLEAN_SUFFIX}"))
    if not expected:
        raise ArgumentError("names: expected at least one score name to wait for")
    return expected


def _seconds(value: object, what: str) -> float:
    if isinstance(value, timedelta):
        value = value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ArgumentError(f"{what}: expected a positive number of seconds, got {value!r}")
    if not math.isfinite(value):
        raise ArgumentError(f"{what}: expected a finite number of seconds, got {value!r}")
    return float(value)


def _none(data: object) -> None:
    return None


class Scores(Resource[M]):
    """``client.scores``: write scores and feedback, and wait until they are visible."""

    @operation
    def add(
        self,
        request_id: str,
        scores: Mapping[str, int | bool],
        *,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> Plan[None]:
        """Write scores on the logged request ``request_id`` (its ``Helicone-Id``, a UUID).

        ``scores`` maps names to ints (64-bit) or bools, e.g. ``{"accuracy": 87, "helpful":
        True}``. Booleans are stored as ``<name>-hcone-bool`` = 1/0; names already on the
        request are overwritten, others kept. Returns None once the server has accepted them
        (201). The server stores them in the background, and stores nothing for a request it
        does not have (unknown, or more than 30 days old) while still answering 201: use
        :meth:`wait_until_visible` to be sure. A float is refused before sending (the server
        would answer 500 and store nothing), as is any bad argument (ArgumentError). Retried
        like a query: sending the same scores again stores the same map.
        """
        rid = check_request_id(request_id)
        body = encode_json({"scores": check_scores(scores)}, "scores")
        return Plan(
            "AddScores",
            parse=_none,
            content=body,
            path={"requestId": rid},
            max_retries=max_retries,
            timeout=timeout,
        )

    @operation
    def feedback(
        self,
        request_id: str,
        rating: bool,
        *,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> Plan[None]:
        """Rate the logged request ``request_id``: ``True`` (good) or ``False`` (bad).

        Stored as the score ``helicone-score-feedback`` = 1 or 0 (no ``-hcone-bool`` suffix),
        replacing an earlier rating. The server accepts only UUIDs of versions 1 to 5 here (a
        UUIDv7 is refused before sending). Returns None once accepted (201).
        """
        rid = check_request_id(request_id, versions="12345")
        if not isinstance(rating, bool):
            raise ArgumentError(f"rating: expected True or False, got {rating!r}")
        return Plan(
            "FeedbackRequest",
            parse=_none,
            content=b'{"rating":true}' if rating else b'{"rating":false}',
            path={"requestId": rid},
            max_retries=max_retries,
            timeout=timeout,
        )

    @composite
    def wait_until_visible(
        self,
        request_id: str,
        names: Iterable[str] | Mapping[str, int | bool],
        *,
        timeout: float | timedelta = 60.0,
        poll_interval: float | timedelta = 2.0,
    ) -> Generator[Step, Any, ScoreDistributions]:
        """Wait until every named score shows on ``request_id``; its distributions then.

        ``names`` are score names (a name matches its boolean form ``<name>-hcone-bool`` too)
        or the very mapping passed to :meth:`add` (booleans are then looked for under
        ``<name>-hcone-bool`` only). Polls the score distributions of that one request over
        the last 30 days every ``poll_interval`` seconds; each poll retries as any query.
        Raises :class:`ScoresNotVisibleError` naming what is still missing when ``timeout``
        seconds have passed: a score the server accepted but never stored (its request was
        unknown, too old, or logged long after the score) shows up this way.
        """
        rid = check_request_id(request_id)
        expected = _expected(names)
        wait = _seconds(timeout, "timeout")
        interval = _seconds(poll_interval, "poll_interval")
        request_filter = F.request_id.equals(rid)
        deadline = _base_client.monotonic() + wait
        while True:
            plan = Plan(
                "QueryScoreDistributions",
                parse=parse_distributions,
                content=encode_body(request_filter, _VISIBLE_WINDOW, None, None, None, None),
            )
            found: ScoreDistributions = yield plan
            visible = set(found.names)
            missing = [opts[0] for opts in expected if visible.isdisjoint(opts)]
            if not missing:
                return found
            left = deadline - _base_client.monotonic()
            if left <= 0:
                raise ScoresNotVisibleError(
                    f"after {wait:g} s, request {rid} still shows no score "
                    f"{', '.join(repr(m) for m in missing)} (it has: "
                    f"{', '.join(sorted(visible)) or 'no scores'}); the server answers 201 "
                    "but stores nothing for a request it does not have (unknown id, more than "
                    "30 days old, or not logged yet)",
                    request_id=rid,
                    missing=missing,
                    visible=sorted(visible),
                )
            yield min(interval, left)

"""Arguments at the edges of Python's ranges fail as ArgumentError/FilterError, before sending."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from client_support import Harness
from pytest_httpx import HTTPXMock

import helicone_evals
from helicone_evals import ArgumentError, FilterError, HeliconeError
from helicone_evals._times import parse_duration


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        pytest.param(
            {"start": timedelta(days=10**6), "end": "2024-01-08T00:00:00Z"},
            "start: a timedelta of 1000000 days, 0:00:00 before 2024-01-08T00:00:00+00:00 is "
            "before year 1",
            id="timedelta reaching before year 1",
        ),
        pytest.param({"start": timedelta(days=10**6)}, "before year 1", id="timedelta before now"),
        pytest.param(
            {"start": "0001-01-01T00:00:00+01:00", "end": "2024-01-08T00:00:00Z"},
            "start: '0001-01-01T00:00:00+01:00' is outside the years 1 to 9999 once converted "
            "to UTC",
            id="year 1 with an offset",
        ),
        pytest.param(
            {"start": "2024-01-01T00:00:00Z", "end": "9999-12-31T23:30:00-01:00"},
            "end: '9999-12-31T23:30:00-01:00' is outside the years 1 to 9999",
            id="year 9999 with an offset",
        ),
        pytest.param(
            {"time_zone_difference": 10**400},
            "time_zone_difference: expected minutes between -1440 and 1440",
            id="tz beyond float",
        ),
        pytest.param(
            {"time_zone_difference": float("inf")}, "time_zone_difference", id="tz infinite"
        ),
        pytest.param({"time_zone_difference": 100_000}, "between -1440 and 1440", id="tz 69 d"),
        pytest.param({"limit": 10**5000}, "limit: must be at most 2,147,483,647", id="limit"),
        pytest.param({"offset": 2**31}, "offset: must be at most", id="offset past int32"),
        pytest.param({"start": "x" * 10_000}, "is not an ISO-8601 time", id="a huge string"),
    ],
)
async def test_out_of_range_arguments_are_filter_errors_not_overflow(
    api: Harness, httpx_mock: HTTPXMock, kwargs: dict[str, Any], words: str
) -> None:
    with pytest.raises(FilterError) as caught:
        await api.query(**kwargs)
    message = str(caught.value)
    assert words in message
    assert len(message) < 400  # a huge argument is shown cut short
    assert isinstance(caught.value, ArgumentError)
    assert isinstance(caught.value, ValueError)
    assert httpx_mock.get_requests() == []


@pytest.mark.parametrize("text", ["99999999999d", "1" * 400 + "w"])
def test_a_duration_beyond_timedelta_is_a_filter_error(text: str) -> None:
    with pytest.raises(FilterError, match="a duration must be under"):
        parse_duration(text)


def test_the_exception_tree() -> None:
    assert issubclass(helicone_evals.ArgumentError, ValueError)
    assert issubclass(helicone_evals.FilterError, helicone_evals.ArgumentError)
    assert issubclass(helicone_evals.APITimeoutError, helicone_evals.APIConnectionError)
    assert issubclass(helicone_evals.ConflictError, helicone_evals.APIStatusError)
    for separate in ("ResultError", "ResponseValidationError", "ResponseTooLargeError"):
        cls = getattr(helicone_evals, separate)
        assert cls.__bases__ == (HeliconeError,)


def test_every_public_exception_is_a_helicone_error_shown_under_the_package() -> None:
    exported = [getattr(helicone_evals, name) for name in helicone_evals.__all__]
    errors = [obj for obj in exported if isinstance(obj, type) and issubclass(obj, Exception)]
    assert {"ArgumentError", "ConflictError", "ResponseTooLargeError"} <= {
        cls.__name__ for cls in errors
    }
    for cls in errors:
        assert issubclass(cls, HeliconeError)
        assert cls.__module__ == "helicone_evals"
        assert getattr(helicone_evals, cls.__name__) is cls


def test_raw_response_is_exported_under_the_package() -> None:
    assert "RawResponse" in helicone_evals.__all__
    assert helicone_evals.RawResponse.__module__ == "helicone_evals"

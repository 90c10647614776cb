"""Failures in command-line terms: one line, the flag or variable to set, the right exit status.

Exit status 1: the command ran and failed (the server's answer, a connection error, bad data).
Exit status 2: the command was misused (an option, argument or variable the SDK refuses before
sending anything). Never a traceback, whatever goes wrong.
"""

from __future__ import annotations

import re
from typing import Any

import click

__all__ = [
    "CommandError",
    "GuardedGroup",
    "MisuseError",
    "cli_terms",
    "filter_hints",
    "remember_secret",
]

# SDK argument names as a user of the command line sets them.
FLAGS: dict[str, str] = {
    "api_key": "--api-key (or HELICONE_API_KEY)",
    "base_url": "--base-url (or HELICONE_BASE_URL)",
    "max_retries": "--max-retries",
    "request_id": "REQUEST_ID",
    "region": "--region",
    "timeout": "--timeout",
    "start": "--start/--since",
    "end": "--end",
    "filter": "--filter",
    "rating": "--good/--bad",
    "scores": "NAME=VALUE",
}
_NAMES = "|".join(FLAGS)
# Names no sentence uses as a word: replaced wherever they stand.
_IDENTIFIERS = "|".join(name for name in FLAGS if "_" in name)

# Python advice turned into command-line advice, in order.
_REWRITES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"\bthe client's\b"), "the command's"),
    (re.compile(r"pass an aware datetime \(datetime\([^)]*\)\)"), "add Z or +HH:MM"),
    (re.compile(r"(?:a |an )?timezone-aware datetime"), "a time with Z or +HH:MM"),
    (re.compile(r"(?:an )?aware datetime"), "a time with Z or +HH:MM"),
    (re.compile(r"\(?datetime\([^)]*\)\)?"), "a time with Z or +HH:MM"),
    (re.compile(r"\(?timedelta\([^)]*\)\)?"), "a duration such as 7d"),
    (re.compile(r"an ISO string ending in"), "an ISO-8601 time ending in"),
    (
        re.compile(rf"\bpass (?:`|')?({_NAMES})=\.\.\.(?:`|')?(?: to the (?:client|call))?"),
        lambda m: f"pass {FLAGS[m.group(1)].split(' (')[0]}",
    ),
    (re.compile(rf"(?:`|')({_NAMES})(?:`|')"), lambda m: FLAGS[m.group(1)]),
    (re.compile(rf"(?<![\w.-])({_IDENTIFIERS})\b(?!=)"), lambda m: FLAGS[m.group(1)]),
    (
        re.compile(rf"(?<![\w.-])({_NAMES})\b(?=\s*(?::|=|must\b|is\b|has\b|cannot\b))"),
        lambda m: FLAGS[m.group(1)],
    ),
    (re.compile(r"^F\.parse: "), ""),
    # "F.cost.gt(): ..." names the builder call; the user wrote "cost > ...".
    (re.compile(r"^F\.([\w\[\]'\"-]+?)\.(\w+)\(\): "), r"\1 (\2): "),
]


def cli_terms(message: str) -> str:
    """An SDK message with its Python advice replaced by the flag or variable to set."""
    for pattern, replacement in _REWRITES:
        message = pattern.sub(replacement, message)
    return message


class CommandError(click.ClickException):
    """The command ran and failed: ``Error: <message>`` on stderr, exit status 1."""

    exit_code = 1


class MisuseError(click.ClickException):
    """A misused option or variable found outside click's own parsing: one line, exit status 2."""

    exit_code = 2


# --- filter hints -------------------------------------------------------------------------------

_COMPARISON = r"(?:==|!=|<=|>=|<|>|\bin\s*\[|,)\s*"


def _mask_strings(text: str) -> str:
    """``text`` with the inside of every quoted string replaced by ``x``, so hints see only code."""
    out: list[str] = []
    quote = ""
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
                out.append("x")
            elif char == "\\":
                escaped = True
                out.append("x")
            elif char == quote:
                quote = ""
                out.append(char)
            else:
                out.append("x")
        else:
            if char in "'\"":
                quote = char
            out.append(char)
    return "".join(out)


def filter_hints(text: str) -> list[str]:
    """The likely mistakes in a filter the parser refused, each as the form to write instead."""
    code = _mask_strings(text)
    hints: list[str] = []
    if re.search(r"={3,}|(?<![=!<>])=(?!=)", code):
        hints.append("compare with ==, e.g. model == 'gpt-4o'")
    words = [w for w in re.findall(r"\b(?:and|or|not)\b", code, re.IGNORECASE) if w != w.lower()]
    if words or re.search(r"&&|\|\||!(?!=)", code):
        hints.append("combine conditions with lowercase and, or, not (not AND, OR, &&, ||, !)")
    for match in re.finditer(_COMPARISON + r"([A-Za-z_][\w.\-]*)", code):
        word = match.group(1)
        if word in {"True", "False", "None"} or code[match.end() :].lstrip().startswith("("):
            continue
        if word.lower() in {"true", "false", "null", "none"}:
            hints.append("write True, False and None with a capital letter")
        else:
            hints.append(f"quote text values: write '{word}', not {word}")
        break
    if '"' not in text and "'" not in text and re.search(r"\s(?:like|contains)\s", code):
        hints.append("operators without a symbol are methods: model.like('gpt%')")
    return hints


# --- the guard around every command --------------------------------------------------------------

_SECRETS_KEY = "helicone_evals.secrets"


def remember_secret(ctx: click.Context, value: str | None) -> None:
    """Note a secret (the API key) that no message of this run may show."""
    if value:
        ctx.find_root().meta.setdefault(_SECRETS_KEY, set()).add(value)


def _redact(ctx: click.Context, message: str) -> str:
    for secret in ctx.find_root().meta.get(_SECRETS_KEY, ()):
        if len(secret) >= 8:  # a shorter "key" would blank out ordinary words
            message = message.replace(secret, "***")
    return message


def _message(exc: BaseException) -> str:
    message = getattr(exc, "message", None)
    text = message if isinstance(message, str) and message else str(exc)
    status = getattr(exc, "status_code", None)
    text = " ".join(text.split()) or type(exc).__name__
    return f"HTTP {status}: {text}" if isinstance(status, int) else text


def _missing_extra(exc: ModuleNotFoundError) -> str | None:
    from . import missing_extra_message

    extras = {
        "click": "cli",
        "rich": "cli",
        "duckdb": "emulator",
        "uvicorn": "emulator",
        "starlette": "emulator",
        "matplotlib": "plot",
        "pandas": "pandas",
    }
    name = (exc.name or "").split(".")[0]
    return missing_extra_message(name, extras[name]) if name in extras else None


class GuardedGroup(click.Group):
    """A click group whose commands never end in a traceback.

    The SDK's argument errors (a ``HeliconeError`` that is also a ``ValueError``, raised before
    anything is sent) exit 2 as misuse; every other ``HeliconeError`` exits 1 with its message
    in command-line terms; a missing extra says which one to install; anything unexpected is
    reported in one line and exits 1.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            raise click.exceptions.Exit(130) from None
        except Exception as exc:
            raise _as_click_error(ctx, exc) from None


def _as_click_error(ctx: click.Context, exc: Exception) -> click.ClickException:
    from .._exceptions import HeliconeError

    if isinstance(exc, HeliconeError):
        text = _redact(ctx, cli_terms(_message(exc)))
        return MisuseError(text) if isinstance(exc, ValueError) else CommandError(text)
    if isinstance(exc, ModuleNotFoundError) and (hint := _missing_extra(exc)):
        return CommandError(hint)
    if isinstance(exc, ImportError) and not isinstance(exc, ModuleNotFoundError):
        return CommandError(_redact(ctx, _message(exc)))
    detail = _redact(ctx, _message(exc))
    return CommandError(
        f"unexpected {type(exc).__name__}: {detail} (this is a bug in helicone-evals; "
        "HELICONE_LOG=debug shows more)"
    )

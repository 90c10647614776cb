"""The ``helicone_evals`` logger; ``HELICONE_LOG=debug|info`` turns it on without code.

Records name the method, URL, status, retry count and elapsed time: never a header, a body
or the API key.
"""

from __future__ import annotations

import logging
import os

__all__ = ["logger", "setup_logging"]

logger = logging.getLogger("helicone_evals")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_configured = False


def setup_logging() -> None:
    """Apply ``HELICONE_LOG`` once per process (called when a client is created)."""
    global _configured
    if _configured:
        return
    _configured = True
    level = _LEVELS.get(os.environ.get("HELICONE_LOG", "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)

"""Running flows: quietly in ephemeral mode, or against a Prefect server.

With ``PREFECT_API_URL`` set, flows report to that server. Without it,
Prefect starts a temporary in-process server; its event flushing at exit
logs cancelled-task tracebacks that mean nothing to a user, so those loggers
are silenced for a normal run.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from typing import Any, TypeVar

from flows.stopping import supervised
from models.errors import ConfigError

T = TypeVar("T")

SERVER_STARTUP_SECONDS = 120  # how long the temporary server may take to answer

_QUIET = ("prefect.events.clients", "prefect._internal.concurrency", "prefect.server",
          "prefect.client", "uvicorn", "httpx")


class _TemporaryServerNotes(logging.Filter):
    """Drops the temporary server's start and stop lines and its advice to
    run a dedicated server: noise in a scheduled job's output."""

    _NOTES = ("Starting temporary server", "Stopping temporary server", "See https://docs.prefect.io")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self._NOTES)


def configure_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    if not os.environ.get("PREFECT_API_URL"):
        for name in _QUIET:
            logging.getLogger(name).setLevel(logging.CRITICAL)
        prefect_logger = logging.getLogger("prefect")
        if not any(isinstance(f, _TemporaryServerNotes) for f in prefect_logger.filters):
            prefect_logger.addFilter(_TemporaryServerNotes())


def run_flow(flow: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    configure_prefect()
    _start_temporary_server()
    return supervised(lambda: flow(*args, **kwargs))


def api_url() -> str | None:
    """The Prefect API this process reports to: ``PREFECT_API_URL``, else
    the temporary server it started (None while none runs). Worker processes
    are given it: one without it starts a temporary server of its own, and
    its task runs never reach the flow's server."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        return PREFECT_API_URL.value()
    server = SubprocessASGIServer()  # the instance get_client() starts and reuses
    return server.api_url if server.running else None


def _start_temporary_server() -> None:
    """Start Prefect's temporary server now (Prefect reuses the instance)
    with SIGINT blocked, which it inherits: Ctrl-C reaches the terminal's
    whole process group, and a server stopped by it would leave the flow run
    retrying API calls for minutes instead of stopping. The server is ended
    by SIGTERM, from Prefect at exit or from flows.stopping."""
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as STARTUP

    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        # Prefect's default 20 s to answer was too short on a loaded machine (two runs at
        # once beside other work): the run died with a traceback before any work.
        SubprocessASGIServer().start(timeout=max(SERVER_STARTUP_SECONDS, STARTUP.value()))
    except RuntimeError as exc:  # Prefect's word for a server that never answered
        raise ConfigError("PREFECT_API_URL", [f"Prefect's temporary server did not start ({exc}); name a running "
                                              "server in PREFECT_API_URL or try again on a less loaded machine"]
                          ) from None
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

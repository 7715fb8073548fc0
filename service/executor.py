"""Run each query in a child process that can be killed at its deadline.

Neither engine can be stopped from inside the process: pyoxigraph ignores
signals until a query ends (measured: 121 s), and rdflib's REGEX is
exponential. So every query runs in its own ``fork()``-ed child:

* a ``memory:`` store is inherited by the child as it is at that moment
  (copy-on-write), so the child always sees the current data;
* an ``oxigraph:`` store is opened read-only by the child (RocksDB allows any
  number of read-only openers beside the writer; about 50 ms). Opening
  replays the writer's unflushed log, so the server flushes it after each of
  its writes (without that, 260-420 ms per query after loading 12,000 quads).

The parent waits for the child's answer until ``SPARQL_TIMEOUT``; then it
kills the child (SIGKILL) and answers 503. A bounded number of children run
at once (``SPARQL_WORKERS``); a request that cannot get a slot before its
deadline also gets a 503. Other requests are served by other threads
meanwhile, so one runaway query never blocks the service.

The child sends back only bytes or plain values (the serialised response),
through a pipe, pickled.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app
from werkzeug.exceptions import ServiceUnavailable

import kg.errors as kg_errors

__all__ = ["QueryTimeout", "init_app", "run_killable"]

T = TypeVar("T")
_EXTENSION = "diplokg.executor"


class QueryTimeout(ServiceUnavailable):
    """A query ran past ``SPARQL_TIMEOUT`` and was killed (503, JSON error shape)."""


def init_app(app: Flask) -> None:
    """Give ``app`` its bounded set of query slots."""
    app.extensions[_EXTENSION] = threading.BoundedSemaphore(app.config["SPARQL_WORKERS"])


def _reset_inherited_locks() -> None:
    # A lock held by another thread of the parent at fork() time stays held
    # forever in the child; pyparsing's are the ones a query parse may need.
    from pyparsing import ParserElement

    ParserElement.packrat_cache_lock = threading.RLock()
    ParserElement.recursion_lock = threading.RLock()


def _child(fn: Callable[[], Any], fd: int) -> None:
    """Run ``fn`` in the child and write the pickled outcome to ``fd``; never returns."""
    code = 0
    try:
        _reset_inherited_locks()
        try:
            payload: tuple = ("ok", fn())
        except kg_errors.DiploKGError as exc:
            payload = ("domain", type(exc).__name__, exc.message, exc.where)
        except RecursionError:
            payload = ("domain", "QueryError", "the query is too complex for the SPARQL engine", "query")
        except BaseException:  # reported to the parent, which logs it and answers 500
            payload = ("fault", traceback.format_exc())
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except BaseException:  # nothing may escape a forked child
        code = 1
    finally:
        # _exit: no atexit handlers, no flushing of the parent's buffers, no
        # closing of the parent's store from here.
        os._exit(code)


def _fork() -> int:
    with warnings.catch_warnings():
        # Python 3.12+ warns about fork() in a threaded process; the child
        # only runs the query (see _reset_inherited_locks) and exits.
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None if the deadline passes first."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def run_killable(
    fn: Callable[[], T], *, timeout: float | None = None, started: float | None = None, what: str = "query"
) -> T:
    """Run ``fn`` in a forked child and return its (picklable) result.

    ``what`` names the work in the messages ("query", "update").

    Raises
    ------
    QueryTimeout
        If no result came before ``timeout`` seconds (default ``SPARQL_TIMEOUT``)
        counted from ``started``; the child is killed.
    kg.errors.DiploKGError
        What ``fn`` raised in the child, re-raised here with its message.
    RuntimeError
        If the child failed unexpectedly (its traceback is logged).
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    limit = float(app.config["SPARQL_TIMEOUT"] if timeout is None else timeout)
    deadline = (started or time.monotonic()) + limit
    slots: threading.BoundedSemaphore = app.extensions[_EXTENSION]
    too_slow = f"the {what} did not finish within the {limit:g} s time limit and was stopped"
    if what != "query":
        # The child only computed the change; the parent never applied it.
        too_slow += "; nothing was changed"
    if not slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
        raise QueryTimeout("the server is busy with other queries; try again later")
    try:
        read_fd, write_fd = os.pipe()
        pid = _fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            _child(fn, write_fd)
        os.close(write_fd)
        data = None
        try:
            data = _read_until(read_fd, deadline)
        finally:
            os.close(read_fd)
            if data is None:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        slots.release()
    if data is None:
        app.logger.warning("%s killed after %.1f s", what, limit)
        raise QueryTimeout(too_slow, retry_after=None)
    if not data:
        raise RuntimeError(f"the {what} process died without an answer")
    outcome = pickle.loads(data)
    if outcome[0] == "ok":
        return outcome[1]
    if outcome[0] == "domain":
        _, name, message, where = outcome
        cls = getattr(kg_errors, name, kg_errors.DiploKGError)
        raise cls(message, where=where)
    app.logger.error("%s process failed:\n%s", what, outcome[1])
    raise RuntimeError(f"the {what} process failed")

"""answer_all: a server's engine answers several independent queries at once, in the order asked."""

from __future__ import annotations

import threading

import pytest

from om_graph.engines.contract import Query, answer, answer_all
from om_graph.privacy import redacting

ASK = Query("ask", ("n",), lambda graph, params: [{"n": params["n"]}], "", params={"n": 0})


class Server:
    """An engine whose queries each wait until ``together`` of them are running (or fail, for n < 0)."""

    name = "server"

    def __init__(self, workers: int, together: int) -> None:
        self.workers = workers
        self.barrier = threading.Barrier(together, timeout=5)
        self.threads: set[str] = set()

    def rows(self, query, params):
        self.threads.add(threading.current_thread().name)
        if params["n"] < 0:
            raise ValueError("refused")
        self.barrier.wait()
        return list(query.run(None, params))


def test_answers_come_in_the_order_asked_while_running_at_once():
    server = Server(workers=2, together=2)  # a sequential engine would wait at the barrier for ever (5 s)
    asked = [(ASK, {"n": n}) for n in (3, 1, 2, 0)]
    assert list(answer_all(server, asked)) == [answer(Server(1, 1), ASK, params) for _, params in asked]
    assert len(server.threads) == 2


def test_an_engine_without_workers_answers_one_by_one_in_the_callers_thread():
    server = Server(workers=1, together=1)
    del server.workers
    assert [rows for rows in answer_all(server, [(ASK, {"n": 1}), (ASK, None)])] == [[{"n": 1}], [{"n": 0}]]
    assert server.threads == {threading.current_thread().name}


def test_the_first_error_is_raised():
    with pytest.raises(ValueError, match="refused"):
        list(answer_all(Server(workers=2, together=1), [(ASK, {"n": 1}), (ASK, {"n": -1}), (ASK, {"n": 2})]))


def test_unknown_parameters_are_refused_before_anything_runs():
    server = Server(workers=2, together=1)
    with pytest.raises(Exception, match="unknown parameter"):
        list(answer_all(server, [(ASK, {"n": 1}), (ASK, {"x": 1})]))
    assert not server.threads


def test_redacting_keeps_the_engines_workers():
    assert redacting(Server(workers=2, together=1)).workers == 2

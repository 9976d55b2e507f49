"""``strife serve`` as a user runs it: it refuses to start, with exit status 2 and one line,
when it cannot serve, warns when reads are open to the network, and, running, never waits
for or holds the body of a GET. Servers listen on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strife.cli import app
from test_api_queries import sample_store


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--db", "{missing}"], {}, "does not exist"),
        (["--db", "{junk}"], {}, "not a DuckDB database"),
        (["--db", "{store}", "--private"], {}, "--private needs a token"),
        (["--db", "{store}"], {"STRIFE_TOKEN": "short"}, "at least 16 characters"),
    ],
)
def test_serve_refuses_what_it_cannot_serve(
    tmp_path: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    files = {
        "missing": tmp_path / "missing.duckdb",
        "junk": tmp_path / "junk.duckdb",
        "store": sample_store(tmp_path / "store.duckdb"),
    }
    files["junk"].write_bytes(b"this is not a database" * 200)
    argv = ["serve", *(arg.format(**files) for arg in args)]
    result = CliRunner().invoke(app, argv, env={"STRIFE_TOKEN": "", **env})
    assert result.exit_code == 2, result.output
    assert message in result.output.replace("\n", " ")


TOKEN = "correct-horse-battery-staple"


@pytest.fixture
def held_port() -> Iterator[int]:
    """A port of 127.0.0.1 that another program listens on."""
    with socket.create_server(("127.0.0.1", 0)) as holder:
        yield holder.getsockname()[1]


@pytest.mark.parametrize(
    ("token", "message"),
    [(" " * 20, "only white space"), (TOKEN + " ", "starts or ends with white space")],
)
def test_serve_refuses_a_token_no_request_can_carry(
    tmp_path: Path, held_port: int, token: str, message: str
) -> None:
    store = sample_store(tmp_path / "store.duckdb")
    argv = ["serve", "--db", str(store), "--port", str(held_port)]  # never serves anyway
    result = CliRunner().invoke(app, argv, env={"STRIFE_TOKEN": token})
    assert result.exit_code == 2, result.output
    assert "serving" not in result.output
    assert message in result.output


def serve(store: Path, *args: str, token: str = "") -> subprocess.Popen[str]:
    """``strife serve`` in a process of its own, as a user starts it."""
    command = [sys.executable, "-m", "strife", "serve", "--db", str(store), *args]
    env = {**os.environ, "STRIFE_TOKEN": token, "COLUMNS": "80"}
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)


def test_a_port_in_use_is_one_line_and_exit_status_2(tmp_path: Path, held_port: int) -> None:
    store = sample_store(tmp_path / "store.duckdb")
    process = serve(store, "--port", str(held_port))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2, err
    assert err.splitlines() == [
        f"strife: cannot listen on 127.0.0.1:{held_port}: Address already in use"
    ]


def test_a_non_loopback_address_warns_that_reads_are_open(tmp_path: Path, held_port: int) -> None:
    # The port is held on 127.0.0.1, so 0.0.0.0 cannot be bound: the test listens on no
    # address other machines could reach.
    store = sample_store(tmp_path / "store.duckdb")
    process = serve(store, "--host", "0.0.0.0", "--port", str(held_port))
    _, err = process.communicate(timeout=60)
    warning, refusal = err.splitlines()
    assert warning.startswith("strife: warning: 0.0.0.0 is not a loopback address")
    assert "can read the events" in warning and "--private" in warning
    assert refusal.startswith(f"strife: cannot listen on 0.0.0.0:{held_port}")
    assert process.returncode == 2
    private = serve(store, "--host", "0.0.0.0", "--port", str(held_port), "--private", token=TOKEN)
    _, err = private.communicate(timeout=60)
    assert "warning" not in err and private.returncode == 2


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    """A running ``strife serve`` on 127.0.0.1: its port and its process id."""
    store = sample_store(tmp_path_factory.mktemp("serve") / "store.duckdb")
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    process = serve(store, "--port", str(port), token=TOKEN)
    assert process.stderr is not None
    try:
        line = process.stderr.readline()
        assert line.startswith(f"strife: serving {store} on http://127.0.0.1:{port}/"), line
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _exchange(port: int, request: bytes, timeout: float = 5.0) -> bytes:
    """Send ``request`` (headers, perhaps a first piece of body) and read the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
        return answer


def test_a_get_body_is_not_waited_for(server: tuple[int, int]) -> None:
    port, _ = server
    declared = b"GET /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4000000\r\n\r\n"
    chunked = b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
    for request in (declared, chunked + b"400\r\n" + b"x" * 1024 + b"\r\n"):
        answer = _exchange(port, request)  # the rest of the body never comes
        assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]
        assert b"takes no body" in answer


def test_concurrent_get_bodies_leave_memory_bounded(server: tuple[int, int]) -> None:
    port, pid = server
    peak = _peak_rss_mb(pid)
    head = b"GET /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000000\r\n\r\n"

    def send_body() -> None:
        # An OSError: the server answered and closed the connection, the point.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn, suppress(OSError):
            conn.sendall(head + b"x" * 5_000_000)

    threads = [threading.Thread(target=send_body) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert _peak_rss_mb(pid) - peak < 30  # 20 bodies of 5 MB read would be 100 MB and more


def test_the_running_server_checks_hosts_and_answers_head(server: tuple[int, int]) -> None:
    port, _ = server
    for host, status in (("localhost", 200), (f"127.0.0.1:{port}", 200), ("evil.example", 400)):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("HEAD", "/api/health", headers={"Host": host})
        response = conn.getresponse()
        assert response.status == status, host
        assert response.read() == b""
        assert response.getheader("x-content-type-options") == "nosniff"
        conn.close()


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmHWM in /proc/{pid}/status")

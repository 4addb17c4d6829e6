"""gunicorn and wrk for the side-by-side benchmark: the numbers users see come from a real server
over HTTP, so the benchmark starts one (two workers, as the README's production steps do) and
loads it with wrk, a load generator outside Python that does not compete with the server for the
interpreter."""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(app, env, workers=2, warm=()):
    """Serve ``app`` (a WSGI path) until the block ends; yields (base URL, master pid)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--timeout",
        "120",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        for path in warm:
            for _ in range(workers * 2):
                fetch(base + path)
        yield base, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base + "/api/site/", timeout=5).read()
            return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {base} within {timeout} s")


def fetch(url):
    """The body of ``url``; a benchmark of an error page would measure nothing, so a non-200 stops
    the run."""
    with urllib.request.urlopen(url, timeout=120) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
        return response.read()


def wrk(url, seconds, connections):
    """Requests per second wrk reached on ``url`` (one thread: the machine has two cores and the
    server needs them)."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install wrk)")
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx" in result.stdout:
        raise RuntimeError(f"{url} answered errors under load:\n{result.stdout}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    return float(match.group(1))


def mixed_requests(base, paths, total, connections=2):
    """Send exactly ``total`` requests cycling through ``paths`` over ``connections`` parallel
    clients. Not wrk: a wrk thread told to stop from its Lua script kept its other connection
    open, which held a gunicorn sync worker in ``recv`` until its timeout killed it, and wrk then
    ran on to its ``-d`` limit (the memory row of two runs never finished)."""
    with ThreadPoolExecutor(connections) as pool:
        statuses = list(
            pool.map(lambda number: _get_status(base + paths[number % len(paths)]), range(total))
        )
    failed = [status for status in statuses if status != 200]
    if failed:
        raise RuntimeError(f"{len(failed)} of {total} mixed requests failed: {failed[:5]}")


def _get_status(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (our own server)
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        kilobytes = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        sizes.append(kilobytes / 1024)
    return sorted(sizes)

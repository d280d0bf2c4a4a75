"""What the browser tests share: a Streamlit server of the app, a recorder of requests, fresh browser pages.

Kept apart from ``conftest.py`` so tests can import it by name.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Dialog, Page, Request

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_TIMEOUT_S = 90.0
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} not found: install Debian's browser with `apt-get install -y chromium`"
    if os.environ.get("GEO_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base_url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll Streamlit's health endpoint until it answers ``ok`` (the server is then ready)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"streamlit did not answer {base_url}/_stcore/health within {timeout_s:.0f} s")


def start_server(
    log_path: Path, data_dir: Path, port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """``streamlit run app.py`` headless on a free localhost port, saving journeys in ``data_dir``; returns
    the process and its URL."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        env = {**os.environ, "GEO_DATA_DIR": str(data_dir)}
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    return process, f"http://127.0.0.1:{port}"


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def is_local(url: str) -> bool:
    """True for requests that stay on this machine (localhost, or an inline data/blob/about URL)."""
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "file"):
        return True
    return parsed.hostname in LOCAL_HOSTS


@contextmanager
def running_server(folder: Path, data_dir: Path) -> Iterator[str]:
    process, url = start_server(folder / "server.log", data_dir)
    try:
        wait_healthy(url, process, SERVER_START_TIMEOUT_S)
        yield url
    finally:
        stop_server(process)


@dataclass
class Recorder:
    """Every request the page made and every dialog (alert/confirm/prompt) it tried to open."""

    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def external(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]


PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/120.0 Mobile Safari/537.36",
}


@contextmanager
def new_page(browser: Browser, recorder: Recorder, **options: object) -> Iterator[Page]:
    """A page in a fresh browser context (no cookies, no storage: like another person's browser)."""
    context = browser.new_context(accept_downloads=True, **options)  # type: ignore[arg-type]
    context.on("request", recorder.on_request)
    tab = context.new_page()
    tab.on("dialog", recorder.on_dialog)
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        context.close()

"""The app in a real headless Chromium: one Streamlit server and one browser per test session.

Debian's Chromium (``apt-get install chromium``) is driven by Playwright's Python API; no browser is ever
downloaded. Without ``/usr/bin/chromium`` the browser tests skip, unless ``GEO_REQUIRE_BROWSER=1`` (set by
CI), where they fail instead. The server saves journeys in a database of its own (``GEO_DATA_DIR`` in a
temporary folder); a test that needs a damaged database starts a second server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    Recorder,
    new_page,
    require_chromium,
    running_server,
)
from playwright.sync_api import Browser, Page, Playwright, sync_playwright


@pytest.fixture(scope="session")
def app_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's server keeps its journey database."""
    return tmp_path_factory.mktemp("geo-data")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, app_data_dir: Path) -> Iterator[str]:
    require_chromium()
    with running_server(tmp_path_factory.mktemp("streamlit"), app_data_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    require_chromium()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Browser, recorder: Recorder) -> Iterator[Page]:
    with new_page(browser, recorder, viewport={"width": 1400, "height": 1000}) as tab:
        yield tab


@pytest.fixture
def phone(browser: Browser, recorder: Recorder) -> Iterator[Page]:
    """A 390×844 touch screen (a phone), as Chromium emulates it."""
    with new_page(browser, recorder, **PHONE) as tab:
        yield tab

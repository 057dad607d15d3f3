"""Fetching pages: real responses from a server on 127.0.0.1, and MockTransport where a transport suffices."""
from __future__ import annotations

import dataclasses
import json
import http.server
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from checker.config import Settings, get_settings
from checker.errors import FetchError
from checker.fetch import decode_body, fetch_url
from local_server import serving

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_IP = "93.184.216.34"  # a global address: no DNS lookup needed, allowed without the private-URL setting

ARABIC_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>صواريخ تستهدف السفارة الأمريكية في بغداد</title>
<meta property="article:published_time" content="2023-12-08T09:30:00+03:00">
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/iraq">العراق</a> | <a href="/sport">رياضة</a></nav>
<article>
<h1>صواريخ تستهدف السفارة الأمريكية في بغداد</h1>
<p>استهدفت صواريخ فجر الجمعة السفارة الأمريكية في المنطقة الخضراء شديدة التحصين في بغداد، دون أن تسفر عن إصابات.</p>
<p>وقال مسؤول عسكري أمريكي لوكالة فرانس برس إن صفارات الإنذار دوت قرب السفارة وقاعدة يونيون 3 حيث تتمركز قوات التحالف.</p>
<p>وحثت السفارة في بيان الحكومة العراقية على حماية الموظفين والمنشآت الدبلوماسية وشركاء التحالف.</p>
</article>
<footer>جميع الحقوق محفوظة © 2023</footer>
</body></html>
"""

ENGLISH_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Rockets fired at US embassy in Baghdad</title></head>
<body><header><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></header>
<main><article><h1>Rockets fired at US embassy in Baghdad</h1>
<p>Rockets were fired at the US embassy in Baghdad early on Friday, an embassy spokesperson said, adding that nobody was hurt.</p>
<p>The United States has about 2,500 troops in Iraq and about 900 in Syria as part of the coalition against the Islamic State group.</p>
</article></main><footer>Cookie settings. Privacy policy. All rights reserved.</footer></body></html>
"""


class Handler(http.server.BaseHTTPRequestHandler):
    """Each path plays one kind of server a fact-checker's URL might lead to."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        route = {
            "/arabic": self._arabic, "/english": self._english, "/missing": self._missing, "/broken": self._broken,
            "/pdf": self._pdf, "/endless": self._endless, "/declared-huge": self._declared_huge,
            "/slow": self._slow, "/plain": self._plain, "/to-arabic": self._to_arabic,
        }.get(self.path, self._missing)
        try:
            route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up on purpose (size limit, timeout)

    def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _arabic(self) -> None:
        self._send(200, "text/html", ARABIC_PAGE.encode("windows-1256"))

    def _english(self) -> None:
        self._send(200, "text/html; charset=utf-8", ENGLISH_PAGE.encode("utf-8"))

    def _plain(self) -> None:
        self._send(200, "text/plain; charset=utf-8", "قال متحدث باسم السفارة إنه لا إصابات.\n".encode("utf-8"))

    def _missing(self) -> None:
        self._send(404, "text/html", b"<html><body>Not here</body></html>")

    def _broken(self) -> None:
        self._send(503, "text/html", b"<html><body>Service unavailable</body></html>")

    def _pdf(self) -> None:
        self._send(200, "application/pdf", b"%PDF-1.4\n" + b"0" * 1000)

    def _to_arabic(self) -> None:
        self._send(302, "text/html", b"", {"Location": "/arabic"})

    def _endless(self) -> None:
        """50 MB of HTML, generated chunk by chunk and never held in memory, without a Content-Length."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        chunk = b"<p>" + b"padding " * 8000 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            self.wfile.write(chunk)

    def _declared_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()
        self.wfile.write(b"<html>")

    def _slow(self) -> None:
        time.sleep(2)
        self._send(200, "text/html", b"<html><body><p>too late</p></body></html>")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as url:
        yield url


def local(**changes: object) -> Settings:
    """Settings that allow loopback (the test server lives there), with overrides."""
    return dataclasses.replace(get_settings(), allow_private_urls=True, **changes)


def strict() -> Settings:
    return dataclasses.replace(get_settings(), allow_private_urls=False)


def test_arabic_windows_1256_page_is_decoded_and_stripped_of_boilerplate(server: str) -> None:
    page = fetch_url(f"{server}/arabic", settings=local())
    assert page.title == "صواريخ تستهدف السفارة الأمريكية في بغداد"
    assert "صفارات الإنذار دوت قرب السفارة وقاعدة يونيون 3" in page.text
    assert "جميع الحقوق محفوظة" not in page.text and "رياضة" not in page.text
    assert page.language == "ar"
    assert page.published == "2023-12-08"
    assert page.content_type == "text/html"


def test_english_page_and_redirect_report_the_final_url(server: str) -> None:
    page = fetch_url(f"{server}/english", settings=local())
    assert "about 2,500 troops in Iraq" in page.text
    assert "Cookie settings" not in page.text and "Subscribe now" not in page.text
    assert page.language == "en"
    redirected = fetch_url(f"{server}/to-arabic", settings=local())
    assert redirected.url.endswith("/to-arabic") and redirected.final_url.endswith("/arabic")
    assert "يونيون 3" in redirected.text


def test_plain_text_is_read_as_is(server: str) -> None:
    page = fetch_url(f"{server}/plain", settings=local())
    assert page.text == "قال متحدث باسم السفارة إنه لا إصابات."
    assert page.content_type == "text/plain"


@pytest.mark.parametrize(("path", "status"), [("/missing", "404"), ("/broken", "503")])
def test_http_errors_name_the_status(server: str, path: str, status: str) -> None:
    with pytest.raises(FetchError, match=status):
        fetch_url(server + path, settings=local())


def test_pdf_is_refused_by_content_type(server: str) -> None:
    with pytest.raises(FetchError, match="the URL returned application/pdf, which checker cannot read"):
        fetch_url(f"{server}/pdf", settings=local())


def test_endless_response_is_cut_off_at_the_size_limit(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"larger than 1\.0 MB"):
        fetch_url(f"{server}/endless", settings=local(fetch_max_bytes=1024 * 1024))
    assert time.monotonic() - started < 5


def test_declared_size_over_the_limit_is_refused_before_reading(server: str) -> None:
    with pytest.raises(FetchError, match="CHECKER_FETCH_MAX_BYTES"):
        fetch_url(f"{server}/declared-huge", settings=local())


def test_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 0.5 s"):
        fetch_url(f"{server}/slow", settings=local(fetch_timeout=0.5))
    assert time.monotonic() - started < 1.9


def test_unreachable_port_is_a_fetch_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not fetch"):
        fetch_url(f"http://127.0.0.1:{port}/", settings=local(fetch_timeout=2))


def test_unknown_host_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="could not find the host"):
        fetch_url("http://no-such-host.invalid/news", settings=strict())


def test_loopback_is_refused_by_default_with_the_setting_named(server: str) -> None:
    with pytest.raises(FetchError, match="CHECKER_ALLOW_PRIVATE_URLS=1"):
        fetch_url(f"{server}/arabic", settings=strict())


@pytest.mark.parametrize("url", [
    "http://localhost:9/", "http://10.0.0.8/", "http://192.168.1.1/admin", "http://169.254.169.254/latest/meta-data",
    "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/",
])
def test_private_and_reserved_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="private or local network address"):
        fetch_url(url, settings=strict())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)"])
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch_url(url, settings=strict())


def test_redirect_to_loopback_is_refused_at_that_hop() -> None:
    requested: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/internal"})

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        with pytest.raises(FetchError, match="127.0.0.1.*CHECKER_ALLOW_PRIVATE_URLS"):
            fetch_url(f"http://{PUBLIC_IP}/story", settings=strict(), client=client)
    assert requested == [f"http://{PUBLIC_IP}/story"]


def test_redirect_loop_stops_after_five_hops() -> None:
    requested: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(301, headers={"Location": f"/hop{len(requested)}"})

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        with pytest.raises(FetchError, match="redirected more than 5 times"):
            fetch_url(f"http://{PUBLIC_IP}/start", settings=strict(), client=client)
    assert len(requested) == 6


def fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, str]) -> None:
    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        if host not in answers:
            raise socket.gaierror(f"unknown host {host}")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], port))]

    monkeypatch.setattr("checker.fetch.addresses.socket.getaddrinfo", getaddrinfo)


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"intranet.example": "10.1.2.3"})
    with pytest.raises(FetchError, match="points to 10.1.2.3"):
        fetch_url("https://intranet.example/report", settings=strict())


def test_the_connection_goes_to_the_checked_address_with_the_name_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: a second lookup could answer 127.0.0.1, so the checked address is the one used."""
    fake_dns(monkeypatch, {"news.example": PUBLIC_IP})
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, content=b"No casualties were reported.")

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        page = fetch_url("https://news.example:8443/story", settings=strict(), client=client)
    assert seen[0].url.host == PUBLIC_IP
    assert seen[0].headers["host"] == "news.example:8443"
    assert seen[0].extensions["sni_hostname"] == "news.example"
    assert page.final_url == "https://news.example:8443/story"


def test_charset_detected_when_neither_header_nor_meta_says() -> None:
    body = ("<html><body><article><p>" + "وقال مسؤول عسكري أمريكي إن صفارات الإنذار دوت قرب السفارة في بغداد. " * 6
            + "</p></article></body></html>").encode("windows-1256")

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=body)

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        page = fetch_url(f"http://{PUBLIC_IP}/news", settings=strict(), client=client)
    assert "صفارات الإنذار" in page.text


@pytest.mark.parametrize("text", ["قال المتحدث", "Rockets hit the embassy. No casualties were reported."])
def test_short_legacy_text_without_a_declared_charset_decodes(text: str) -> None:
    assert decode_body(text.encode("windows-1256")) == text


def test_page_without_article_text_is_a_clear_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<html><body></body></html>")

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        with pytest.raises(FetchError, match="no readable article text"):
            fetch_url(f"http://{PUBLIC_IP}/empty", settings=strict(), client=client)


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120)


def test_cli_adds_a_url_only_when_private_urls_are_allowed(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    refused = run_cli("evidence", "add", f"{server}/arabic", "--db", db,
                      env={"CHECKER_ALLOW_PRIVATE_URLS": "0", "CHECKER_SKIP_EMBEDDINGS": "1"})
    assert refused.returncode == 2
    assert "CHECKER_ALLOW_PRIVATE_URLS=1" in refused.stderr and "Traceback" not in refused.stderr
    added = run_cli("evidence", "add", f"{server}/arabic", "--outlet", "afp", "--db", db,
                    env={"CHECKER_ALLOW_PRIVATE_URLS": "1", "CHECKER_SKIP_EMBEDDINGS": "1"})
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stdout


def test_cli_analyzes_an_article_given_by_url(server: str) -> None:
    refused = run_cli("analyze", f"{server}/arabic", "--no-evidence", env={"CHECKER_ALLOW_PRIVATE_URLS": "0"})
    assert refused.returncode == 2 and refused.stderr.startswith("error:") and "Traceback" not in refused.stderr
    result = run_cli("analyze", f"{server}/arabic", "--no-evidence", env={"CHECKER_ALLOW_PRIVATE_URLS": "1"})
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    afp = [c for c in claims if "صفارات الإنذار" in c["text"]]
    assert afp and afp[0]["attribution"]["outlet"]["id"] == "afp"
    assert not any("جميع الحقوق" in c["text"] or "الرئيسية" in c["text"] for c in claims)

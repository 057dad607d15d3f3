"""Reading what a user pastes or saves: encodings, HTML, bad input, through the library and the CLI."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.text import clean_text, decode_input

ROOT = Path(__file__).resolve().parent.parent

ARABIC = ("حثت السفارة الأمريكية في بغداد الحكومة العراقية على حماية موظفيها، بعد أن استهدفت صواريخ "
          "البعثة الدبلوماسية في المنطقة الخضراء اليوم الجمعة 8 ديسمبر 2023.\n\n"
          "وقال متحدث باسم السفارة في بيان: “ندعو مرة أخرى حكومة العراق إلى حماية الموظفين”.\n")
ENGLISH = "At least five rockets were fired at the U.S. Embassy in Baghdad on Friday, two officials said.\n"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, input=stdin.decode("latin-1")
                          if stdin is not None else None, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"])
def test_arabic_file_in_any_common_encoding_reads_the_same(encoding: str) -> None:
    assert decode_input(ARABIC.encode(encoding)) == ARABIC


def test_windows_newlines_are_normalised_and_nothing_else_changes() -> None:
    assert decode_input(ENGLISH.replace("\n", "\r\n").encode()) == ENGLISH
    assert clean_text("line one\r\nline two\rline three") == "line one\nline two\nline three"


@pytest.mark.parametrize("data, words", [(b"", "empty"), (b"  \n\t \r\n", "whitespace")])
def test_empty_and_whitespace_are_refused_clearly(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        decode_input(data)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                                  bytes(range(256)) * 40])
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_input(data)


def test_five_megabytes_gets_a_message_with_size_and_limit_quickly() -> None:
    data = (ENGLISH * (5_000_000 // len(ENGLISH) + 1)).encode()
    started = time.process_time()  # CPU time: refused before any decoding work, whatever the machine's load
    with pytest.raises(InputError) as error:
        decode_input(data)
    assert time.process_time() - started < 2
    assert "2,000,000" in str(error.value) and "5,0" in str(error.value)  # the article limit


def test_html_pasted_as_text_becomes_the_article_text() -> None:
    page = ("<!DOCTYPE html><html><head><title>Embassy attacked</title><script>var ad = 1;</script></head>"
            "<body><nav><a href='/'>Home</a></nav><article><h1>Rockets hit embassy</h1>"
            f"<p>{ENGLISH.strip()}</p><p>The embassy urged the Iraqi government to protect its staff.</p>"
            "</article></body></html>")
    text = clean_text(page)
    assert "At least five rockets were fired" in text
    assert "<p>" not in text and "var ad" not in text
    assert decode_input(page.encode()) == text


def test_broken_html_falls_back_to_text_without_tags() -> None:
    text = clean_text("<div><p>قالت الشرطة إن 3 أشخاص أصيبوا.<p>وأضافت أن التحقيق مستمر.<div><span>")
    assert "قالت الشرطة إن 3 أشخاص أصيبوا." in text and "<" not in text


def test_a_less_than_sign_in_prose_is_not_html() -> None:
    text = "Inflation fell to 3% and growth was < 1% in the quarter, the bank said."
    assert clean_text(text) == text


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"   \n  ", "whitespace"), (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
])
def test_cli_bad_input_exits_2_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run_cli("analyze", str(path), "--no-evidence")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_refuses_a_five_megabyte_file_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(ENGLISH.encode() * (5_000_000 // len(ENGLISH)))
    result = run_cli("analyze", str(path), "--no-evidence")
    assert result.returncode == 2 and "too long" in result.stderr and "Traceback" not in result.stderr


def test_cli_reads_windows_1256_and_utf16_files(tmp_path: Path) -> None:
    for encoding in ("cp1256", "utf-16"):
        path = tmp_path / f"article-{encoding}.txt"
        path.write_bytes(ARABIC.encode(encoding))
        result = run_cli("analyze", str(path), "--no-evidence", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert "حثت السفارة الأمريكية" in result.stdout


def test_a_saved_windows_1256_web_page_is_decoded_by_its_declared_charset() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            '<title>خبر</title><style>body{font-family:Arial}</style><script>var a="tracking";</script></head>'
            '<body><div class="nav"><a href="/">Home</a> <a href="/world">World</a></div>'
            f'<article><p>{ARABIC.splitlines()[0]}</p></article></body></html>')
    assert "حثت السفارة الأمريكية في بغداد" in decode_input(page.encode("cp1256"))

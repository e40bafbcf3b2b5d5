"""--format html: one self-contained page that parses, has no script, and shows every number."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from reporter.render.html_page import brief_as_html, views_as_html
from reporter.render.terminal import Environment
from reporter.render.views import View
from reporter.render.views.base import Column, Row
from tests.conftest import run


class Page(HTMLParser):
    """What a browser would see: tags, text, and whether anything is fetched or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.fetches: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ("meta", "br"):
            self.open.append(tag)
        self.fetches += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open)  # well nested
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(html: str) -> Page:
    assert html.startswith("<!DOCTYPE html>")
    page = Page()
    page.feed(html)
    page.close()
    assert not page.open and "script" not in page.tags and not page.fetches
    assert "@import" not in html and "url(" not in html
    return page


def test_every_table_command_writes_a_page_showing_every_number_of_its_table() -> None:
    for args in (["show", "江山"], ["compare", "江山", "洞头"], ["rank", "研发投入"], ["delta", "江山"],
                 ["delta", "--all"]):
        result = run(*args, "--format", "html")
        assert result.code == 0, (args, result)
        page = _parsed(result.stdout)
        text = "".join(page.text)
        plain = run(*args, "--format", "plain").stdout.split("\n\n")[0].splitlines()[1:]
        cells = [cell for line in plain for cell in line.split("  ") if cell.strip()]
        assert cells and all(cell.strip() in text for cell in cells), args


def test_every_value_is_escaped() -> None:
    view = View("t", "<b>title</b>", [Column("quote", "原文")], ["quote"],
                [{"quote": "<script>alert(1)</script> & \"x\""}], lambda r: r,
                lambda r: Row({"quote": r["quote"]}, group="<i>g</i>", detail="<img src=x>"))
    html = views_as_html([view], Environment())
    page = _parsed(html)
    assert "<script>alert(1)</script> & \"x\"" in "".join(page.text)
    assert "&lt;img src=x&gt;" in html and "<img" not in html


def test_brief_as_a_page(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = run("brief", "江山", "--format", "html", "-o", str(out))
    assert result.code == 0, result
    page = _parsed(out.read_text(encoding="utf-8"))
    prose = run("brief", "江山").stdout
    assert "".join(prose.split()) in "".join("".join(page.text).split())  # every word of the brief
    assert "<p" in brief_as_html("a\n\nb <c>", "t", "en") and "&lt;c&gt;" in brief_as_html("b <c>", "t", "en")
    assert run("--bom", "brief", "江山", "--format", "html").code == 2

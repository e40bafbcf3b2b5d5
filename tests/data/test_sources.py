"""The bundled data's source document ships with the package: check proves the quotes against it with
no option, and show --sources names it."""

from __future__ import annotations

from pathlib import Path

from reporter.data.paths import bundled_sources_dir
from tests.conftest import run

PAGE = "000_050705cab98f9860.txt"


def test_the_page_ships_as_a_real_file_in_the_package() -> None:
    page = Path(bundled_sources_dir()) / PAGE
    assert page.is_file() and not page.is_symlink()
    assert "1-5月全市规上企业研发投入2.06亿元" in page.read_text(encoding="utf-8")


def test_check_sources_with_no_folder_finds_the_bundled_page() -> None:
    result = run("--lang", "en", "check", "--sources")
    assert result.code == 0, result
    assert "103 quotes verbatim in their sources" in result.stderr


def test_check_sources_with_no_folder_looks_beside_a_users_file(tmp_path: Path) -> None:
    bundled = (Path(bundled_sources_dir()).parent / "regions.yaml").read_text(encoding="utf-8")
    own = tmp_path / "mine.yaml"
    own.write_text(bundled.replace("建率达到35.6%", "建率达到35.7%"), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / PAGE).write_text((Path(bundled_sources_dir()) / PAGE).read_text(encoding="utf-8"),
                                             encoding="utf-8")
    result = run("--lang", "en", "check", str(own), "--sources")
    assert result.code == 1  # the altered quote is not in the page found beside the file
    assert "not verbatim" in result.stderr or "35.7" in result.stderr, result.stderr


def test_show_sources_names_the_document_the_quotes_come_from() -> None:
    result = run("--lang", "zh", "show", "江山", "--sources", "--theme", "rd", "--format", "plain")
    assert result.code == 0
    assert "「1-5月全市规上企业研发投入2.06亿元，同比增长16%」" in result.stdout
    assert "来源 page-2020-kjdd：科技创新岛呼之欲出" in result.stderr and PAGE in result.stderr
    english = run("--lang", "en", "show", "江山", "--sources", "--theme", "rd", "--format", "plain")
    assert "source page-2020-kjdd: An S&T innovation island in the making" in english.stderr

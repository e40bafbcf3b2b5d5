"""add defines what a fact needs and the data lack: a metric, a source, a county; by flags, and on a
terminal by questions, no answer lost; n at the confirmation changes one answer; a duplicate in words.

SYNTHETIC figures throughout (江山's 2020年1-9月 规上工业增加值 and the like are invented for the tests).
"""

from __future__ import annotations

from pathlib import Path

from reporter.data.load import load_dataset
from tests.commands.test_add import BUNDLED, Q3_SOURCE, Terminal, terminal  # noqa: F401  (terminal: the pty fixture)
from tests.conftest import run

NEW_METRIC = ["--new-metric", "industry_value_added", "--zh", "规上工业增加值", "--unit", "亿元", "--theme", "rd",
              "--kind", "flow"]
FACT = ["江山", "规上工业增加值", "812.5", "--period", "2020年1-9月", "--source", "jiangshan-q3",
        "--quote", "1-9月全市规上工业增加值812.5亿元"]


def test_a_new_metric_from_flags_is_defined_and_takes_facts(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(Q3_SOURCE, encoding="utf-8")
    data = ["--data", "bundled", "--data", str(mine)]
    defined = run("--lang", "zh", *data, "add", *NEW_METRIC, "--file", str(mine))
    assert defined.code == 0 and "已在" in defined.stderr and "“规上工业增加值”（industry_value_added）" in defined.stderr
    text = mine.read_text(encoding="utf-8")
    assert text.startswith(Q3_SOURCE)  # what was there stays
    assert "metrics:\n  industry_value_added:\n    zh: 规上工业增加值\n    unit: 亿元\n    theme: rd\n    kind: flow\n" in text
    metric = load_dataset([BUNDLED, mine]).metrics["industry_value_added"]
    assert (metric.en, metric.polarity) == ("规上工业增加值", "higher")  # no English name yet: the Chinese one
    fact = run(*data, "add", *FACT)
    assert fact.code == 0, fact
    assert run(*data, "get", "江山", "规上工业增加值").stdout == "812.5亿元\n"
    again = run("--lang", "en", *data, "add", *NEW_METRIC)
    assert again.code == 1 and "metric 'industry_value_added' already exists (defined at" in again.stderr


def test_what_a_new_metric_lacks_is_a_usage_error_off_a_terminal(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    lacking = run("--lang", "en", "add", "--new-metric", "x1", "--zh", "甲", "--file", str(mine))
    assert lacking.code == 2 and "--new-metric ID needs --unit, --theme, --kind" in lacking.stderr
    wrong_kind = run("--lang", "en", "add", *NEW_METRIC[:-1], "stream", "--file", str(mine))
    assert wrong_kind.code == 2 and "'stream'" in wrong_kind.stderr and "flow" in wrong_kind.stderr
    theme = run("--lang", "zh", "add", *NEW_METRIC[:6], "--theme", "没有的主题", "--kind", "flow", "--file", str(mine))
    assert theme.code == 2 and "未知的主题“没有的主题”" in theme.stderr
    stray = run("--lang", "en", "add", "--new-source", "s1", "--zh", "甲", "--file", str(mine))
    assert stray.code == 2 and "--zh go with --new-metric ID" in stray.stderr
    assert not mine.exists()


def test_a_new_source_from_flags_is_whole_and_a_fact_may_name_it(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    data = ["--data", "bundled", "--data", str(mine)]
    declared = run("--lang", "en", *data, "add", "--new-source", "jiangshan-q3", "--publication", "江山市统计局",
                   "--title", "2020年前三季度统计分析", "--date", "2020-10", "--file", str(mine))
    assert declared.code == 0 and "defined source 'jiangshan-q3' in" in declared.stderr, declared
    text = mine.read_text(encoding="utf-8")
    assert '  jiangshan-q3:\n    publication: 江山市统计局\n    title: "2020年前三季度统计分析"\n    date: "2020-10"\n' in text
    assert "TODO" not in text
    assert run(*data, "add", *NEW_METRIC).code == 0
    assert run(*data, "add", *FACT).code == 0
    assert run(*data, "check").code == 0


def test_the_users_file_is_started_in_the_readers_language(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    assert run("--lang", "zh", "--data", "bundled", "add", "--new-source", "s1", "--file", str(mine)).code == 0
    text = mine.read_text(encoding="utf-8")
    assert text.startswith("# 您自己的 reporter 数据") and "设为默认：export REPORTER_DATA=" in text
    assert 'publication: ""  # TODO 发布单位或报刊' in text and 'date: ""  # TODO 发布年月' in text
    checked = run("--data", "bundled", "--data", str(mine), "check", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert checked.code == 0 and "来源“s1”尚未填完，填好之前不予采用" in checked.stderr
    assert "3条提醒" in checked.stderr


def test_a_duplicate_is_a_data_problem_said_in_words(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    args = ["add", "江山", "研发投入", "2.06", "--unit", "亿元", "--period", "2020年1-5月", "--quote", "研发投入2.06亿元",
            "--source", "page-2020-kjdd", "--file", str(mine)]
    chinese = run(*args, env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert chinese.code == 1, chinese
    assert chinese.stderr.startswith("reporter: 江山市已有2020年1-5月的“规上企业研发投入”（见 ")
    assert "jiangshan" not in chinese.stderr and "2020-01/05" not in chinese.stderr  # words, not ids
    english = run("--lang", "en", *args)
    assert english.code == 1 and "Jiangshan already has" in english.stderr and "Jan–May 2020" in english.stderr
    assert not mine.exists()


# --------------------------------------------------------------------------- on a terminal


def test_an_unknown_metric_and_source_are_defined_on_the_way_and_no_answer_is_lost(
        tmp_path: Path, terminal: type[Terminal]) -> None:  # noqa: F811
    mine = tmp_path / "mine.yaml"
    t = terminal(["--lang", "zh", "--data", "bundled", "add", "--file", str(mine)])
    t.answer("地区: ", "江山")
    t.answer(r"指标（代码或名称）: ", "规上工业增加值")
    t.answer(r"目录中没有“规上工业增加值”：要把它定义为新指标吗？\(y/n\) \[y\]: ", "")
    t.answer(r"新指标的代码.*: ", "Industry VA")
    t.expect("代码")  # not an id: asked again
    t.answer(r"新指标的代码.*: ", "industry_value_added")
    t.answer(r"新指标的中文名.*\[规上工业增加值\]: ", "")  # the name typed is the default
    t.answer(r"新指标的英文名.*: ", "")  # optional
    t.answer(r"新指标的单位.*: ", "亿元")
    t.answer(r"新指标的主题.*: ", "研发")
    t.answer(r"新指标的类型.*: ", "flow")
    t.answer(r"新指标的好坏方向.*: ", "")
    t.expect(r"industry_value_added · 规上工业增加值 / — · 单位 亿元 · 主题 rd · 类型 flow · 方向 higher")
    t.answer(r"在 .*mine.yaml 中定义此指标？\(y/n\) \[y\]: ", "y")
    t.expect(r"已在 .*mine.yaml 中定义指标“规上工业增加值”")
    t.answer(r"数值（按原文.*）: ", "812.5")  # the fact goes on where it was
    t.answer(r"单位 \[亿元\]: ", "")
    t.answer(r"时期.*: ", "2020年1-9月")
    t.answer(r"限定.*: ", "")
    t.answer(r"同比增减.*: ", "5.2")
    t.answer(r"引文.*: ", "1-9月全市规上工业增加值812.5亿元，同比增长5.2%")
    t.answer(r"来源代码.*: ", "jiangshan-q3")
    t.answer(r"来源“jiangshan-q3”尚未登记：现在登记吗？\(y/n\) \[y\]: ", "")
    t.answer(r"来源“jiangshan-q3”的发布单位.*: ", "江山市统计局")
    t.answer(r"来源“jiangshan-q3”的标题.*: ", "前三季度统计分析")
    t.answer(r"来源“jiangshan-q3”的发布年月.*: ", "2020-10")
    t.answer(r"在 .*mine.yaml 中登记此来源？\(y/n\) \[y\]: ", "")
    t.expect(r"江山市 · 规上工业增加值 · 812.5亿元 · 2020年1-9月 · 同比5.2% · 来源 jiangshan-q3")
    t.answer(r"将此数据添加到 .*？\(y/n\) \[y\]: ", "")
    t.expect(r"已将江山市“规上工业增加值”2020年1-9月 812.5亿元添加到")
    t.answer(r"地区 \[jiangshan\]: ", "")
    t.end_input(r"指标（代码或名称）: ")  # Ctrl-D once the question waits for a key
    assert t.wait() == 0
    data = load_dataset([BUNDLED, mine])
    assert data.sources["jiangshan-q3"].publication == "江山市统计局"
    [fact] = data.facts_of("jiangshan", "industry_value_added")
    assert (fact.quantity.written, fact.source, fact.yoy_written) == ("812.5", "jiangshan-q3", "5.2")


def test_n_at_the_confirmation_changes_one_answer(tmp_path: Path, terminal: type[Terminal]) -> None:  # noqa: F811
    mine = tmp_path / "mine.yaml"
    mine.write_text(Q3_SOURCE, encoding="utf-8")
    t = terminal(["--lang", "zh", "--data", "bundled", "add", "--file", str(mine)])
    t.answer("地区: ", "江山")
    t.answer(r"指标（代码或名称）: ", "研发投入")
    t.answer(r"数值（按原文.*）: ", "3.1")
    t.answer(r"单位 \[万元\]: ", "亿元")
    t.answer(r"时期.*: ", "2020年1-9月")
    t.answer(r"限定.*: ", "")
    t.answer(r"同比增减.*: ", "")
    t.answer(r"引文.*: ", "1-9月全市规上企业研发投入3.1亿元")
    t.answer(r"来源代码.*: ", "jiangshan-q3")
    t.expect(r"江山市 · 规上企业研发投入 · 3.1亿元 · 2020年1-9月")
    t.answer(r"将此数据添加到 .*？\(y/n\) \[y\]: ", "n")
    t.answer(r"要修改哪一项？.*: ", "数量")
    t.expect(r"“数量”不是可选项")
    t.answer(r"要修改哪一项？.*: ", "时期")
    t.answer(r"时期.*\[2020年1-9月\]: ", "2020年1-6月")  # only this one is asked again
    t.expect(r"引文写的时期是“1-9月”")  # the quote says 1-9月: the change makes it wrong, so it is asked
    t.answer(r"引文.*: ", "1-6月全市规上企业研发投入3.1亿元")
    t.expect(r"江山市 · 规上企业研发投入 · 3.1亿元 · 2020年上半年 · 来源 jiangshan-q3")  # 1-6月 is one span: 上半年
    t.answer(r"将此数据添加到 .*？\(y/n\) \[y\]: ", "")
    t.expect(r"已将江山市“规上企业研发投入”2020年上半年 3.1亿元添加到")
    t.answer(r"地区 \[jiangshan\]: ", "")
    t.end_input(r"指标.*: ")  # Ctrl-D once the next question waits: the user is done
    assert t.wait() == 0
    text = mine.read_text(encoding="utf-8")
    assert "period: 2020-H1" in text and "1-6月全市" in text and "2020-01/09" not in text


def test_what_the_flags_leave_out_is_asked_on_a_terminal(tmp_path: Path, terminal: type[Terminal]) -> None:  # noqa: F811
    mine = tmp_path / "mine.yaml"
    t = terminal(["--lang", "en", "--data", "bundled", "add", "--new-metric", "new_hightech_firms",
                  "--zh", "新增高新技术企业", "--file", str(mine)])
    t.answer(r"New metric, en .*: ", "New high-tech enterprises")
    t.answer(r"New metric, unit .*: ", "家")
    t.answer(r"New metric, theme .*: ", "no such theme")
    t.expect(r"unknown theme 'no such theme'")
    t.answer(r"New metric, theme .*: ", "enterprises")
    t.answer(r"New metric, kind .*: ", "count")
    t.answer(r"New metric, polarity .*: ", "")
    t.expect(r"new_hightech_firms · 新增高新技术企业 / New high-tech enterprises · unit 家 · theme enterprises · "
             r"count · higher")
    t.answer(r"Define this metric in .*\? \(y/n\) \[y\]: ", "")
    t.expect(r"defined metric new_hightech_firms \(New high-tech enterprises\) in")
    assert t.wait() == 0
    metric = load_dataset([BUNDLED, mine]).metrics["new_hightech_firms"]
    assert (metric.zh, metric.en, metric.unit, metric.theme, metric.kind) == (
        "新增高新技术企业", "New high-tech enterprises", "家", "enterprises", "count")


def test_a_chinese_terminal_shows_no_english(tmp_path: Path, terminal: type[Terminal]) -> None:  # noqa: F811
    """Under a Chinese locale, with no --lang: the questions, complaints, the fact shown and what was
    written are Chinese; only what is typed (ids, periods, file names) is in Latin letters."""
    import re

    mine = tmp_path / "mine.yaml"
    mine.write_text(Q3_SOURCE, encoding="utf-8")
    t = terminal(["--data", "bundled", "add", "--file", str(mine)], env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    t.answer("地区: ", "江山县")
    t.answer("地区: ", "江山")
    t.answer(r"指标（代码或名称）: ", "研发投入")
    t.answer(r"数值（按原文.*）: ", "3,1")
    t.answer(r"数值（按原文.*）: ", "3.1")
    t.answer(r"单位 \[万元\]: ", "亿元")
    t.answer(r"时期.*: ", "2020年1-5月")  # the data have it: said in words
    t.answer(r"时期.*: ", "2020年1-9月")
    t.answer(r"限定.*: ", "")
    t.answer(r"同比增减.*: ", "")
    t.answer(r"引文.*: ", "1-9月全市规上企业研发投入3.1亿元")
    t.answer(r"来源代码.*: ", "jiangshan-q3")
    t.answer(r"将此数据添加到 .*？\(y/n\) \[y\]: ", "")
    t.answer(r"地区 \[jiangshan\]: ", "")
    t.end_input(r"指标（代码或名称）: ")  # Ctrl-D once the question waits for a key
    assert t.wait() == 0
    typed = {"jiangshan", "rd_investment", "exact", "more_than", "approx", "nearly", "at_least", "target", "asof",
             "page", "kjdd", "jiangshan-q3", "q3", "reporter", "add", "new", "source", "file", "data", "bundled", "y",
             "n", "h1", "ctrl", "tab", "d", "q", "show"}  # ids, commands and keys to type
    shown = re.sub(r"/\S+|[\w.-]+\.yaml|--[\w-]+|\d{4}-\d\d(/\d\d)?|\b\w+-H\d\b", " ", t.seen)  # paths, options, periods
    english = {w for w in re.findall(r"[A-Za-z][A-Za-z_]*", shown) if w.casefold() not in typed}
    assert not english, (english, t.seen)

"""Every word reporter shows around the data, in English and Chinese, in one table: (en, zh) pairs,
the order of every table of words (reporter.messages, reporter.cli.help_words).

Views never write ``"数据" if lang == "zh" else "Facts"``: they ask ``Labels(lang)`` for a key,
and a key with ``{placeholders}`` is a phrase filled by keyword. A new language is a new
column here.
"""

from __future__ import annotations

from typing import Any

from reporter.model.records import LEVELS_ZH

TEXTS: dict[str, tuple[str, str]] = {
    # column headers
    "region": ("region", "地区"), "region_name": ("region", "地区"), "name": ("name", "名称"),
    "name_en": ("English", "英文名"), "level": ("level", "级别"), "prefecture": ("prefecture", "地级市"),
    "facts": ("facts", "数据条数"), "latest": ("latest", "最新时期"), "metric": ("id", "代码"),
    "label": ("metric", "指标"), "unit": ("unit", "单位"), "polarity": ("better", "方向"), "kind": ("kind", "类型"),
    "theme": ("theme", "主题"), "regions": ("regions", "地区"), "value": ("value", "数值"),
    "period": ("period", "时期"),
    "qualifier": ("qualifier", "限定"), "change": ("change", "变化"), "quote": ("quote", "原文"),
    "position": ("rank", "名次"), "bar": ("", ""), "trend": ("trend", "走势"), "previous": ("previous", "上期"),
    "previous_period": ("previous period", "上期时期"), "delta": ("change", "增减"), "pct": ("change %", "增幅"),
    "direction": ("direction", "方向"), "basis": ("basis", "依据"), "type": ("type", "类型"), "text": ("text", "内容"),
    "source": ("source", "来源"), "note": ("note", "备注"),
    "rank.official_value": ("official rank (as reported)", "官方位次（原文）"),
    "rank.our_order": ("our order", "本表排序"),
    # titles
    "title.facts": ("Facts", "数据"), "title.regions": ("Regions", "地区"), "title.metrics": ("Metrics", "指标"),
    "title.highlights": ("Highlights", "亮点"), "title.search": ("Search results", "搜索结果"),
    "title.show": ("{region} ({prefecture})", "{region}（{prefecture}）"),
    "title.delta": ("{region}: year over year", "{region} 同比变化"),
    "title.rank": ("{metric} · {period}", "{metric} · {period}"),
    # cells and phrases
    "list": (", ", "、"),
    "with_period": ("{value} ({period})", "{value}（{period}）"),
    "some_of_many": ("{shown}… ({count} in all)", "{shown}…（共{count}个）"),
    "rank.position": ("{position} of {total}", "第{position}（共{total}）"),
    "type.fact": ("fact", "数据"), "type.highlight": ("highlight", "亮点"),
    "reported_previous": ("previous {value}", "上期{value}"),
    "good": ("better", "好转"), "bad": ("worse", "变差"),
    "left_out.item": ("{period} ({count})", "{period}（{count}）"),
    "left_out": ("left out (other periods, not comparable): {listed}; use --period {example} etc. to rank one",
                 "未参与排名（时期不同，不可比）：{listed}；用 --period {example} 等查看该期排名"),
    "computed_yoy": ("{pct} y/y", "同比{pct}"),
    "places.up": ("up {n} places", "↑{n}位"), "places.up.1": ("up 1 place", "↑1位"),
    "places.down": ("down {n} places", "↓{n}位"), "places.down.1": ("down 1 place", "↓1位"),
    "places.same": ("unchanged", "位次不变"),
    "span": ("{first} to {last}", "{first}至{last}"),
    "shared": ("{header}: {value}", "{header}：{value}"),
    "compare.mixed": ("note: {count} metric{s} put values of different periods side by side "
                      "(e.g. {label}: {periods}); use --period to compare one period",
                      "注意：{count}项指标把不同时期的数值并列（如{label}：{periods}）；用 --period 只比较同一时期"),
    "compare.unstated_beside": ("note: {count} metric{s} set a value whose period the source does not state beside "
                                "others (e.g. {label}: {regions}); they are not comparable",
                                "注意：{count}项指标把原文未注明时期的数值与其他数值并列（如{label}：{regions}），它们不可比"),
    "compare.unstated": ("left out (the source states no period): {listed}", "未列入（原文未注明时期，不可比）：{listed}"),
    "rank.unstated": ("not ranked (the source states no period): {listed}",
                      "未参与排名（原文未注明时期，不可比）：{listed}"),
    "compare.left_out": ("left out (other periods, not comparable): {listed}; use --period {example} etc.",
                         "未列入（时期不同，不可比）：{listed}；用 --period {example} 等查看该期"),
    "rank.other_periods": ("other periods: use --period, or --each-period for each",
                           "其他时期：用 --period 指定，或用 --each-period 逐期排名"),
    "rank.gained": ("places", "名次变化"),
    "title.compare_many": ("{count} regions compared", "{count}个地区比较"),
    "title.in_period": ("{title} · {period}", "{title} · {period}"),
    "title.rank_history": ("{region}: rank on {metric}", "{region} · {metric} 历年名次"),
    "title.delta_latest": ("{region}: latest year-over-year changes", "{region} 最新同比变化"),
    "title.delta_all": ("{metric}: each region's latest change", "{metric} · 各地区最新同比变化"),
    "title.delta_every": ("Each region's latest change of each metric", "各地区各指标最新同比变化"),
    "delta.worse": ("{count} of {total} changes went the wrong way", "{total}项变化中{count}项变差"),
    "delta.none_worse": ("none of {total} changes went the wrong way", "{total}项变化均未变差"),
    "title.by_period": ("{metric}: every region by period (ranked by {period})",
                        "{metric} · 各地区历年数值（按{period}名次）"),
    # words for values of the data
    **{f"level.{level}": (level, zh) for level, zh in LEVELS_ZH.items()},
    "polarity.higher": ("higher", "越高越好"), "polarity.lower": ("lower", "越低越好"),
    "kind.flow": ("flow", "流量"), "kind.stock": ("stock", "存量"), "kind.rate": ("rate", "比率"),
    "kind.rank": ("rank", "位次"), "kind.count": ("count", "计数"), "kind.target": ("target", "目标"),
    "basis.computed": ("computed", "两期计算"),
    "basis.reported_pct": ("derived from reported %", "据报道增幅推算"),
    "basis.reported_previous": ("reported previous", "据报道上期值"),
    "basis.reported_rank_change": ("derived from reported rank change", "据报道位次变化推算"),
    # blocks added beside the words work: show --sources, config, a province at a glance, honest to the letter
    "source_note": ("source {id}: {title} ({date}; text {file})", "来源 {id}：{title}（{date}；原文 {file}）"),
    "config.setting": ("setting", "设置"),
    "config.value": ("value", "值"),
    "config.origin": ("from", "来自"),
    "config.option": ("command line", "命令行选项"),
    "config.default": ("default", "默认值"),
    "config.environment": ("environment ({name})", "环境变量 {name}"),
    "title.config": ("Settings", "设置"),
    "title.stats": ("{metric} by {by} ({period})", "{metric}：按{by}统计（{period}）"),
    "stats.by.prefecture": ("prefecture", "地级市"),
    "stats.by.province": ("province", "省份"),
    "stats.by.level": ("level", "层级"),
    "stats.whole": ("all", "全部"),
    "stats.count": ("regions", "地区数"),
    "stats.sum": ("sum", "合计"),
    "stats.mean": ("mean", "平均"),
    "stats.median": ("median", "中位数"),
    "stats.min": ("min", "最小"),
    "stats.max": ("max", "最大"),
    "stats.share": ("share", "占比"),
    "rank.within": ("rank in {group}", "{group}内名次"),
    "delta.older_mark": ("*", "*"),
    "baseline": ("bars start at {value}", "条形起点：{value}"),
    "period_basis.stated": ("(period: stated)", "（时期：原文注明）"),
    "period_basis.carried": ("(period: carried from the lead)", "（时期：沿用段首或标题）"),
    "period_basis.assumed": ("(period: assumed)", "（时期：推定）"),
    "legend.assumed": ("note: {mark} marks a period that is assumed: no time word of its clause fixes it, so it is read from the source's date or readings (show --sources says how each period is known)", "注：{mark} 表示时期为推定：原文该句没有确定时期的时间词，按报道日期或来源的读法推定（show --sources 逐条说明）"),
    "assumed.aside": (", period assumed", "，时期为推定"),
    "assumed.said": (" (period assumed)", "（时期为推定）"),
    "legend.target": ("note: → marks a target (a plan), not a result", "注：→ 表示目标值（计划数），不是实际完成数"),
    "window.undated_left": ("note: {count} figure{s} whose period the source does not state {are} not results of the periods asked for and left out; --with-undated lists them apart", "注：{count}项原文未注明时期的数值不属于所问时期，未列入；用 --with-undated 另行列出"),
    "window.undated_apart": ("note: figures whose period the source does not state are listed apart, after the dated ones; they are not results of the periods asked for", "注：原文未注明时期的数值另列于有时期的数值之后，并非所问时期的结果"),
    # the official's work: growth-only facts ranked by their change
    "rank.by_change": ("ranked by the reported change: the period's figures give no level, only a change year on year", "按同比增减排名：该期数据只有增幅、没有总量"),
}

LANGS = ("en", "zh")  # the order of every pair of words, as in reporter.messages


class Labels:
    """The words of one language: ``labels("title.facts")``, ``labels("with_period", value=…, period=…)``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._column = LANGS.index(lang)

    def __call__(self, key: str, **values: Any) -> str:
        text = TEXTS[key][self._column]
        return text.format(**values) if values else text

    def get(self, key: str, default: str) -> str:
        """The words for ``key``, or ``default`` when the table has none (a value the data invented)."""
        return TEXTS[key][self._column] if key in TEXTS else default

    def join(self, items: list[str]) -> str:
        return self("list").join(items)

    def pick(self, zh: str, en: str) -> str:
        """One of a pair the data itself gives in both languages (a theme's names, say); en falls back to zh."""
        return zh if self.lang == "zh" or not en else en

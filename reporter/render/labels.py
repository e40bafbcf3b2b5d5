"""Every word reporter shows around the data, in Chinese and English, in one table.

Views never write ``"数据" if lang == "zh" else "Facts"``: they ask ``Labels(lang)`` for a key,
and a key with ``{placeholders}`` is a phrase filled by keyword. A new language is a new
column here.
"""

from __future__ import annotations

from typing import Any

from reporter.model.records import LEVELS_ZH

TEXTS: dict[str, tuple[str, str]] = {
    # column headers
    "region": ("地区", "region"), "region_name": ("地区", "region"), "name": ("名称", "name"),
    "name_en": ("英文名", "English"), "level": ("级别", "level"), "prefecture": ("地级市", "prefecture"),
    "facts": ("数据条数", "facts"), "latest": ("最新时期", "latest"), "metric": ("代码", "id"),
    "label": ("指标", "metric"), "unit": ("单位", "unit"), "polarity": ("方向", "better"), "kind": ("类型", "kind"),
    "theme": ("主题", "theme"), "regions": ("地区", "regions"), "value": ("数值", "value"),
    "period": ("时期", "period"),
    "qualifier": ("限定", "qualifier"), "change": ("变化", "change"), "quote": ("原文", "quote"),
    "position": ("名次", "rank"), "bar": ("", ""), "trend": ("走势", "trend"), "previous": ("上期", "previous"),
    "previous_period": ("上期时期", "previous period"), "delta": ("增减", "change"), "pct": ("增幅", "change %"),
    "direction": ("方向", "direction"), "basis": ("依据", "basis"), "type": ("类型", "type"), "text": ("内容", "text"),
    "source": ("来源", "source"), "note": ("备注", "note"),
    "rank.official_value": ("官方位次（原文）", "official rank (as reported)"),
    "rank.our_order": ("本表排序", "our order"),
    # titles
    "title.facts": ("数据", "Facts"), "title.regions": ("地区", "Regions"), "title.metrics": ("指标", "Metrics"),
    "title.highlights": ("亮点", "Highlights"), "title.search": ("搜索结果", "Search results"),
    "title.show": ("{region}（{prefecture}）", "{region} ({prefecture})"),
    "title.delta": ("{region} 同比变化", "{region}: year over year"),
    "title.rank": ("{metric} · {period}", "{metric} · {period}"),
    # cells and phrases
    "list": ("、", ", "),
    "with_period": ("{value}（{period}）", "{value} ({period})"),
    "some_of_many": ("{shown}…（共{count}个）", "{shown}… ({count} in all)"),
    "rank.position": ("第{position}（共{total}）", "{position} of {total}"),
    "type.fact": ("数据", "fact"), "type.highlight": ("亮点", "highlight"),
    "reported_previous": ("上期{value}", "previous {value}"),
    "good": ("好转", "better"), "bad": ("变差", "worse"),
    "left_out.item": ("{period}（{count}）", "{period} ({count})"),
    "left_out": ("未参与排名（时期不同，不可比）：{listed}；用 --period {example} 等查看该期排名",
                 "left out (other periods, not comparable): {listed}; use --period {example} etc. to rank one"),
    "computed_yoy": ("同比{pct}", "{pct} y/y"),
    "places.up": ("↑{n}位", "up {n} places"), "places.up.1": ("↑1位", "up 1 place"),
    "places.down": ("↓{n}位", "down {n} places"), "places.down.1": ("↓1位", "down 1 place"),
    "places.same": ("位次不变", "unchanged"),
    "span": ("{first}至{last}", "{first} to {last}"),
    "shared": ("{header}：{value}", "{header}: {value}"),
    "compare.mixed": ("注意：{count}项指标把不同时期的数值并列（如{label}：{periods}）；用 --period 只比较同一时期",
                      ("note: {count} metric{s} put values of different periods side by side "
                       "(e.g. {label}: {periods}); use --period to compare one period")),
    "compare.unstated_beside": (
        "注意：{count}项指标把原文未注明时期的数值与其他数值并列（如{label}：{regions}），它们不可比",
        ("note: {count} metric{s} set a value whose period the source does not state beside others "
         "(e.g. {label}: {regions}); they are not comparable")),
    "compare.unstated": ("未列入（原文未注明时期，不可比）：{listed}", "left out (the source states no period): {listed}"),
    "rank.unstated": ("未参与排名（原文未注明时期，不可比）：{listed}",
                      "not ranked (the source states no period): {listed}"),
    "compare.left_out": ("未列入（时期不同，不可比）：{listed}；用 --period {example} 等查看该期",
                         "left out (other periods, not comparable): {listed}; use --period {example} etc."),
    "rank.other_periods": ("其他时期：用 --period 指定，或用 --each-period 逐期排名",
                           "other periods: use --period, or --each-period for each"),
    "rank.by_change": ("按同比增减排名：该期数据只有增幅、没有总量", "ranked by the reported change: the period's figures "
                                                           "give no level, only a change year on year"),
    "rank.gained": ("名次变化", "places"),
    "title.compare_many": ("{count}个地区比较", "{count} regions compared"),
    "title.in_period": ("{title} · {period}", "{title} · {period}"),
    "title.rank_history": ("{region} · {metric} 历年名次", "{region}: rank on {metric}"),
    "title.delta_latest": ("{region} 最新同比变化", "{region}: latest year-over-year changes"),
    "title.delta_all": ("{metric} · 各地区最新同比变化", "{metric}: each region's latest change"),
    "title.delta_every": ("各地区各指标最新同比变化", "Each region's latest change of each metric"),
    "delta.worse": ("{total}项变化中{count}项变差", "{count} of {total} changes went the wrong way"),
    "delta.none_worse": ("{total}项变化均未变差", "none of {total} changes went the wrong way"),
    "title.by_period": ("{metric} · 各地区历年数值（按{period}名次）",
                        "{metric}: every region by period (ranked by {period})"),
    # words for values of the data
    **{f"level.{level}": (zh, level) for level, zh in LEVELS_ZH.items()},
    "polarity.higher": ("越高越好", "higher"), "polarity.lower": ("越低越好", "lower"),
    "kind.flow": ("流量", "flow"), "kind.stock": ("存量", "stock"), "kind.rate": ("比率", "rate"),
    "kind.rank": ("位次", "rank"), "kind.count": ("计数", "count"), "kind.target": ("目标", "target"),
    "basis.computed": ("两期计算", "computed"),
    "basis.reported_pct": ("据报道增幅推算", "derived from reported %"),
    "basis.reported_previous": ("据报道上期值", "reported previous"),
    "basis.reported_rank_change": ("据报道位次变化推算", "derived from reported rank change"),
}

LANGS = ("zh", "en")


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

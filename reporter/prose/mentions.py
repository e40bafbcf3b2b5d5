"""What a number mention is: a quantity or not (an ordinal, a name, a vague count), its value and
unit as written, the word that makes it a plan, and the period of a rate it is compared with.

Split from :mod:`reporter.prose.readings`, which reads the mentions of a text; the vocabulary is
the tables below.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reporter.model import units
from reporter.prose.changes import CLAUSE_MARKS, clause_start
from reporter.prose.figure_names import clause_end
from reporter.prose.numerals import POINT, ZH_DIGITS, chinese_decimal
from reporter.prose.time_words import PeriodWord, period_words

QUALIFIER_BEFORE = {"不少于": "at_least", "不低于": "at_least", "至少": "at_least", "超过": "more_than",
                    "多于": "more_than", "突破": "more_than", "超": "more_than", "逾": "more_than",
                    "大约": "approx", "约": "approx", "将近": "nearly", "接近": "nearly", "近": "nearly"}
TARGET_WORDS = ("目标", "力争", "争取", "预期", "控制在", "计划", "应完成")  # 计划 only before a verb (not 人才计划); 应完成: a quota
PLAN_VERBS = "招引实施完成新建投资引进培育开工建设建成新增实现"  # 计划招引…: a plan, not a programme's name
ESTIMATE_WORDS = ("预计", "预测", "初步")  # of a period still running: a target; of one ended: an estimate
ACHIEVED = ("完成", "达到", "实现")  # 完成年度目标任务215%, 6个指标达到市确保目标: the plan met, not a plan
SAME_PERIOD_LAST_YEAR = ("上年同期", "去年同期")  # 较上年同期（3.2%）: the rate a year before
LIST_COUNTERS = ("个", "家", "项", "类", "种", "所", "座", "条")  # A、B、C三个行业, 发展和生态两条底线: counting the names before it
NAME_COUNTERS = ("种", "类")  # 四种肉产量5989.4吨: kinds named before a figure, not a count of them
RANK_WORDS = ("排名", "排", "位居", "居", "位列", "列", "全国", "全省", "全市", "全区", "全县", "名次", "位次")
MULTIPLIERS = {"千": 1000, "万": 10_000, "亿": 100_000_000}
VAGUE_BEFORE = "数几"  # 数百家, 几十人: no number a data file can hold; not drafted
BARE = ("百", "千", "万")  # 近百家, 百余家, 超千人: a number only beside a qualifier
CJK = r"[\u4e00-\u9fff]"
BAR_WORDS = ("超过", "高于", "低于", "不低于", "达到", "在")  # …有10个行业增速超过30%: a bar, after a count
_THRESHOLD_UNITS = ("元", "万元", "亿元", "平方米", "万平方米", "%")  # 5000万元以上项目: a name's threshold


def number_text(written: str, multiplier: str = "") -> str:
    """Digits for a number as printed: ``1,200`` → ``1200``, ``三`` → ``3``, ``三`` + 万 → ``30000``."""
    digits = written.replace(",", "") if written[0].isdigit() else str(chinese_decimal(written))
    if not multiplier:
        return digits
    return str(units.normalise(Decimal(digits) * MULTIPLIERS[multiplier]))


def is_quantity(masked: str, m: re.Match[str]) -> bool:
    """Ordinals (第三届), the article 一 (一家企业, 唯一一家), vague counts (数百家, 几十人, 千家万户),
    names (三次产业, 十个深度贫困县之一, 5000万元以上项目) are not quantities; a bare 百/千/万 is one beside
    a qualifier (近百家, 百余家, 超千人); 第2 without 位 is a rank where its clause ranks (全市排名第2)."""
    unit = m.group("unit") or m.group("unit2")
    num = m.group("num")
    if m.group("ord"):
        if m.group("nounit") is not None:
            clause = masked[clause_start(masked, m.start()):m.start()]
            return "." not in num and any(w in clause for w in RANK_WORDS)
        return unit in ("位", "名") and not m.group("mul")
    if m.group("nounit") is not None or (m.group("bare") and not num[0].isdigit()):
        return False
    before = masked[m.start() - 1] if m.start() > 0 else ""
    if before and (before.isdigit() or before in ".-"
                   or (not num[0].isdigit() and (before in ZH_DIGITS or before in VAGUE_BEFORE))):
        return False
    if re.search("[一二两三四五六七八九]{2}", num.partition(POINT)[0]):  # 一一, 三四: not a numeral
        return False
    if num in BARE:
        said = masked[max(0, m.start() - 3):m.start()]
        return bool(m.group("mid") or m.group("mid2")) or any(said.endswith(w) for w in QUALIFIER_BEFORE)
    after = masked[m.end():m.end() + 1]
    if m.group("post") == "以上" and unit in _THRESHOLD_UNITS and re.match(CJK, after):
        return False  # 5000万元以上项目: a threshold in a name
    if unit == "位" and after == "数":
        return False  # 两位数增长: how many digits, a manner
    clause = masked[clause_start(masked, m.start()):m.start()]
    if clause.endswith("连续"):
        return False  # 连续三个季度位列全市首位: how long it held, not a figure
    if clause.endswith(BAR_WORDS) and re.search(r"有(?:\d+|[一二两三四五六七八九十]+)[个家项]", clause):
        return False  # 有10个行业产值同比增速超过30%: the bar the counted items clear, not a figure
    if re.match(CJK, after) and "之一" in masked[m.end():clause_end(masked, m.end())]:
        return False  # 十个深度贫困县之一, 为全国15个县市区之一: the group it is one of, not a count of its own
    if len(num) == 1 and num in "两二三四五六七八九十" and unit in LIST_COUNTERS and re.search("[、和及与]", clause):
        return False  # 汽车制造业、食品制造业…三个行业, A村和B村两个示范村: the count of the list just named
    if not num[0].isdigit() and re.match(CJK, after):
        rest = masked[m.end():clause_end(masked, m.end())]
        if (unit in NAME_COUNTERS and re.search(r"\d", rest)) or (unit == "次" and after == "产"):
            return False  # 猪牛羊禽四种肉产量5989.4吨, 三次产业: a name
    if num == "一":
        return m.start() > 0 and masked[m.start() - 1] != "唯" and (not after or after in CLAUSE_MARKS + "、")
    return True


def value_and_unit(m: re.Match[str]) -> tuple[str, str]:
    """The value and unit as written: 20.98万人 stays 20.98 万人; Chinese numerals in digits (三万人 → 30000 人)."""
    num = m.group("num")
    if m.group("ord"):
        value, unit = number_text(num), "位"
    elif m.group("bare"):
        value, unit = number_text(num), m.group("bare")
    elif m.group("mul") and num[0].isdigit():
        value, unit = number_text(num), m.group("mul") + m.group("unit2")
    else:
        value, unit = number_text(num, m.group("mul") or ""), m.group("unit") or m.group("unit2")
    if m.group("per") and not m.group("ord"):
        unit += m.group("per")  # 2 万吨/年
    return ("-" + value if m.group("sign") else value), unit


def plan_word(masked: str, start: int, at: int) -> str:
    """The word that makes a figure a plan (目标, 力争, 计划招引 …) or an estimate (预计), if any."""
    before = masked[max(start, at - 200):at]  # a plan's word opens its sentence, not pages before
    for word in TARGET_WORDS + ESTIMATE_WORDS:
        i = before.rfind(word)
        if i < 0:
            continue
        if word == "计划" and before[i + 2:i + 3] not in tuple(PLAN_VERBS):
            continue
        if word == "目标" and any(w in before[max(0, i - 12):i] for w in ACHIEVED):
            continue
        return word
    return ""


_BASE_VALUE = re.compile(r"(?:对比|相比|比|较)(?P<when>\d{4}[ 　]?年|上年|去年)的?(?P<what>[^，。；、（\d]{0,8})$")
_MOVES = re.compile("[增减多少提降高低升落涨跌快慢超]")


def base_value(masked: str, start: int, at: int) -> PeriodWord | None:
    """The period of a figure that is a comparison's base (对比2014年所占比重29.5%增长了12.4%; 较上年的
    25%): the base's period, when nothing between it and the figure says how it moved."""
    said = _BASE_VALUE.search(masked[max(start, at - 24):at])
    if said is None or _MOVES.search(said.group("what")) or said.group("what").startswith("同期"):
        return None  # 较上年同期（3.2%）: the same period a year before (compared_with)
    words = period_words(said.group("when"))
    return words[-1]._replace(start=at, end=at) if words else None


def compared_with(masked: str, at: int, period: PeriodWord | None) -> PeriodWord | None:
    """The period of a rate in brackets after 较/比 + a period (较一季度（-10.8%）, 较上年同期（3.2%）):
    that period, or the same one a year before; None when the number is no such rate."""
    if at < 2 or masked[at - 1] != "（":
        return None
    said = re.search(r"[较比与](?P<base>[^，。；（）\n]{1,8})$", masked[max(0, at - 10):at - 1])
    if said is None:
        return None
    base = said.group("base")
    if base in SAME_PERIOD_LAST_YEAR:
        if period is None:
            return None
        return period._replace(year=period.year - 1) if period.year is not None else period._replace(back=1)
    words = period_words(base)
    return words[-1]._replace(start=at, end=at) if words and words[-1].end == len(base) else None

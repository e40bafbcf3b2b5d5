"""What reporter says to its user about a problem, in English and Chinese, in one table.

Code says ``Message("unknown_field", field=key, what=…, known=…)``; the words are here, a pair
per key, ``{placeholders}`` filled by name. A value may itself be a :class:`Message` (the
``what`` of a field: "fact", "region 'jiangshan'"), said in the same language. The CLI picks
the language: ``--lang`` when given, else the locale (``zh_*`` → Chinese), else English.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # what a problem is about
    "what.file": ("the file", "文件"),
    "what.fact": ("fact", "数据项"),
    "what.series": ("series '{name}'", "数据序列“{name}”"),
    "what.highlight": ("highlight", "亮点"),
    "what.source": ("source '{id}'", "来源“{id}”"),
    "what.theme": ("theme '{id}'", "主题“{id}”"),
    "what.metric": ("metric '{id}'", "指标“{id}”"),
    "what.region": ("region '{id}'", "地区“{id}”"),
    "what.id": ("{part} id", "{part}的代码"),
    "what.each": ("each of {what}", "{what}的每一项"),
    "what.reading": ("reading of '{word}'", "“{word}”的时期解读"),
    "what.series_metric": ("series metric", "数据序列的指标"),
    "what.field": ("{name}", "字段 {name} "),
    "what.period": ("period", "时期"),
    "what.value": ("value", "数值"),
    "part.source": ("source", "来源"), "part.theme": ("theme", "主题"), "part.metric": ("metric", "指标"),
    "part.region": ("region", "地区"), "part.period": ("period", "时期"),
    "kind.mapping": ("mapping", "映射（键: 值）"), "kind.sequence": ("sequence", "列表"), "kind.scalar": ("scalar", "文字"),
    "expect.mapping": ("a mapping (key: value)", "映射（键: 值）"),
    "expect.sequence": ("a list (- item)", "列表（- 项）"),
    "expect.text": ("text", "文字"),
    # reading a file's bytes (reporter.data.yaml_file)
    "file.directory": ("is a directory, expected a file", "是目录，应为文件"),
    "file.special": ("is {kind}, not a regular file; data must be read from a regular file",
                     "是{kind}，不是普通文件；数据只能从普通文件读取"),
    "file.too_big": ("file is {size}; the limit is {limit}", "文件大小为{size}，上限为{limit}"),
    "file.too_big_read": ("file holds more than the limit of {limit}", "文件内容超过上限{limit}"),
    "file.missing": ("no such file or directory", "文件或目录不存在"),
    "file.unreadable": ("cannot read: {reason}", "无法读取：{reason}"),
    "file.binary": ("binary data (NUL byte){hint}; expected {what}", "是二进制数据（含 NUL 字节）{hint}；应为{what}"),
    "file.not_utf8": ("not UTF-8 (byte 0x{byte}){guess}", "不是 UTF-8 编码（字节 0x{byte}）{guess}"),
    "file.looks_like": ("; it looks like {encoding}: re-save it as UTF-8", "；看起来是 {encoding} 编码：请另存为 UTF-8"),
    "file.what_yaml": ("UTF-8 YAML text", "UTF-8 编码的 YAML 文本"), "file.what_text": ("UTF-8 text", "UTF-8 编码的文本"),
    "dir.unlistable": ("cannot list directory: {reason}", "无法列出目录：{reason}"),
    "dir.empty": ("directory holds no .yaml or .yml files", "目录中没有 .yaml 或 .yml 文件"),
    # YAML syntax
    "yaml.syntax": ("YAML syntax: {message}", "YAML 语法错误：{message}"),
    "yaml.error": ("YAML error: {message}", "YAML 错误：{message}"),
    "yaml.too_deep": ("YAML nested too deeply", "YAML 嵌套过深"),
    "yaml.empty": ("empty file; expected a mapping with sources, metrics and regions",
                   "文件为空；应为包含 sources、metrics、regions 的映射"),
    "yaml.documents": ("several YAML documents (---) in one file; expected one", "一个文件中有多个 YAML 文档（---）；应只有一个"),
    "yaml.unclosed_quote": ("the quote {quote} opened here is never closed: end the text with {quote}",
                            "这里的引号 {quote} 没有闭合：请在文字末尾补上 {quote}"),
    "yaml.tab": ("a tab indents this line: YAML indents with spaces", "这一行用了制表符（Tab）缩进：YAML 只能用空格缩进"),
    "yaml.at_sign": ("a value starting with @ must be quoted, as in \"@2020-H1\" (or write asof/2020-H1)",
                     "以 @ 开头的值要加引号，如 \"@2020-H1\"（或写作 asof/2020-H1）"),
    "yaml.full_width_colon": ("a full-width '：' where YAML needs ':' (a half-width colon, then a space)",
                              "这里用了全角冒号“：”，YAML 需要半角冒号“:”，其后再加一个空格"),
    "yaml.alias": ("anchors and aliases (&, *) are not allowed in data files", "数据文件中不允许锚点和别名（&、*）"),
    "yaml.tag": ("tag '{tag}' is not allowed; write plain values", "不允许使用标签“{tag}”；请直接写值"),
    "yaml.key_kind": ("keys must be plain text (no lists, maps or << merges)", "键只能是文字（不能是列表、映射或 << 合并）"),
    "yaml.duplicate_key": ("duplicate key '{name}' (first at line {first})", "键“{name}”重复（首次出现于第{first}行）"),
    "yaml.too_many_nodes": ("too many YAML nodes (keys, values, list items): {found}; the limit is {limit} per file "
                            "(split the file, or write series as strings: docs/data-format.md)",
                            "YAML 节点（键、值、列表项）过多：{found}；每个文件最多 {limit} 个（请拆分文件，或把序列写成字符串："
                            "见 docs/data-format.md）"),
    "yaml.full_width_space": ("a full-width space (U+3000) indents this line: YAML indents with half-width spaces",
                              "这一行用了全角空格（U+3000）缩进：YAML 只能用半角空格缩进"),
    "yaml.mapping_here": ("a 'key: value' cannot start here: is the line indented as the others of its level, and "
                          "is a value holding ': ' quoted?",
                          "这里不能出现“键: 值”：这一行的缩进是否与同级的行一致？含有“: ”的值是否加了引号？"),
    "yaml.indent": ("this line is not indented as the others of its level", "这一行的缩进与同级的行不一致"),
    "yaml.dash": ("this line is not indented as the lines above it (a list item '- ' was expected here)",
                  "这一行的缩进与上面的行不一致（这里应为列表项“- ”）"),
    "yaml.bad_start": ("a value cannot start with '{char}': quote it", "值不能以“{char}”开头：请给它加引号"),
    "yaml.no_colon": ("this line has no ':' after its key (write key: value)", "这一行的键后面缺少“:”（应写作 键: 值）"),
    "yaml.full_width_comma": ("a full-width '，' parts the items of {{…}} or […]: YAML needs ','",
                              "{{…}} 或 […] 中的各项用了全角逗号“，”分隔：YAML 需要半角逗号“,”"),
    # reading a file
    "wrong_kind": ("{what} should be {expected}, found a {found}", "{what}应为{expected}，这里是{found}"),
    "unknown_field": ("unknown field '{field}' in {what}; known fields: {known}",
                      "{what}中没有“{field}”这一字段；可用字段：{known}"),
    "missing_field": ("{what} lacks required field '{field}'", "{what}缺少必填字段“{field}”"),
    "empty": ("{what} is empty", "{what}为空"),
    "bad_id": ("{what} '{value}' should be lower-case letters, digits, '-' or '_'",
               "{what}“{value}”只能由小写字母、数字、“-”和“_”组成"),
    "bad_choice": ("{what} '{value}' should be one of: {options}", "{what}“{value}”应为以下之一：{options}"),
    "not_number": ("{what} '{value}' is not a number: {hint}", "{what}“{value}”不是数字：{hint}"),
    "too_many_digits": ("{what} '{value}' has {digits} significant digits; at most {most} are kept exactly "
                        "(statistics never need more: check the number)",
                        "{what}“{value}”有{digits}位有效数字；最多保留{most}位（统计数字不会更长，请核对）"),
    "hint.leading_zero": ("drop the leading zero (YAML 1.1 would even read 010 as 8)",
                          "去掉开头的0（YAML 1.1 会把 010 读成 8）"),
    "hint.separators": ("write it without thousands separators", "不要写千位分隔符"),
    "hint.exponent": ("write the number in full, as printed in the source", "按原文写出完整数字，不用科学记数法"),
    "hint.percent": ("write the number without '%'; the unit says it is a percentage",
                     "去掉“%”：单位已说明是百分数"),
    "hint.full_width": ("write it with half-width digits ({suggestion})", "请用半角数字（{suggestion}）"),
    "hint.number": ("expected a number written in digits, like 2.06 or 1009.0", "应为阿拉伯数字，如 2.06 或 1009.0"),
    "not_whole": ("{what} '{value}' should be a whole number of at most 9 digits",
                  "{what}“{value}”应为不超过9位的整数"),
    "bad_period": ("{what}: {reason} (docs/data-format.md, Periods)", "{what}：{reason}（见 docs/data-format.md“时期”一节）"),
    "rank_polarity": ("a rank is better when smaller: polarity should be 'lower'",
                      "位次越小越好：polarity 应为 lower"),
    "defined_twice": ("{part} '{id}' is defined twice (first at {first})", "{part}“{id}”重复定义（首次定义于 {first}）"),
    "series_values": ('values should be a mapping {{PERIOD: VALUE}} or a string "PERIOD=VALUE ..."',
                      'values 应为映射 {{时期: 数值}}，或字符串 "时期=数值 ..."'),
    "series_pair_period": ("series pair '{pair}': {reason}", "序列数据对“{pair}”：{reason}"),
    "series_pair_form": ("series pair '{pair}': expected PERIOD=NUMBER, like 2019=123.4",
                         "序列数据对“{pair}”：应写成 时期=数值，如 2019=123.4"),
    "series_pair_value": ("series pair '{pair}': the value {reason}", "序列数据对“{pair}”：数值{reason}"),
    "digits_reason": ("has {digits} significant digits; at most {most} are kept exactly",
                      "有{digits}位有效数字，最多保留{most}位"),
    # periods (reporter.model.periods, reporter.model.period_words)
    "period.expected": ("expected 2019, 2020-H1, 2020-Q1, 2020-05, 2020-01/05, 2019/2020, P2Y/2020-H1, 2020/P5Y, "
                        "asof/2020-H1 or unstated/2020-H1 (or words: 2020年1-5月, 截至2020年上半年, Jan–May 2020)",
                        "应为 2019、2020-H1、2020-Q1、2020-05、2020-01/05、2019/2020、P2Y/2020-H1、2020/P5Y、"
                        "asof/2020-H1 或 unstated/2020-H1（也可写作 2020年1-5月、截至2020年上半年、Jan–May 2020）"),
    "period.refused": ("{reason}; {expected}", "{reason}；{expected}"),
    "period.year_range": ("year {text} is outside 1000-9999", "年份{text}不在1000-9999之间"),
    "period.month_range": ("month {month} is not 01-12", "月份{month}不在01-12之间"),
    "period.months_order": ("months {first} to {last}: the last month must come after the first (a single month "
                            "is 2020-05)", "{first}至{last}：结束月份应晚于开始月份（单月写作 2020-05）"),
    "period.years_order": ("years {first} to {last}: the last year must come after the first",
                           "{first}至{last}年：结束年份应晚于开始年份"),
    "period.span": ("a span needs at least one year, not {text} (P1Y/2020-H1, 2020/P5Y)",
                    "年数至少为1，不能是{text}（如 P1Y/2020-H1、2020/P5Y）"),
    "period.anchor": ("'{text}' ({canonical}) cannot anchor a period: an anchor is a year, half, quarter or month "
                      "(2020, 2020-H1, 2020-Q1, 2020-05){hint}",
                      "“{text}”（{canonical}）不能作为时期的基准：基准应为年、半年、季度或月（2020、2020-H1、2020-Q1、"
                      "2020-05）{hint}"),
    "period.near": (": did you mean {near}?", "：是否指 {near}？"),
    "period.day": ("'{text}' is a day inside a month: a period is at the finest a month (2020-06) or a month's end "
                   "(asof/2020-06)", "“{text}”是月中的某一天：时期最细到月（2020-06）或月末（asof/2020-06）"),
    "period.half": ("half H{half} of {year}: a half is H1 or H2", "{year}年的H{half}：半年只有H1、H2"),
    "period.quarter": ("quarter Q{quarter} of {year}: a quarter is Q1-Q4", "{year}年第{quarter}季度：季度只有一至四季度"),
    "period.date": ("'{text}' is not a period: a day (a period is at the finest a month, 2020-06, or a month's "
                    "end, asof/2020-06)", "“{text}”不是时期，而是某一天（时期最细到月，如 2020-06，或月末，如 asof/2020-06）"),
    "period.not_reported": ("'{text}' is not when a source reported (2020年年中, mid-2020)",
                            "“{text}”不是报道时间（如 2020年年中、mid-2020）"),
    "period.did_you_mean": ("'{text}' is not a period (did you mean {near}?)", "“{text}”不是时期（是否指 {near}？）"),
    "period.unstated_needs_date": ("'{text}' does not say when its source reported: write unstated/2020-H1 "
                                   "(未注明时期（见于2020年年中报道）, period not stated (reported mid-2020))",
                                   "“{text}”没有说明来源的报道时间：请写 unstated/2020-H1"
                                   "（未注明时期（见于2020年年中报道））"),
    "period.no_year": ("'{text}' names no year: write it with one (2020年1-5月, 2020-01/05)",
                       "“{text}”没有年份：请写上年份（如 2020年1-5月、2020-01/05）"),
    "period.not_period": ("'{text}' is not a period", "“{text}”不是时期"),
    # across files
    "defined_nowhere": ("region '{id}' is added to but defined nowhere{suggest}: load this file on top of the data "
                        "that defines it (e.g. reporter --data bundled --data {path} check), or define the region "
                        "once with zh, short, en, level, prefecture and province (docs/data-format.md, Regions)",
                        "地区“{id}”只有补充、没有定义{suggest}：请把本文件叠加在定义它的数据之上"
                        "（如 reporter --data bundled --data {path} check），或在某个数据文件中用 zh、short、en、"
                        "level、prefecture、province 定义一次该地区（见 docs/data-format.md“地区”一节）"),
    "unknown_name": ("{prefix}unknown {kind} '{name}'{suggest}{uses}", "{prefix}未知的{kind}“{name}”{suggest}{uses}"),
    "uses": ("; used {count} times, this is the first", "；共用到{count}次，这里是第一次"),
    "suggest": (" (did you mean {names}?)", "（是否指 {names}？）"),
    "metric_prefix": ("metric '{id}': ", "指标“{id}”："),
    "ambiguous_metric_name": ("metric name '{name}' fits {ids}: write the id", "指标名“{name}”对应多个指标：{ids}；请写代码"),
    "no_source": ("{what} has no source: give 'source' here or on its region",
                  "{what}没有来源：请在这里或其所属地区上写明 source"),
    "second_fact": ("a second '{metric}' fact of {region} for {period} (first at {first})",
                    "{region}的“{metric}”在{period}已有一项数据（首次出现于 {first}）"),
    # ---- one period per span, sources' dates, input-method slips, layers' origins, edit and remove,
    # growth-only figures (one block, for merging)
    "yaml.full_width_space_here": ("a full-width space (U+3000), typed with a Chinese input method, where YAML "
                                   "needs a half-width space",
                                   "这里有全角空格（U+3000，中文输入法所打）：YAML 在这里要用半角空格"),
    "period_after_source": ("{period} ends after {source}: a source cannot report what came after it",
                            "{period}晚于{source}：来源不能报道它之后的事"),
    "source_dated": ("its source '{source}' (dated {date})", "其来源“{source}”（日期{date}）"),
    "layer.from_option": ("{problem} (the layer --data {path}{where})", "{problem}（数据层 --data {path}{where}）"),
    "layer.from_variable": ("{problem} (the layer {path} of REPORTER_DATA{where})",
                            "{problem}（环境变量 REPORTER_DATA 中的数据层 {path}{where}）"),
    "layer.read_in": (", read in {cwd}; {absolute} names it from any directory",
                      "，按当前目录 {cwd} 读取；写成 {absolute} 则在任何目录都有效"),
    "revise.nothing": ("give what to change: --value, --unit, --quote, --yoy or --qualifier",
                       "请给出要改的内容：--value、--unit、--quote、--yoy 或 --qualifier"),
    "revise.no_fact": ("no fact of {what}{periods}", "没有{what}这项数据{periods}"),
    "revise.periods": ("; its periods: {periods}", "；已有的时期：{periods}"),
    "revise.bundled": ("{what} is in the bundled data ({where}), which are read-only: reporter changes only "
                       "your own files", "{what}在自带数据中（{where}），自带数据只读：reporter 只修改您自己的文件"),
    "revise.elsewhere": ("{what} is written in {where}, not in {file}: give --file with that file",
                         "{what}写在 {where}，不在 {file} 中：请用 --file 指定那个文件"),
    "revise.not_found": ("the figure is not an item of a facts: list here (a value of a series, or the file changed "
                         "meanwhile): edit the file", "这项数据不是这里 facts: 列表中的一项（可能是数据序列中的值，或文件刚被改动）："
                                                      "请直接编辑文件"),
    "revise.first_field": ("'{field}' opens the fact's lines and cannot be taken out here: edit the file",
                           "“{field}”是这项数据的第一行，无法在此删去：请直接编辑文件"),
    "revise.shared_line": ("the fact shares its line with other text: edit the file",
                           "这项数据与其他内容在同一行：请直接编辑文件"),
    "revise.not_kept": ("the change would not keep the fact as one fact of its region, metric and period",
                        "这样修改后，这项数据不再是其地区、指标、时期的一项数据"),
    "revise.edited": ("corrected {what} in {file} (line {line})", "已更正{what}，见 {file}（第{line}行）"),
    "revise.removed": ("removed {what} from {file} (it was at line {line})", "已从 {file} 删除{what}（原在第{line}行）"),
    "get.no_level": ("the source gives this figure only as a change ({change}), no level to print",
                     "原文只给出这项数据的增减（{change}），没有可输出的数值"),
    "plausible.growth_number": ("the quote does not state the change {fact}", "引文中没有写明增减{fact}"),
    # the value rules (reporter.data.rules)
    "rule.negative": ("value {value} is negative; a {kind} of {unit} cannot be", "数值{value}为负：以{unit}计的{kind}不能为负"),
    "rule.share": ("share {value}% is outside 0-100%", "比重{value}%超出0-100%"),
    "rule.whole": ("{value}{unit} should be a whole number", "{value}{unit}应为整数"),
    "rule.rank_from_one": ("rank {value} should be 1 or more", "位次{value}应不小于1"),
    "rule.target_qualifier": ("metric '{metric_id}' is a target: qualifier should be 'target'",
                              "指标“{metric_id}”是目标值：qualifier 应为 target（目标）"),
    "rule.rank_change_on_rank": ("rank_change is only for rank metrics (use yoy_pct or previous)",
                                 "rank_change 只用于位次类指标（其他指标请用 yoy_pct 或 previous）"),
    "rule.rank_change_below_one": ("rank_change {rank_change} would put the previous rank below 1",
                                   "rank_change {rank_change} 会使上期位次小于1"),
    "rule.yoy_below_minus_100": ("yoy_pct {yoy_pct} is below -100%", "yoy_pct {yoy_pct} 低于 -100%"),
    "rule.previous_negative": ("previous {previous} is negative", "上期值 previous {previous} 为负"),
    "rule.unit_family": ("unit '{unit}' does not fit metric '{metric}' (measured in {metric_unit}; same family only)",
                         "单位“{unit}”与指标“{metric}”不符（该指标以{metric_unit}计，只能用同类单位）"),
    "kind.flow": ("flow", "流量"), "kind.stock": ("stock", "存量"), "kind.rate": ("rate", "比率"),
    "kind.rank": ("rank", "位次"), "kind.count": ("count", "计数"), "kind.target": ("target", "目标"),
    # names typed by the user
    "empty_name": ("empty {kind} name", "{kind}名称为空"),
    "ambiguous_name": ("{kind} '{name}' is ambiguous: it matches {shown}", "{kind}“{name}”有歧义：可指 {shown}"),
    "unknown_named": ("unknown {kind} '{name}'{suggest}", "未知的{kind}“{name}”{suggest}"),
    "bad_period_given": ("bad period: {reason}", "时期有误：{reason}"),
    "no_fact": ("{region} has no '{metric}' fact{hint}", "{region}没有“{metric}”的数据{hint}"),
    "no_fact_near": ("; on {theme} it has: {metrics}", "；在“{theme}”方面有：{metrics}"),
    "no_fact_for": ("{region} has no '{metric}' fact for {period}; it has: {periods}",
                    "{region}没有{period}的“{metric}”数据；已有：{periods}"),
    "unstated.asked": ("{period} is a period not stated: the source gives those figures no time, so {command} "
                       "cannot set them against others; name a stated period, or see them with 'reporter show'",
                       "{period} 表示原文未注明时期：这些数值没有时间，{command} 无法把它们与其他数值相比；"
                       "请指定一个注明的时期，或用 reporter show 查看"),
    "unstated.rank": ("no '{metric}' figure has a stated period, so none can be ranked ({regions}: period not "
                      "stated; 'reporter show' lists it)",
                      "“{metric}”没有注明时期的数值，无法排名（{regions}：原文未注明时期；可用 reporter show 查看）"),
    "several_periods": ("{count} periods; showing the latest, {period} (others: {others}; use --period)",
                        "共{count}个时期，显示最新的{period}（其他：{others}；可用 --period 指定）"),
    # writing
    "stdout_closed": ("standard output is closed; nothing was written", "标准输出已关闭，未输出任何内容"),
    "stdout_failed": ("cannot write to standard output: {reason}", "无法写入标准输出：{reason}"),
    "more_problems": ("… and {count} more problem{s}; run '{command}' to see all",
                      "……另有{count}个问题；运行 {command} 查看全部"),
    "progress.reading": ("reading the data (building the cache; later runs are fast)",
                         "正在读取数据（正在建立缓存，之后运行会很快）"),
    "progress.writing": ("writing {count:,} facts", "正在写出 {count:,} 条数据"),
    "progress.working": ("working", "正在处理"),
    "progress.brief": ("wording {count:,} regions", "正在撰写 {count:,} 个地区的简报"),
    "interrupted": ("interrupted", "已中断"),
    # check
    "check.ok": ("{target}: ok, {regions} regions, {metrics} metrics, {facts} facts, {highlights} highlights",
                 "{target}：通过，{regions}个地区、{metrics}个指标、{facts}项数据、{highlights}条亮点"),
    "check.quotes_ok": ("; {count} quotes verbatim in their sources", "；{count}条引文与来源原文一致"),
    "check.warnings": ("; {count} warning{s} (--strict makes them errors)", "；{count}条提醒（加 --strict 视为错误）"),
    "check.problems": ("{target}: {count} problem{s}", "{target}：{count}个问题"),
    "check.unverified": ("{target}: {count} unverified quote{s}", "{target}：{count}条引文未能核实"),
    "check.no_text": ("text not found for source{s} {ids}", "找不到来源 {ids} 的原文"),
    "warning": ("warning: {text}", "提醒：{text}"),
    # ---- plausibility (reporter.data.plausibility): a fact against its quote and its neighbours
    "plausible.number": ("the quote states {stated}, not {fact}", "引文写的是{stated}，不是{fact}"),
    "plausible.unit": ("the quote says {stated}: the unit is {quote_unit}, not {fact_unit}",
                       "引文写的是{stated}：单位是{quote_unit}，不是{fact_unit}"),
    "plausible.qualifier": ("the quote says {stated} ({quote_qualifier}), the fact says {fact_qualifier}",
                            "引文写的是{stated}（{quote_qualifier}），数据为{fact_qualifier}"),
    "plausible.direction": ("the quote says {word} {stated}, but the fact's {field} is {fact}",
                            "引文写的是{word}{stated}，而数据的{field}为{fact}"),
    "plausible.change": ("the quote says {word} {stated}, not the fact's {field} {fact}",
                         "引文写的是{word}{stated}，不是数据的{field} {fact}"),
    "plausible.period": ("the quote names {word}, but the fact's period is {fact_period}",
                         "引文写的时期是“{word}”，而数据的时期是{fact_period}"),
    "plausible.cumulative": ("{value} in {period} is less than {other} in {other_period} ({where}): "
                             "a flow summed from January cannot fall within a year",
                             "{period}的{value}小于{other_period}的{other}（{where}）：年内累计值不应减少"),
    "plausible.cumulative_before": ("{value} in {period} is more than {other} in {other_period} ({where}): "
                                    "a flow summed from January cannot fall within a year",
                                    "{period}的{value}大于{other_period}的{other}（{where}）：年内累计值不应减少"),
    "plausible.yoy": ("the reported change {reported}% disagrees with {computed}% computed from {previous} "
                      "in {previous_period}",
                      "报道的同比{reported}%与按{previous_period}的{previous}算出的{computed}%不符"),
    "plausible.yoy_of": ("{value} in {period} ({where}) reports a change of {reported}% on this figure, which "
                         "gives {computed}%", "{period}的{value}（{where}）报道的同比为{reported}%，按此数算出的是{computed}%"),
    "plausible.unit_slip": ("{value} and {other} in {other_period} ({where}) differ {ratio}-fold: unit slip?",
                            "{value}与{other_period}的{other}（{where}）相差{ratio}倍：单位写错了？"),
    "plausible.at_line": ("line {line}", "第{line}行"), "plausible.at_file": ("{where}", "见{where}"),
    "plausible.qualifier.exact": ("exact", "确数"), "plausible.qualifier.more_than": ("more than", "多于"),
    "plausible.qualifier.approx": ("about", "约数"), "plausible.qualifier.nearly": ("nearly", "接近"),
    "plausible.qualifier.at_least": ("at least", "不少于"), "plausible.qualifier.target": ("a target", "目标"),
    "plausible.field.yoy_pct": ("yoy_pct", "同比增幅"), "plausible.field.rank_change": ("rank_change", "位次变化"),
    # ---- adding to a data file (reporter.curate.append)
    "append.tab": ("a tab in the indentation: YAML indents with spaces only; replace it, then run again",
                   "缩进中有制表符（Tab）：YAML 只能用空格缩进；请替换后重试"),
    "append.not_yaml": ("the file does not read as YAML ({problem}); fix it first (reporter check names the place)",
                        "文件不是有效的 YAML（{problem}）；请先修正（reporter check 会指出位置）"),
    "append.flow": ("{what} is written in flow style ({found}: {{...}} or [...]); reporter adds only to block style "
                    "(one '- ' item or 'key: value' per line): rewrite it so, or add by hand",
                    "{what}是流式写法（{found}：{{...}} 或 [...]）；reporter 只能在块式写法（每行一个“- ”项或“键: 值”）"
                    "中添加：请改写为块式，或手工添加"),
    "append.wrong_kind": ("{what} should be a mapping (key: value lines), found a {found}; reporter cannot add to it",
                          "{what}应为映射（“键: 值”各占一行），这里是{found}；reporter 无法在此添加"),
    "append.unreadable": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "append.changed": ("the file changed while reporter was adding to it; nothing was written: run again",
                       "添加过程中文件被改动；未写入任何内容，请重试"),
    "append.not_added": ("the edit would not add what was asked (please report this); nothing was written",
                         "这次修改不能按要求添加（请报告此问题）；未写入任何内容"),
    "append.exists": ("region '{id}' already exists (defined at {where}); add facts to it with reporter add",
                      "地区“{id}”已存在（定义于 {where}）；请用 reporter add 为其添加数据"),
    "append.source_exists": ("source '{id}' already exists (defined at {where}); give it to reporter add as "
                             "--source {id}", "来源“{id}”已存在（定义于 {where}）；添加数据时用 --source {id} 指明"),
    "append.new_line": ("line {line} of the new text", "新文本第{line}行"),
    "append.in_new": ("in what is being added, at line {line}: {problem}", "在要添加的内容中（第{line}行）：{problem}"),
    # ---- reporter add: the questions and what it says
    "add.intro": ("Adding facts to {file}. Enter takes the [default], < goes back, Tab completes, Ctrl-D ends; "
                  "nothing is written until you confirm a fact.",
                  "向 {file} 添加数据。回车采用[默认值]，输入 < 返回上一问，Tab 键补全，Ctrl-D 结束；确认之前不会写入。"),
    "add.intro_region": ("The new region '{id}' for {file}: each field is asked, < goes back, Ctrl-D stops "
                         "(nothing is written).",
                         "为 {file} 新建地区“{id}”：逐项提问，输入 < 返回上一问，Ctrl-D 停止（不写入任何内容）。"),
    "add.ask.region": ("Region", "地区"),
    "add.ask.metric": ("Metric (id or name)", "指标（代码或名称）"),
    "add.ask.value": ("Value, as printed", "数值（按原文）"),
    "add.ask.unit": ("Unit", "单位"),
    "add.ask.period": ("Period (2020-01/09, 2020年1-9月, asof/2020-H1 …)", "时期（如 2020-01/09、2020年1-9月、asof/2020-H1）"),
    "add.ask.qualifier": ("Qualifier (exact, more_than 多, approx 约, nearly 近, at_least 不少于, target 目标)",
                          "限定（exact 确数、more_than 多、approx 约、nearly 近、at_least 不少于、target 目标）"),
    "add.ask.yoy": ("Change year over year in % (下降: negative; Enter: none)", "同比增减（%，下降为负；回车表示无）"),
    "add.ask.rank_change": ("Rank change in places (up +, down -; Enter: none)", "位次变化（上升为正，下降为负；回车表示无）"),
    "add.ask.quote": ("Quote (the sentence, verbatim)", "引文（原文句子，逐字照录）"),
    "add.ask.source": ("Source id (where this quote comes from; known: {known})",
                       "来源代码（这条引文出自的来源；已有：{known}）"),
    "add.ask.confirm": ("Add this fact to {file}? (y/n)", "将此数据添加到 {file}？(y/n)"),
    "add.ask.region_field": ("New region, {field} ({hint})", "新地区的{field}（{hint}）"),
    "add.ask.new_source": ("Source id of its facts (new or known)", "其数据的来源代码（新的或已有的）"),
    "add.yes_or_no": ("answer y or n", "请回答 y 或 n"),
    "add.required": ("{what} is required", "{what}不能为空"),
    "add.the_quote": ("the quote", "引文"),
    "add.quote_disagrees": ("{reason}; correct the quote, or type {back} to go back and correct the fact",
                            "{reason}；请更正引文，或输入 {back} 返回修改数据"),
    "add.summary": ("  {region} · {metric} · {value} · {period}{more}\n  quote: {quote}",
                    "  {region} · {metric} · {value} · {period}{more}\n  引文：{quote}"),
    "add.declined": ("not added", "未添加"),
    "add.added": ("added {what} to {region} in {file} (lines {first}-{last})",
                  "已将{region}{what}添加到 {file}（第{first}-{last}行）"),
    "add.not_written": ("nothing was written to {file}", "未写入 {file}"),
    "add.not_in_effect": ("{file} is not among the data in effect: see it with reporter {options} show {region}",
                          "{file} 不在当前使用的数据中：可用 reporter {options} show {region} 查看"),
    "add.skeleton": ("wrote the skeleton of region '{id}' to {file} (lines {first}-{last}): fill the {count} fields "
                     "marked TODO; until then reporter check warns of each, and the region is left out",
                     "已将地区“{id}”的框架写入 {file}（第{first}-{last}行）：请填写标为 TODO 的{count}个字段；"
                     "填好之前 reporter check 会逐一提醒，该地区暂不采用"),
    "add.source_skeleton": ("wrote the skeleton of source '{id}' to {file} (lines {first}-{last}): fill the "
                            "{count} fields marked TODO, then add its facts with --source {id}",
                            "已将来源“{id}”的框架写入 {file}（第{first}-{last}行）：请填写标为 TODO 的{count}个字段，"
                            "然后添加数据时用 --source {id}"),
    "add.new_alone": ("{option} ID takes no REGION METRIC VALUE", "{option} ID 不能与 REGION METRIC VALUE 同用"),
    "add.new_one": ("--new-region and --new-source are written one at a time, or together as a region and its "
                    "source: --new-region ID --source NEW", "--new-region 与 --new-source 请分别使用；新地区连同其新来源可写作 "
                    "--new-region ID --source 新来源"),
    "add.region_written": ("wrote region '{id}' to {file} (lines {first}-{last}); add its facts with reporter add",
                           "已将地区“{id}”写入 {file}（第{first}-{last}行）；可用 reporter add 添加其数据"),
    "add.usage": ("give REGION METRIC VALUE with --period and --quote (and --unit, --file; a figure reported "
                  "only as a change: --yoy instead of VALUE), or run 'reporter add' on a terminal to be asked",
                  "请给出 REGION METRIC VALUE 以及 --period 和 --quote（及 --unit、--file；只有增幅、没有总量的数据："
                  "用 --yoy 代替 VALUE），或在终端中运行 reporter add 按提示输入"),
    "add.no_file": ("which file? give --file FILE (your own data file; reporter writes into the bundled data only "
                    "when it is named)", "写入哪个文件？请用 --file FILE 指定您自己的数据文件（除非明确指定，reporter 不写入自带数据）"),
    "add.needs_source": ("{region}'s facts in {file} would take the region's source, '{source}' (at {where}): the "
                         "source of its other quotes, not of this one. Give --source ID, the source this quote comes "
                         "from (a new one is declared under sources: in {file}, with publication, title and date; "
                         "reporter add --new-source ID --file {file} writes its skeleton)",
                         "{file} 中 {region} 的数据会沿用该地区的来源“{source}”（见 {where}）：那是其他引文的来源，"
                         "不是这条引文的。请用 --source ID 指明这条引文的来源（新来源可在 {file} 的 sources: 下声明，"
                         "写明 publication、title、date；reporter add --new-source ID --file {file} 会写出其框架）"),
    "add.no_default_source": ("{region}'s facts in {file} have no source: give --source ID, the source this quote "
                              "comes from (a new one is declared under sources: in {file}, with publication, title "
                              "and date: docs/data-format.md, Sources)",
                              "{file} 中 {region} 的数据没有来源：请用 --source ID 指明这条引文的来源（新来源可在 {file} "
                              "的 sources: 下声明，写明 publication、title、date，见 docs/data-format.md“来源”一节）"),
    "add.source_required": ("this quote needs its source: {region}'s own, '{source}' (at {where}), is the source of "
                            "its other quotes; type the id of this quote's source (declare a new one first: reporter "
                            "add --new-source ID --file {file})",
                            "这条引文需要注明来源：{region} 自己的来源“{source}”（见 {where}）是其他引文的来源；请输入"
                            "这条引文的来源代码（新来源请先声明：reporter add --new-source ID --file {file}）"),
    "add.source_missing": ("this quote needs its source: type the id of the source it comes from (declare a new "
                           "one first: reporter add --new-source ID --file {file})",
                           "这条引文需要注明来源：请输入其来源代码（新来源请先声明：reporter add --new-source ID --file {file}）"),
    "add.unknown_source": ("unknown source '{name}'{suggest}: declare a new source first (reporter add --new-source "
                           "{name} --file {file} writes its skeleton: publication, title, date)",
                           "未知的来源“{name}”{suggest}：新来源请先声明（reporter add --new-source {name} --file {file} "
                           "会写出其框架：publication、title、date）"),
    "export.wrote": ("wrote {count} facts to {file}", "已将{count}项数据写入 {file}"),
    # ---- reporter extract
    "extract.drafted": ("{count} draft facts from {file}, {named} of them with a catalogue metric",
                        "从 {file} 读出{count}项数据草稿，其中{named}项对应目录中的指标"),
    "extract.open_periods": ("{count} drafts have a period that needs --as-of (the month the text was published):",
                             "{count}项草稿的时期需要 --as-of（文章发表的月份）才能确定："),
    "extract.new_region_id": ("a new region is named by a new id, like xinxian", "新地区请用新的代码，如 xinxian"),
    "extract.append_new_region": ("region '{id}' is not in the data: add it first (reporter add --new-region {id} "
                                  "--file {file}, and fill its fields), then --append",
                                  "数据中没有地区“{id}”：请先添加（reporter add --new-region {id} --file {file}，"
                                  "并填写其字段），再用 --append"),
    "extract.append_source": ("--append needs --source ID, the source the facts are quoted from (define it under "
                              "sources: in {file} first)",
                              "--append 需要 --source ID，即数据所引用的来源（请先在 {file} 的 sources: 中定义）"),
    "extract.skipped": ("left out line {line}, {written}: {why}", "未添加第{line}行的 {written}：{why}"),
    "extract.no_metric": ("no catalogue metric is named by '{label}' ({unit})", "“{label}”（{unit}）不对应目录中的指标"),
    "extract.no_period": ("its period ('{word}') needs --as-of", "其时期（“{word}”）需要 --as-of 才能确定"),
    "extract.already": ("there is a '{metric}' fact for {period} already", "已有{period}的“{metric}”数据"),
    "extract.none_to_add": ("nothing to add to {file}", "没有可添加到 {file} 的数据"),
    "extract.appended": ("added {count} fact{s} to {region} in {file} (lines {first}-{last}); {skipped} left out",
                         "已将{region}的{count}项数据添加到 {file}（第{first}-{last}行）；{skipped}项未添加"),
    # ---- extract: a page about several regions, and facts already in the data (one block, kept together)
    "extract.elsewhere": ("{count} number{s} of the text left out as other regions' ({regions}), not {region}'s:",
                          "原文中{count}个数字属于其他地区（{regions}），未作为{region}的草稿："),
    "extract.elsewhere_count": ("{name} {count}", "{name}{count}个"),
    "extract.other_number": ("line {line}, {written}: {why}", "第{line}行的 {written}：{why}"),
    "extract.belongs_sentence": ("belongs to {name} ({id}): its sentence names it", "属于{name}（{id}）：所在句子提到了它"),
    "extract.belongs_part": ("belongs to {name} ({id}): it stands in {name}'s part of the text (from line {line}, "
                             "which names it)", "属于{name}（{id}）：位于原文中{name}的部分（自提到它的第{line}行起）"),
    "extract.in_data": ("already in the data (line {line} of {file}: '{metric}' for {period}, the same value from "
                        "the same words)", "数据中已有（{file} 第{line}行：{period}的“{metric}”，同一原文的同一数值）"),
    # ---- periods read back as printed, and extract's drafts (one block, kept together for merges)
    "period.no_year_example": ("'{text}' names no year: write it with one, e.g. {example}",
                               "“{text}”没有年份：请写上年份，如 {example}"),
    "period.summed_month": ("'{text}': a running total of a month may be the month or the months up to it: "
                            "write {months}, or {month} for the month alone",
                            "“{text}”：某月累计可能指当月，也可能指年初至该月：请写 {months}，仅指当月则写 {month}"),
    "period.summed_asof": ("'{text}': a running total to a date may be that year's months up to it or everything "
                           "to that date: write {months}, or {asof}",
                           "“{text}”：截至某时的累计可能指当年年初至该时，也可能指历年累计至该时：请写 {months}，"
                           "或 {asof}"),
    "period.summed": ("'{text}': 累计 (a running total) follows a year, half, quarter or run of months "
                      "(2020年1-9月累计)", "“{text}”：累计应跟在年、半年、季度或若干月之后（如 2020年1-9月累计）"),
    "extract.bad_as_of": ("--as-of '{text}' is not a month: expected YYYY-MM, like 2020-06",
                          "--as-of “{text}”不是月份：应为 YYYY-MM，如 2020-06"),
    "extract.open_word": ("line {line}: {written}: '{word}' needs --as-of", "第{line}行：{written}：“{word}”需要 --as-of"),
    "extract.open_none": ("line {line}: {written}: no period printed; give --as-of",
                          "第{line}行：{written}：原文未写时期；请给出 --as-of"),
    "extract.doubt_scope": ("not {metric} ({name}): '{said}' is another scope than its '{meant}'",
                            "不是 {metric}（{name}）：“{said}”与该指标的“{meant}”口径不同"),
    "extract.doubt_flow": ("not {metric} ({name}): '{said}' counts new ones (a flow), the metric how many there are",
                           "不是 {metric}（{name}）：“{said}”是新增数（流量），该指标是总数（存量）"),
    "extract.doubt_stock": ("not {metric} ({name}): '{said}' is how many there are, the metric counts new ones",
                            "不是 {metric}（{name}）：“{said}”是总数（存量），该指标是新增数（流量）"),
    "extract.read_as": ("{file} is not UTF-8: read it as {encoding} (the older Chinese encoding)",
                        "{file} 不是 UTF-8 编码：已按 {encoding}（旧的中文编码）读取"),
    "extract.yes_alone": ("--yes goes with --append FILE (it adds every complete draft without asking)",
                          "--yes 要与 --append FILE 同用（不逐项询问，添加全部完整的草稿）"),
    "extract.needs_yes": ("--append asks about each draft on a terminal; the input is not one: give --yes to add every "
                          "complete draft, or print the drafts (without --append) and add what you choose",
                          "--append 要在终端上逐项询问，而当前输入不是终端：请加 --yes 添加全部完整的草稿，"
                          "或不用 --append 先打印草稿，再添加选中的"),
    "extract.none_chosen": ("nothing added to {file}: no draft was accepted", "未向 {file} 添加数据：没有接受任何草稿"),
    "extract.candidate": ("({at}/{count}) line {line}: {written} → {metric} ({name}), {period}{change}",
                          "（{at}/{count}）第{line}行：{written} → {metric}（{name}），{period}{change}"),
    "extract.yoy": (", {pct}% on a year earlier", "，同比{pct}%"),
    "extract.moved": (", {places} places on a year earlier", "，位次较上年{places}"),
    "extract.quote": ("    quote: {quote}", "    原文：{quote}"),
    "extract.ask": ("Add this fact [y,n,a,q,?]? ", "添加这项数据吗 [y,n,a,q,?]？"),
    "extract.ask_help": ("y - add this fact\nn - do not add it\na - add this fact and all the others after it\n"
                         "q - add none of the others (those accepted so far are added)\n? - this help",
                         "y - 添加这项\nn - 不添加\na - 添加这项及其后全部\nq - 其后都不添加（已接受的照常添加）\n? - 显示本说明"),
    "joined": ("{first}; {second}", "{first}；{second}"),
    # ---- the other commands' errors and notes
    "get.unit_one_line": ("--unit converts the one-line answer; a {format} record carries value_base, in the "
                          "metric's own unit", "--unit 只换算单行答案；{format} 记录中的 value_base 已是指标自身的单位"),
    "get.unit_converts": ("--unit {unit}: a value in {from_unit} does not convert to {unit}",
                          "--unit {unit}：以{from_unit}计的数值不能换算为{unit}"),
    "show.no_facts": ("{region} has no facts{theme}", "{region}没有数据{theme}"),
    "in_theme": (" in theme {theme}", "（主题 {theme}）"),
    "since": (" since {period}", "（{period}以来）"),
    "no_facts_in_window": ("{region} has no facts in the periods asked for", "{region}在所问的时期内没有数据"),
    "no_fact_like": ("no '{metric}' fact like {reference} in the periods asked for",
                     "所问的时期内没有与{reference}同类的“{metric}”数据"),
    "brief.regions_or_all": ("name one or more regions, or give --all (not both)",
                             "请指定一个或多个地区，或用 --all（二者不能同用）"),
    "brief.nothing": ("no facts or highlights{since}{theme}", "没有数据或亮点{since}{theme}"),
    "brief.headline": ("the headline facts, {shown} of {total}; --full for every one",
                       "只写了要点数据（共{total}项中的{shown}项）；--full 写出全部"),
    "search.empty": ("empty search text: give a word to look for", "搜索内容为空：请给出要查找的词"),
    "compare.regions_or_all": ("name the regions to compare, or give --all (not both)",
                               "请指定要比较的地区，或用 --all（二者不能同用）"),
    "delta.region_or_all": ("name a REGION, or give --all [METRIC]", "请指定地区（REGION），或用 --all [METRIC]"),
    "delta.all_one_metric": ("--all takes one METRIC at most (it shows every region): delta --all [METRIC]",
                             "--all 最多接受一个指标（它显示所有地区）：delta --all [METRIC]"),
    "delta.all_not_region": ("--all shows every region: name a METRIC (or none), not the region {region}; for one "
                             "region, delta {name} --latest",
                             "--all 显示所有地区：请指定指标（或不指定），而不是地区 {region}；单个地区请用 delta {name} --latest"),
    "delta.none_for_region": ("{region} has no year-over-year change: no two periods a year apart, none reported",
                              "{region}没有同比变化：既没有相隔一年的两个时期，也没有报道的增幅"),
    "delta.none": ("no region has a year-over-year change: no two periods a year apart, none reported",
                   "没有地区有同比变化：既没有相隔一年的两个时期，也没有报道的增幅"),
    "format.none": ("--format {format}: {command} has no --format (it writes its own text)",
                    "--format {format}：{command} 没有 --format 选项（它输出自己的文本）"),
    "format.only": ("--format {format}: {command} writes {formats}", "--format {format}：{command} 只能输出 {formats}"),
    "output.one_table": ("{format} holds one table; the {tables} are in json", "{format} 只能容纳一张表；{tables} 见 json 格式"),
    "nothing_found": ("nothing found", "没有找到"),
    "output.encoding": ("standard output's encoding ({encoding}) cannot show this text; use a UTF-8 locale or "
                        "PYTHONIOENCODING=utf-8, or --format json",
                        "标准输出的编码（{encoding}）无法显示这些文字；请使用 UTF-8 区域设置或 PYTHONIOENCODING=utf-8，"
                        "或用 --format json"),
    # ---- writing a file (reporter.data.files)
    "file.kind.regular": ("a regular file", "普通文件"), "file.kind.directory": ("a directory", "目录"),
    "file.kind.fifo": ("a named pipe (FIFO)", "命名管道（FIFO）"), "file.kind.socket": ("a socket", "套接字"),
    "file.kind.char": ("a character device", "字符设备"), "file.kind.block": ("a block device", "块设备"),
    "file.kind.special": ("a special file", "特殊文件"),
    "write.cannot": ("{name}: cannot write: {reason}", "{name}：无法写入：{reason}"),
    "write.not_regular": ("{name}: is {kind}; only a regular file is replaced", "{name}：是{kind}；只能替换普通文件"),
    "write.data_file": ("{name}: is a data file this run read{which}; export will not overwrite it",
                        "{name}：是本次运行读取的数据文件{which}；export 不会覆盖它"),
    "write.which": (" ({path})", "（{path}）"),
    "write.not_target": ("{name}: is {kind}; -o writes to a regular file, a named pipe or a character device",
                         "{name}：是{kind}；-o 只能写入普通文件、命名管道或字符设备"),
    "write.changed": ("{name}: changed into {kind} while being opened; not written", "{name}：打开时变成了{kind}；未写入"),
    # ---- check --sources (reporter.data.provenance)
    "provenance.not_verbatim": ("quote is not verbatim in source '{source}': {quote}",
                                "引文与来源“{source}”的原文不一致：{quote}"),
    "provenance.number": ("{number} is not written in its quote", "引文中没有写出{number}"),
    # ---- templates (reporter.render.template)
    "template.not_found": ("template not found: {name}", "找不到模板：{name}"),
    "template.not_found_in": ("template not found: {name} (looked for {candidates} in {dirs})",
                              "找不到模板：{name}（在 {dirs} 中查找了 {candidates}）"),
    "template.stopped": ("{where}: template stopped: {reason}", "{where}：模板已停止：{reason}"),
    "template.out_of_memory": ("{where}: template stopped: out of memory", "{where}：模板已停止：内存不足"),
    "template.syntax": ("{where}: template syntax error: {message}", "{where}：模板语法错误：{message}"),
    "template.include": ("{where}: template not found: {name} (includes must stay inside the template directories)",
                         "{where}：找不到模板 {name}（include 只能引用模板目录中的文件）"),
    "template.undefined": ("{where}: undefined in template: {message}", "{where}：模板中有未定义的名称：{message}"),
    "template.sandbox": ("{where}: refused by the sandbox: {message}", "{where}：沙箱拒绝执行：{message}"),
    "template.recursion": ("{where}: template recursion too deep", "{where}：模板递归过深"),
    "template.error": ("{where}: template error: {kind}: {message}", "{where}：模板出错：{kind}：{message}"),
    # ---- the queries' empty answers (reporter.query)
    "query.no_region_has": ("no region has a '{metric}' fact", "没有地区有“{metric}”的数据"),
    "query.no_fact_for": ("no '{metric}' fact for {period}; periods with data: {periods}",
                          "没有{period}的“{metric}”数据；有数据的时期：{periods}"),
    "query.region_no_fact_like": ("{region} has no '{metric}' fact like {reference} in the periods asked for",
                                  "所问的时期内{region}没有与{reference}同类的“{metric}”数据"),
    "query.nothing_to_compare": ("no facts to compare", "没有可比较的数据"),
    "query.nothing_to_compare_in": ("no facts to compare for {period}", "{period}没有可比较的数据"),
    "query.no_change": ("{region} has no year-over-year change for '{metric}': no period a year earlier, and the "
                        "source reports none", "{region}的“{metric}”没有同比变化：既没有早一年的数据，原文也未报道"),
    "query.no_region_change": ("no region has a year-over-year change for '{metric}'",
                               "没有地区有“{metric}”的同比变化"),
    "option.needs_mode": ("{name} needs {mode}", "{name} 只能与 {mode} 同用"),
    "option.one_of": ("choose one of {modes}", "只能选择其一：{modes}"),
    "output.no_header": ("--no-header: {format} always has its header; use csv, tsv or plain",
                         "--no-header：{format} 总有表头；请用 csv、tsv 或 plain"),
    "output.utf8_only": ("--bom/--encoding: {format} is always UTF-8 without a byte order mark; they are for csv, "
                         "tsv and text", "--bom/--encoding：{format} 总是不带字节顺序标记的 UTF-8；这两个选项用于 csv、tsv 和文本"),
    "named": ("{name}", "{name}"),  # said by Named: a name the data give in both languages
    # the operating system's commonest reasons, said in Chinese too (os_reason)
    "os.ENOENT": ("no such file or directory", "文件或目录不存在"),
    "os.EACCES": ("permission denied", "没有权限"), "os.EPERM": ("operation not permitted", "不允许此操作"),
    "os.ENOSPC": ("no space left on device", "磁盘空间不足"), "os.EDQUOT": ("disk quota exceeded", "超出磁盘配额"),
    "os.EISDIR": ("is a directory", "是目录"), "os.ENOTDIR": ("not a directory", "不是目录"),
    "os.EROFS": ("read-only file system", "只读文件系统"), "os.EEXIST": ("file exists", "文件已存在"),
    "os.ENAMETOOLONG": ("file name too long", "文件名太长"), "os.EIO": ("input/output error", "输入/输出错误"),
    "os.ELOOP": ("too many levels of symbolic links", "符号链接层数过多"),
    # ---- the exit-code contract (contract3): empty answers, usage errors, --value-only, names typed
    "show.no_facts_window": ("{region} has no facts{theme} in the periods asked for ({window})",
                             "{region}在所问的时期内（{window}）没有数据{theme}"),
    "window.reversed": ("--from {start} comes after --to {end}: the range is reversed",
                        "--from {start} 晚于 --to {end}：时期范围颠倒了"),
    "metrics.none_in_theme": ("no metric is in theme {theme}", "主题 {theme} 下没有指标"),
    "get.value_only_note": ("{written}: {meaning} (--value-only prints the number alone)",
                            "{written}：{meaning}（--value-only 只输出数字本身）"),
    "value_only.more_than": ("more than {value}", "多于{value}"),
    "value_only.approx": ("about {value}", "约{value}"),
    "value_only.nearly": ("nearly {value}", "接近{value}"),
    "value_only.at_least": ("at least {value}", "不少于{value}"),
    "value_only.target": ("a target of {value}, not a result", "目标值{value}，并非实际完成数"),
    "name.choices": ("{first}, {rest}", "{first}、{rest}"),
    # a value a Values option does not take (reporter.cli.options.Values)
    "usage.not_a_value_of": ("{value} is not a value {name} takes; it takes: {choices}.",
                             "{value} 不是 {name} 可取的值；可取：{choices}。"),
    # ---- defining what is missing on the way (add --new-metric, --new-source, the dialog), in words
    "unfinished": ("{problem}: {what} is unfinished, and left out until it is filled",
                   "{problem}：{what}尚未填完，填好之前不予采用"),
    "hint.region.zh": ("full name, e.g. 江山市", "全称，如 江山市"),
    "hint.region.short": ("short name, e.g. 江山", "简称，如 江山"),
    "hint.region.en": ("English name, e.g. Jiangshan", "英文名，如 Jiangshan"),
    "hint.region.level": ("district | county-level city | county | city | prefecture | province (or 区, 县级市, 县 …)",
                          "区、县级市、县 …（或 district、county-level city、county …）"),
    "hint.region.prefecture": ("e.g. 衢州市", "所属地市，如 衢州市"),
    "hint.region.province": ("e.g. 浙江省", "所属省份，如 浙江省"),
    "hint.region.source": ("the id of the source its facts come from (sources:)", "其数据所据来源的代码（见 sources:）"),
    "hint.source.publication": ("e.g. newspaper page, bureau bulletin", "发布单位或报刊，如 江山市统计局"),
    "hint.source.title": ("the article's title", "文章或报告的标题"),
    "hint.source.date": ("as far as known, e.g. \"2020-10\"", "发布年月，如 \"2020-10\""),
    "hint.metric.zh": ("Chinese name, e.g. 规上工业增加值", "中文名，如 规上工业增加值"),
    "hint.metric.en": ("English name (Enter: none yet)", "英文名（回车表示暂不填）"),
    "hint.metric.unit": ("e.g. 亿元, 家, %", "如 亿元、家、%"),
    "hint.metric.theme": ("id or name of its theme", "所属主题的代码或名称"),
    "hint.metric.kind": ("flow, stock, rate, rank, count or target", "flow（期间累计）、stock（时点存量）、rate（比率）、"
                                                                    "rank（位次）、count（个数）或 target（目标）"),
    "hint.metric.polarity": ("higher (more is better) or lower (less is better, as a rank)",
                             "higher（越大越好）或 lower（越小越好，如位次）"),
    "append.header": ("# Your own reporter data, layered on other data (docs/data-format.md):\n"
                      "#   reporter {options} check\n# Make it the default: export REPORTER_DATA={layers}",
                      "# 您自己的 reporter 数据，叠加在其他数据之上（格式见 docs/data-format.md）：\n"
                      "#   reporter {options} check\n# 设为默认：export REPORTER_DATA={layers}"),
    "append.metric_exists": ("metric '{id}' already exists (defined at {where}); add facts of it with reporter add",
                             "指标“{id}”已存在（定义于 {where}）；可直接用 reporter add 添加其数据"),
    "add.metric_written": ("defined metric {what} in {file} (lines {first}-{last})",
                           "已在 {file} 中定义指标{what}（第{first}-{last}行）"),
    "add.source_written": ("defined source {what} in {file} (lines {first}-{last})",
                           "已在 {file} 中定义来源{what}（第{first}-{last}行）"),
    "add.new_metric_needs": ("--new-metric ID needs {options} (on a terminal, what is missing is asked)",
                             "--new-metric ID 需要 {options}（在终端上，缺的会逐项询问）"),
    "add.only_with": ("{options} go with {option} ID", "{options} 只能与 {option} ID 同用"),
    "add.offer_metric": ("'{name}' is not in the catalogue: define it as a new metric? (y/n)",
                         "目录中没有“{name}”：要把它定义为新指标吗？(y/n)"),
    "add.offer_source": ("source '{name}' is not declared: declare it now? (y/n)",
                         "来源“{name}”尚未登记：现在登记吗？(y/n)"),
    "add.ask.new_metric_id": ("Id of the new metric (lower-case letters, digits, _ and -, e.g. industry_value_added)",
                              "新指标的代码（小写字母、数字、_ 和 -，如 industry_value_added）"),
    "add.ask.metric_field": ("New metric, {field} ({hint})", "新指标的{field}（{hint}）"),
    "add.ask.source_field": ("Source '{id}', {field} ({hint})", "来源“{id}”的{field}（{hint}）"),
    "add.ask.define_metric": ("Define this metric in {file}? (y/n)", "在 {file} 中定义此指标？(y/n)"),
    "add.ask.define_source": ("Declare this source in {file}? (y/n)", "在 {file} 中登记此来源？(y/n)"),
    "add.ask.change": ("Which answer to change? ({steps}; Enter: drop this fact)",
                       "要修改哪一项？（{steps}；回车表示放弃这条数据）"),
    "add.not_a_step": ("'{answer}' is none of {steps}", "“{answer}”不是可选项（{steps}）之一"),
    "add.metric_summary": ("  {id} · {zh} / {en} · unit {unit} · theme {theme} · {kind} · {polarity}",
                           "  {id} · {zh} / {en} · 单位 {unit} · 主题 {theme} · 类型 {kind} · 方向 {polarity}"),
    "add.source_summary": ("  {id} · {publication} · {title} · {date}", "  {id} · 发布单位 {publication} · 标题 {title} · "
                                                                           "发布年月 {date}"),
    "add.new_id_taken": ("'{id}' is already a {kind} of the data", "“{id}”已是数据中的{kind}"),
    "add.duplicate": ("{region} already has {metric} for {period} (at {first}): a second fact of one region, "
                      "metric and period is refused; correct that one instead",
                      "{region}已有{period}的“{metric}”（见 {first}）：同一地区、指标、时期不能有第二项数据；"
                      "请改正原有的那一项"),
    "step.region": ("region", "地区"), "step.metric": ("metric", "指标"), "step.value": ("value", "数值"),
    "step.unit": ("unit", "单位"), "step.period": ("period", "时期"), "step.qualifier": ("qualifier", "限定"),
    "step.change": ("change", "增减"), "step.quote": ("quote", "引文"), "step.source": ("source", "来源"),
    "field.region.zh": ("zh", "全称"), "field.region.short": ("short", "简称"), "field.region.en": ("en", "英文名"),
    "field.region.level": ("level", "级别"), "field.region.prefecture": ("prefecture", "所属地市"),
    "field.region.province": ("province", "所属省份"),
    "field.source.publication": ("publication", "发布单位"), "field.source.title": ("title", "标题"),
    "field.source.date": ("date", "发布年月"),
    "field.metric.zh": ("zh", "中文名"), "field.metric.en": ("en", "英文名"), "field.metric.unit": ("unit", "单位"),
    "field.metric.theme": ("theme", "主题"), "field.metric.kind": ("kind", "类型"),
    "field.metric.polarity": ("polarity", "好坏方向"),
    "add.summary_yoy": ("change {pct}% year on year", "同比{pct}%"),
    "add.summary_rank": ("{places} places", "位次变化{places}"),
    "add.summary_source": ("source {id}", "来源 {id}"),
    "append.waits": ("{what} is unfinished (its fields marked TODO): fill them, then add its facts",
                     "{what}尚未填完（标为 TODO 的字段）：请先填好，再添加其数据"),
    "extract.draft": ("# Draft facts for region '{region}', read by reporter extract",
                      "# 地区“{region}”的数据草稿，由 reporter extract 读出"),
    "extract.draft_from": ("# Draft facts for region '{region}', read by reporter extract from {text}",
                           "# 地区“{region}”的数据草稿，由 reporter extract 从 {text} 读出"),
    "extract.draft_as_of": (", periods read as of {as_of}", "，时期按 {as_of} 解读"),
    "extract.draft_head": (".\n# A draft, not data: compare each fact with its quote, delete the ones you do not want,\n"
                           "# and fill every \"\" marked TODO (reporter check refuses an empty field and names its line).\n"
                           "# A metric the catalogue lacks needs an entry under metrics: (docs/data-format.md#metrics), "
                           "or reporter add --new-metric.",
                           "。\n# 这是草稿，不是数据：请逐条与引文核对，删去不要的，\n"
                           "# 并填好每个标为 TODO 的 \"\"（数据项的空字段 reporter check 会拒绝，并指出所在行）。\n"
                           "# 目录中没有的指标要在 metrics: 下登记（见 docs/data-format.md#metrics），"
                           "或用 reporter add --new-metric。"),
    "extract.draft_adds": ("\n# It adds to region '{region}' of your data; check it on top of that data:\n"
                           "#   reporter {layers} --data THIS-FILE check",
                           "\n# 它为您数据中的地区“{region}”添加数据；请叠加在这些数据之上检查：\n"
                           "#   reporter {layers} --data 本文件 check"),
    "extract.readings": ("how extract read the time words", "extract 对时间词的解读"),
    "extract.held": ("already in the data ({where}):", "数据中已有（{where}）："),
    "extract.unprinted": ("no period printed", "原文未写时期"),
    "extract.no_label": ("(no label)", "（无名称）"),
    "extract.line": ("line {line}", "第{line}行"),
    "extract.closest": ("; closest: {id} {zh}", "；最接近：{id} {zh}"),
    "extract.metric_for": ("metric for {hint}", "指标：{hint}"),
    "extract.which_year": ("{word}: which year? (give --as-of)", "{word}：哪一年？（请用 --as-of）"),
    "extract.as_of_when": ("no period printed: as of when?", "原文未写时期：截至何时？"),
    "add.metric_chosen": ("  {id}: {label} ({unit})", "  {id}：{label}（单位：{unit}）"),
    # (end of the words block)
    # ---- blocks added beside the words work: spreadsheets and config, a province at a glance, how a period
    # is known, safe writes and signals, extract on real bulletins (each key as its branch wrote it)
    "extract.new_region_named": ("{name} is not in the data: the drafts propose the id '{id}' (rename it freely)",
        "数据中没有{name}：草稿为其拟定 id“{id}”（可自行改名）"),
    "extract.not_docx": ("not a Word document (.docx) that can be read: re-save it, or save its text as UTF-8",
        "不是可读取的 Word 文档（.docx）：请重新保存，或另存为 UTF-8 文本"),
    "extract.docx_too_big": ("the document's text unpacks to {size} bytes: too large to read",
        "文档正文解压后有 {size} 字节：太大，无法读取"),
    "output.binary_terminal": ("--format {format} writes a file, not text for a terminal: give -o FILE (or redirect stdout to a file)",
        "--format {format} 生成的是文件，不是终端文字：请加 -o 文件名（或把输出重定向到文件）"),
    "output.wrote": ("wrote {file} ({format})", "已写入 {file}（{format}）"),
    "output.bom_encoding": ("--bom is a UTF-8 byte order mark; it cannot start {encoding} text (Excel would not recognise it): use --bom alone, or --encoding {encoding} alone",
        "--bom 是 UTF-8 的字节顺序标记，不能放在 {encoding} 文本前面（Excel 无法识别）：请只用 --bom，或只用 --encoding {encoding}"),
    "xlsx.missing": ("xlsx needs openpyxl, an optional dependency: pip install 'reporter[xlsx]'",
        "xlsx 格式需要可选依赖 openpyxl：pip install 'reporter[xlsx]'"),
    "xlsx.too_many": ("{table} has more than {rows} rows, the most an Excel sheet holds: use csv or sqlite",
        "{table} 超过 {rows} 行，超出 Excel 一张工作表的上限：请用 csv 或 sqlite"),
    "fields.unknown": ("--fields: no field {fields} in {format}; the fields are: {known}",
        "--fields：{format} 中没有字段 {fields}；可用字段：{known}"),
    "fields.format": ("--fields chooses record fields of {formats}, not of {format}",
        "--fields 只适用于 {formats} 的记录字段，不适用于 {format}"),
    "sqlite.stdout": ("--format sqlite writes a database file: give -o FILE", "--format sqlite 生成数据库文件：请加 -o 文件名"),
    "config.syntax": ("not valid TOML: {reason}", "不是有效的 TOML：{reason}"),
    "config.unknown": ("unknown setting '{name}'; the settings are: {known}", "未知设置“{name}”；可用设置：{known}"),
    "config.value": ("{name} = {value}: expected {expected}", "{name} = {value}：应为{expected}"),
    "config.list": ("a list of paths (data = [\"bundled\", \"~/county-data\"])",
        "路径列表（data = [\"bundled\", \"~/county-data\"]）"),
    "config.one_of": ("one of {choices}", "以下之一：{choices}"),
    "config.boolean": ("true or false", "true 或 false"),
    "import.unreadable": ("cannot read the table: {reason}", "无法读取表格：{reason}"),
    "import.kind": ("reads .xlsx, .csv and .tsv tables, not '{suffix}'", "只能读取 .xlsx、.csv、.tsv 表格，不能读取“{suffix}”"),
    "import.no_sheet": ("no sheet named '{sheet}'; the sheets are: {sheets}", "没有名为“{sheet}”的工作表；现有工作表：{sheets}"),
    "import.no_header": ("no header row: a row naming the region column (地区/region) was not found in the first {rows} rows",
        "找不到表头：前 {rows} 行中没有标明地区列（地区/region）的一行"),
    "import.no_value": ("no value column and no period column (数值/value, or headers such as 2020年 or 2020年1-9月)",
        "没有数值列，也没有时期列（数值/value，或 2020年、2020年1-9月 这样的表头）"),
    "import.no_metric": ("no metric column (指标/metric) and no metric in the headers: give --metric",
        "没有指标列（指标/metric），表头中也没有指标：请用 --metric 指定"),
    "import.no_period": ("no period column (时期/period) and no period in the headers: give --period",
        "没有时期列（时期/period），表头中也没有时期：请用 --period 指定"),
    "import.mapped": ("--column {spec}: expected FIELD=HEADER, FIELD one of {fields}",
        "--column {spec}：应为 字段=表头，字段为以下之一：{fields}"),
    "import.no_column": ("--column {field}={header}: no column '{header}'; the headers are: {headers}",
        "--column {field}={header}：没有“{header}”这一列；现有表头：{headers}"),
    "import.cell": ("{sheet}, row {row}, column {column} ({header}): {problem}",
        "{sheet} 第{row}行第{column}列（{header}）：{problem}"),
    "import.not_number": ("'{text}' is not a number (write 2000多, 约3.1, or — for no figure)",
        "“{text}”不是数字（可写 2000多、约3.1，无数据写 —）"),
    "import.bad_skipped": ("{count} cell(s) could not be read and were left out (--skip-bad)",
        "有 {count} 个单元格无法读取，已略去（--skip-bad）"),
    "import.bad_stop": ("{count} cell(s) could not be read; nothing was written. Fix them, or give --skip-bad to import the rest",
        "有 {count} 个单元格无法读取，未写入任何内容。请修改，或用 --skip-bad 导入其余部分"),
    "import.preview": ("{count} new fact(s) for {regions} region(s) from {file} ({sheet}); {held} already in the data",
        "{file}（{sheet}）中有 {count} 条新数据，涉及 {regions} 个地区；{held} 条数据中已有"),
    "import.ask": ("Add them to {file}? [y/N] ", "写入 {file}？[y/N] "),
    "import.needs_yes": ("import asks before writing, and the input is not a terminal: give --yes to write without asking",
        "import 写入前需要确认，而输入不是终端：请加 --yes 直接写入"),
    "import.nothing": ("nothing new to add to {file}: the data hold every figure of the table",
        "没有可写入 {file} 的新数据：表中每个数字数据中都已有"),
    "import.declined": ("nothing written", "未写入任何内容"),
    "import.added": ("added {count} fact(s) for {regions} region(s) to {file}, lines {first}-{last}",
        "已向 {file} 写入 {count} 条数据，涉及 {regions} 个地区，第 {first}-{last} 行"),
    "import.conflict": ("{region} {metric} {period}: the table says {value}, the data hold {held} ({where})",
        "{region} {metric} {period}：表中为 {value}，数据中已有 {held}（{where}）"),
    "import.source_added": ("source '{id}' ({title}) added to {file}; its date is not stated in the table: fill it in",
        "已向 {file} 添加来源“{id}”（{title}）；表格未注明日期，请补填"),
    "import.unknown_region": ("no region '{name}' in the data", "数据中没有地区“{name}”"),
    "part.prefecture": ("prefecture", "地级市"),
    "part.province": ("province", "省份"),
    "part.level": ("level", "层级"),
    "filter.no_region": ("no region is left by the filters given (--prefecture, --province, --level, --regions-from)",
        "所给筛选条件（--prefecture、--province、--level、--regions-from）之下没有地区"),
    "filter.names_line": ("{file}:{line}: {reason}", "{file}:{line}：{reason}"),
    "filter.unreadable": ("cannot read {file}: {reason}", "无法读取 {file}：{reason}"),
    "filter.region_outside": ("{region} is not among the regions the filters keep", "{region}不在筛选条件所保留的地区之中"),
    "where.bad": ("--where: {reason} at column {column}\n  {text}\n  {marker}",
        "--where：第 {column} 列{reason}\n  {text}\n  {marker}"),
    "where.unexpected": ("unexpected '{text}'", "出现了意外的“{text}”"),
    "where.incomplete": ("the condition ends too soon (a comparison such as value_base > 1e4 is wanted)",
        "条件过早结束（需要形如 value_base > 1e4 的比较）"),
    "where.expected": ("{what} expected, not '{text}'", "此处应为 {what}，而不是“{text}”"),
    "where.operand": ("a field, \"text\" or a number", "字段、\"文本\"或数值"),
    "where.comparison": ("a comparison (= != < <= > >=)", "比较符（= != < <= > >=）"),
    "where.field": ("unknown field '{text}'; the fields are: {fields}", "未知字段“{text}”；可用字段：{fields}"),
    "where.no_field": ("a comparison needs a field on one side (e.g. period >= \"2019\")",
        "比较的一侧须为字段（如 period >= \"2019\"）"),
    "where.text_number": ("{field} is a number: compare it with a number, not \"{text}\"",
        "{field} 是数值：请与数值比较，而不是 \"{text}\""),
    "stats.no_sum": ("{metric} is a {kind}: its figures do not add up, so no sum or share (占比) is given",
        "{metric}属于{kind}类指标，数值不可相加，故不给出合计与占比"),
    "stats.qualified": ("{count} figure{s} qualified (more than, nearly, approx.): the sums that include them keep the qualifier",
        "有 {count} 个数值带限定（多、近、约），含其之和保留限定"),
    "stats.mixed_units": ("{count} figure{s} of {metric} in units that do not convert to {unit} left out",
        "{metric}有 {count} 个数值的单位无法换算为{unit}，未计入"),
    "stats.no_group": ("{count} region{s} with no {by} left out", "{count} 个地区缺少{by}，未计入"),
    "compare.columns_capped": ("{count} columns are more than a spreadsheet takes ({most}): written as rows",
        "{count} 列超过电子表格的上限（{most}）：改为逐行输出"),
    "compare.top_needs_by": ("--top needs --by METRIC (which metric to rank by)", "--top 需要 --by 指标（按哪个指标排序）"),
    "compare.by_unknown": ("--by {metric}: none of the regions compared has it", "--by {metric}：所比较的地区均无此指标"),
    "check.kind_more": ("… and {count} more (--all lists every one)", "……另有 {count} 条（--all 列出全部）"),
    "check.kind_head": ("{count} warnings of one kind; the first {first}:", "同类提醒 {count} 条，以下为前 {first} 条："),
    "delta.older_change": ("{count} row{s} with an older change: the newest figure's change is not known (marked *)",
        "有 {count} 行显示的是较早的变化：最新数值的变化未知（标 *）"),
    "delta.bad_fail_on": ("--fail-on {text}: expected worse, better, any, or one of them with a threshold (worse>5%, worse>=10)",
        "--fail-on {text}：应为 worse、better、any，或带阈值（worse>5%、worse>=10）"),
    "plausible.basis_no_word": ("period_basis is stated, but the quote prints no time word for {period}: say carried or assumed, or quote the words that date it",
        "period_basis 写的是 stated（原文注明），但引文中没有说明{period}的时间词：请改为 carried 或 assumed，或引用注明时间的原文"),
    "plausible.basis_unstated": ("period_basis is stated, but {canonical} is a period the source does not state: say assumed",
        "period_basis 写的是 stated（原文注明），但 {canonical} 表示原文未注明时期：请改为 assumed"),
    "write.cannot_kept": ("{name}: cannot write: {reason}; the file is as it was", "{name}：无法写入：{reason}；文件保持原样"),
    "write.read_only": ("{name}: is read-only; nothing was written (make it writable first: chmod u+w)",
        "{name}：是只读文件；未写入（请先设为可写：chmod u+w）"),
    "write.hard_link": ("{name}: has {count} names (hard links); replacing it would leave the others with the old text, so nothing was written: write to a copy, or remove the other names first",
        "{name}：有{count}个名字（硬链接）；替换它会让其他名字仍指向旧内容，因此未写入：请写入副本，或先删除其他名字"),
    "write.changed_meanwhile": ("{name}: changed while reporter was writing it (saved by another program?); nothing was written: run again",
        "{name}：写入期间文件被改动（其他程序保存了它？）；未写入：请重新运行"),
    "write.locked": ("{name}: another reporter has been writing it for {seconds} s (lock {lock}); nothing was written: try again when it is done",
        "{name}：另一个 reporter 已写入该文件 {seconds} 秒（锁文件 {lock}）；未写入：请待其完成后重试"),
    "write.descriptor": ("{name}: names an open stream of this run (standard output, a pipe), not a data file; give a regular file",
        "{name}：是本次运行打开的流（标准输出、管道），不是数据文件；请给出普通文件"),
    "write.unreadable": ("{name}: cannot be read to add to it: {problem}", "{name}：无法读取以便添加：{problem}"),
    "write.no_reader": ("{name}: no program opened the named pipe to read within {seconds} s; nothing was written (start its reader first)",
        "{name}：{seconds} 秒内没有程序打开该命名管道读取；未写入（请先启动读取的程序）"),
    "append.no_copy": ("{name}: cannot make the copy to check before writing: {reason}; the file is as it was",
        "{name}：无法生成写入前检查用的副本：{reason}；文件保持原样"),
    "signal.terminated": ("stopped by {signal}; nothing was left half-written", "被 {signal} 终止；没有留下写了一半的文件"),
    "usage.not_utf8": ("argument {arg} is not valid UTF-8 (byte 0x{byte}): give it in UTF-8",
        "参数 {arg} 不是有效的 UTF-8（字节 0x{byte}）：请以 UTF-8 给出"),
    "extract.too_big": ("{file}: the text is {size} characters; extract reads at most {limit} (a report or a page is far shorter): split it",
        "{file}：文本有 {size} 个字符；extract 最多读取 {limit} 个（一篇报告或一版报纸远比这短）：请拆分"),
    "extract.numerals_too_long": ("{file}:{line}: {size} Chinese numerals in a row; no number has more than {limit}: this is no text to draft from",
        "{file}:{line}：连续 {size} 个中文数字；任何数字都不超过 {limit} 个：这不是可起草的文本"),
    "extract.too_slow": ("{file}: reading the text took more than {seconds} s, the bound for one text; split it into smaller files (a chapter, a page each)",
        "{file}：读取这篇文本超过了 {seconds} 秒（单篇文本的上限）；请拆分成较小的文件（每章或每版一个）"),
    "extract.run_too_long": ("{file}:{line}: {size} letters, digits or signs in a row; no number, word or address has more than {limit}: this is no text to draft from",
        "{file}:{line}：连续 {size} 个字母、数字或符号；任何数字、词语或地址都不超过 {limit} 个：这不是可起草的文本"),
    "xlsx.too_wide": ("{table} has {columns} columns, more than the {most} an Excel sheet holds: choose fewer regions or keys (--fields), or use csv",
        "{table} 有 {columns} 列，超出 Excel 一张工作表的上限 {most} 列：请减少地区或字段（--fields），或改用 csv"),
}


class Message:
    """Words for the user, said in either language: a key of :data:`MESSAGES` and its values."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        if key not in MESSAGES:
            raise KeyError(f"no message {key!r}")
        self.key = key
        self.values = values

    def text(self, lang: str = "en") -> str:
        """The words in ``lang``; an English ``{s}`` is the plural ending that a ``count`` value asks for."""
        template = MESSAGES[self.key][1 if lang == "zh" else 0]
        values = {k: v.text(lang) if isinstance(v, Message) else v for k, v in self.values.items()}
        values.setdefault("s", "" if values.get("count") == 1 else "s")
        if lang == "zh":  # "字段 period " keeps its space before words, not before "：" (字段 period：)
            for name, value in values.items():
                if isinstance(value, str) and value.endswith(" ") and isinstance(self.values.get(name), Message) \
                        and any(f"{{{name}}}{mark}" in template for mark in "：，；。、）"):
                    values[name] = value.rstrip(" ")
        return template.format(**values)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)


def say(text: str | Message, lang: str = "en") -> str:
    """``text`` in ``lang`` if it is a :class:`Message`, else as it is."""
    return text.text(lang) if isinstance(text, Message) else text


class Named(Message):
    """A name the data give in both languages (a region's, a metric's label, a period in words),
    said in the message's language."""

    __slots__ = ()

    def __init__(self, en: str, zh: str) -> None:
        super().__init__("named", name=en, zh=zh)

    def text(self, lang: str = "en") -> str:
        return str(self.values["zh" if lang == "zh" else "name"])


def os_reason(exc: OSError) -> Message | str:
    """Why the operating system refused, in the reader's language when it is a common reason
    (else its own words, in English)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    own = exc.strerror or str(exc)
    if f"os.{name}" in MESSAGES:  # the English as the system says it, the Chinese from the table
        return Named(own, MESSAGES[f"os.{name}"][1])
    return own

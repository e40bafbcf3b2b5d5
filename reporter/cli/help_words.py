"""Every help text of the command line, in English and Chinese: one table, a pair per key, (en, zh).

Keys: a command's name for its help (``"add"``, the group ``"reporter"``), ``"reporter epilog"`` for the
text after the group's options, ``"COMMAND --option"`` for one command's option, and ``"--option"`` for
an option many commands share (the global options after a command, ``--format``, ``--theme``,
``--from`` …). :class:`reporter.cli.options.Command` reads it when it formats ``--help``, in the
reader's language (``--lang``, else the locale); an option missing here shows click's ``help=``.
Data only: this module may run longer than a room of code.
"""

from __future__ import annotations

HELP: dict[str, tuple[str | None, str]] = {
    'reporter': (
        None,
        """浙江省各县（市、区）的科技指标，来自整理过、逐条有引文的数据。

\b
示例：
  reporter show 江山 --sources
  reporter get 江山 研发投入            → 2.06亿元
  reporter rank 研发投入 --period 2020-01/05
  reporter brief 洞头 >> weekly.txt"""),
    'reporter epilog': (
        """\b
Exit codes:
  0    an answer was printed (also when a reader such as head stops early)
  1    error: unknown name, a file to read that is missing, invalid data file
       or template, unwritable output
  2    usage error: bad option or argument (a period that is no period,
       --from after --to), a --format the command cannot write
  3    nothing found: an empty answer (json still prints [], csv its header)
  4    delta --fail-on worse: a change went the wrong way (it is printed)
  130  interrupted (Ctrl-C)""",
        """\b
退出码：
  0    已给出答案（读取方如 head 提前停止读取时也是 0）
  1    错误：名称未知、要读的文件不存在、数据文件或模板无效、
       无法写出输出
  2    用法错误：选项或参数有误（不是时期的时期、--from 晚于 --to），
       或命令不能输出所给的 --format
  3    没有找到：答案为空（json 仍输出 []，csv 仍输出表头）
  4    delta --fail-on worse：有变化朝不利方向（会列出）
  130  已中断（Ctrl-C）"""),
    'reporter --data': (
        "Data file or directory of YAML files; repeat it to layer your own data on other data ('bundled' names the bundled file) [default: $REPORTER_DATA, paths separated by ':', else the bundled data].",
        '数据文件或 YAML 文件目录；可重复给出，把你自己的数据叠加在其他数据之上（bundled 指自带数据）[默认：$REPORTER_DATA，多个路径用“:”分隔，否则为自带数据]。'),
    'reporter --format': (
        'Default output format for every command [default: auto].',
        '所有命令的默认输出格式 [默认：auto]。'),
    'reporter --lang': (
        "Language of labels and headers; also of errors and notes [else the locale's].",
        '标签和表头的语言；也是错误和提示的语言 [否则按系统语言环境]。'),
    'reporter --color': (
        'Colour in tables (NO_COLOR and FORCE_COLOR are honoured with auto).',
        '表格中的颜色（auto 时遵从 NO_COLOR 和 FORCE_COLOR）。'),
    '--quiet': (
        'No notes or progress bars on stderr, only errors (the exit code still tells what happened).',
        '不在 stderr 上显示提示和进度条，只显示错误（退出码仍说明结果）。'),
    '--no-header': (
        'No header row: csv, tsv and plain text (one row per line) only.',
        '不输出表头行：仅用于 csv、tsv 和纯文本（每行一条）。'),
    '--bom': (
        'Start with a UTF-8 byte order mark, so Excel reads the CSV as UTF-8 (not for json).',
        '以 UTF-8 字节顺序标记开头，让 Excel 按 UTF-8 读取 CSV（json 不适用）。'),
    '--encoding': (
        "Encoding of stdout and -o files: utf-8-sig is --bom; gb18030 is what Excel on zh-CN Windows opens by default [default: the locale's, files utf-8].",
        'stdout 和 -o 文件的编码：utf-8-sig 即 --bom；gb18030 是中文版 Windows 上 Excel 默认打开的编码 [默认：按系统语言环境，文件为 utf-8]。'),
    'reporter --no-cache': (
        'Read the data file itself, not the compiled cache.',
        '直接读取数据文件本身，不读编译好的缓存。'),
    'reporter --no-pager': (
        'Never page output taller than the terminal [default: $PAGER, else less -FRX, on a terminal only].',
        '输出比终端高时也不分页 [默认：$PAGER，否则 less -FRX，仅在终端上]。'),
    'reporter --version': (
        'Show the version and exit.',
        '显示版本号并退出。'),
    '--help': (
        'Show this message and exit.',
        '显示此帮助并退出。'),
    '--lang': (
        "As the global --lang: language of labels and headers; also of errors and notes [else the locale's].",
        '同全局 --lang：标签和表头的语言；也是错误和提示的语言 [否则按系统语言环境]。'),
    '--data': (
        'As the global --data (a layer on top of those given before the command).',
        '同全局 --data（叠加在命令前给出的各层数据之上）。'),
    '--color': (
        'As the global --color.',
        '同全局 --color。'),
    '--no-pager': (
        'As the global --no-pager.',
        '同全局 --no-pager。'),
    '--no-cache': (
        'As the global --no-cache.',
        '同全局 --no-cache。'),
    '--format': (
        'Output format [default: the global --format, else auto: a table on a terminal, plain text in a pipe].',
        '输出格式 [默认：全局 --format，否则 auto：终端上为表格，管道中为纯文本]。'),
    '--theme': (
        'Only this theme (id, zh or en name), e.g. rd, 研发投入.',
        '只看这一主题（代码、中文或英文名），如 rd、研发投入。'),
    "add": (
        None,
        """把一项数据或一个新县加入你自己的数据文件，不改动文件中已有的内容。

在终端上不给 REGION 时，逐项提问，边输入边检查。凡“reporter check”会拒绝的都不会写入；
它会警告的（如与另一时期相比单位疑似写错）当即说明；注释和排版保持原样。
遇到目录中没有的指标或来源，可当场定义（对话中回答，或用 --new-metric、--new-source）。

\b
示例：
  reporter --data bundled --data mine.yaml add          # 在终端上逐项提问
  reporter add 江山 研发投入 3.1 --unit 亿元 --period 2020年1-9月 --source jiangshan-q3 \\
      --quote "1-9月全市规上企业研发投入3.1亿元" --file mine.yaml
  reporter add 江山 高新技术产业增加值 --yoy 5.2 --period 2020年1-9月 --source jiangshan-q3 \\
      --quote "1-9月规上高新技术产业增加值同比增长5.2%" --file mine.yaml   # 只有增幅，没有总量
  reporter add --new-region xinxian --file mine.yaml
  reporter add --new-source jiangshan-2021 --publication 江山市统计局 --title 统计月报 --date 2021-01
  reporter add --new-metric industry_value_added --zh 规上工业增加值 --unit 亿元 --theme economy --kind flow"""),
    'add --unit': (
        None,
        '按原文的单位，如 亿元 [默认：指标的单位]。'),
    'add --period': (
        None,
        '如 2020-01/09、2020年1-9月、2020-H1、asof/2020-H1。'),
    'add --qualifier': (
        None,
        'exact（确数）、more_than（多）、approx（约）、nearly（近）、at_least（不少于）或 target（目标）[默认：exact]。'),
    'add --yoy': (
        None,
        '来源所报的同比增减（%，下降为负）；位次则为上升（+）或下降（-）的位数。'),
    'add --quote': (
        None,
        '数字所在的原句，逐字照录。'),
    'add --source': (
        None,
        '引文的来源代码 [默认：FILE 中该地区条目的 source；没有时必须给出]。'),
    'add --file': (
        None,
        '你的数据文件（不存在则新建）[默认：最后一个 --data 层，如果它是你自己的文件]。'),
    'add --new-region': (
        None,
        '改为写入一个新县的框架，使用此代码（与 --source NEW 同用时，也写入其新来源）。'),
    'add --new-source': (
        None,
        '改为写入一个新来源（发布单位、标题、日期），使用此代码。'),
    'add --new-metric': (
        "Define a new metric of the catalogue with this id instead (its names, unit, theme and kind by the options below; on a terminal, what is missing is asked).",
        '改为在目录中定义一个新指标，使用此代码（中文名、单位、主题、类型用下面的选项给出，终端上缺的会询问）。'),
    'add --zh': (
        "With --new-metric: the metric's Chinese name, e.g. 规上工业增加值.",
        '与 --new-metric 同用：指标的中文名，如 规上工业增加值。'),
    'add --en': (
        "With --new-metric: its English name (optional).",
        '与 --new-metric 同用：指标的英文名（可不填）。'),
    'add --theme': (
        "With --new-metric: the id or name of its theme.",
        '与 --new-metric 同用：指标所属主题的代码或名称。'),
    'add --kind': (
        "With --new-metric: flow (over a period), stock (as of a date), rate (a share in %), rank, count or target.",
        '与 --new-metric 同用：flow（期间累计）、stock（时点存量）、rate（比率，%）、rank（位次）、count（个数）或 target（目标）。'),
    'add --polarity': (
        "With --new-metric: higher (more is better, the default) or lower (less is better, as a rank).",
        '与 --new-metric 同用：higher（越大越好，默认）或 lower（越小越好，如位次）。'),
    'add --publication': (
        "With --new-source: who published it, e.g. 江山市统计局.",
        '与 --new-source 同用：发布单位或报刊，如 江山市统计局。'),
    'add --title': (
        "With --new-source: the title of the article or report.",
        '与 --new-source 同用：文章或报告的标题。'),
    'add --date': (
        "With --new-source: the month it was published, e.g. 2020-10.",
        '与 --new-source 同用：发布的年月，如 2020-10。'),
    "brief": (
        None,
        """用 Jinja2 模板写成的地区简报：是文字，不是表格。

默认为摘要：每个主题的重点数据（位次、有增减的数字、金额最大的，最多两项）和第一条亮点。
--full 给出全部。--lang en 用英文写（在命令前后均可，各处相同）。

\b
示例：
  reporter brief 江山 >> weekly.txt
  reporter brief 江山 --full
  reporter brief --all --latest --since 2020 --lang en
  reporter brief --all --full --template report.md > report.md
  reporter brief 江山 --format html -o jiangshan.html"""),
    'brief --all': (
        None,
        '数据中的每个地区。'),
    'brief --full': (
        None,
        '全部数据和亮点，不只是重点（见 docs/templates.md）。'),
    'brief --latest': (
        None,
        '每个指标只看最新的数字。'),
    'brief --since': (
        None,
        '只看时期结束于 PERIOD 或更晚的数字（2019、2020-H1、2020年1-5月）。'),
    'brief --template': (
        None,
        '模板文件，或在 $REPORTER_TEMPLATES 中、再在自带模板（brief、report.md）中查找的名称 [默认：brief.LANG.j2]。'),
    "check": (
        None,
        """检查数据：格式，以及每项数据与其引文是否一致；每个问题按 文件:行:列 列出。

不给 PATH 时，检查当前生效的各层数据（--data …、$REPORTER_DATA 或自带文件）。
错误：引文所说的数字、单位、限定词（多、近、约 …）、方向或时期与数据不符。
警告（除非 --strict，退出码为 0）：放在一起看不合理的数字。

\b
示例：
  reporter check counties/           # 退出码 0：有效；1：有问题
  reporter -q check --strict         # 一切正常时不输出：适合定时任务
  reporter --data bundled --data mine.yaml check --strict
  reporter check --sources                # 用原报道核对自带数据
  reporter check mine.yaml --sources texts/
  reporter check --all                # 列出每条警告，而不只是每类的前几条
  reporter check --format json | jq '.counts'"""),
    "check --sources": (
        None,
        "每条引文都必须逐字出现在其来源的文本文件中：在 DIR 中查找（可重复给出）；不给 DIR 时，在每个数据文件旁、其 sources/ 文件夹中以及自带来源中查找。"),
    'check --strict': (
        None,
        '警告（累计数反而下降、增减与数字不符、数值与相邻时期差100倍）也算错误。'),
    "compare": (
        None,
        """多个地区并排比较：每个指标一行；地区多于指标时，每个地区一行。

每格为该地区最新的数字及其时期；一行中时期不同时，stderr 上会有提示。
--period 只比较一个时期；某地区该指标只有不同类的时期（1-9月对全年）时，提示中会列出，与 rank 相同。
各行边算边输出：--all 比较全国每个县也只占很少内存。
地区多于指标时按地区逐行输出（每个地区一行，指标作为列）；--long 每个地区每个指标一行；
任何输出的列数都不超过电子表格的上限。

\b
示例：
  reporter compare 洞头 江山 --metric 研发投入 --metric 高新技术企业
  reporter compare 洞头 江山 乐清 --period 2020-H1
  reporter compare --all --metric 研发投入 --format csv > rd.csv
  reporter compare --all --prefecture 温州市 --top 5 --by 研发投入
  reporter compare --all --long --format csv > long.csv"""),
    'compare --all': (
        None,
        '数据中的每个地区。'),
    'compare --metric': (
        None,
        '只看这些指标（可重复）。'),
    'compare --period': (
        None,
        '只比较这一时期 [默认：各地区最新的时期，不同时会提示]。'),
    "delta": (
        None,
        """同比变化：本期、上期、增减量、增幅和方向。

有上年同期的数据时直接计算；否则由来源所报的（增长率、上期数值、位次变化）推算，并注明。
位次的变化以上升或下降的位数表示（↑34位：从第56位升到第22位）。各行按时间先后排列。
“最新”指最新的数字：其变化未知时，显示的是较早的变化，标 * 并有提示说明。

\b
示例：
  reporter delta 江山            → 2.06亿元，+16%：上期 ≈1.776亿元
  reporter delta 洞头 全省位次    → 第22位，↑34位（从第56位）
  reporter delta county-001 --latest
  reporter delta --all 研发投入          每个地区该指标最新的变化
  reporter -q delta --all --fail-on worse || echo "有指标变差了"
  reporter -q delta --all --fail-on 'worse>5%' --since 2020   只报新出现的降幅超过5%的"""),
    'delta --latest': (
        None,
        '每个指标只看最新的变化（--all 总是如此）。'),
    'delta --all': (
        None,
        '每个地区最新的变化：给出 METRIC 时为该指标（delta --all METRIC），否则为每个指标。'),
    "delta --fail-on": (
        None,
        "供定时任务检查：只列出按指标好坏方向变差的变化（位次下降、总额减少），有则退出码为 4，没有则为 0。RULE 为 worse、better 或 any，可加阈值：'worse>5%'（超过5%）、'worse>=100'（按指标的单位；位次按位数）。"),
    "export": (
        None,
        """每项数据输出为一条扁平记录（稳定的约定，见 docs/data-format.md）。

\b
示例：
  reporter export --format csv --bom -o facts.csv      供 Excel 使用
  reporter export | jq '.[] | select(.region == "jiangshan")'
  reporter export --format jsonl --fields region,period,value | head -1
  reporter export --format xlsx -o facts.xlsx
  reporter export --format sqlite -o facts.db"""),
    'export --format': (
        'Output format [default: the global --format, else json (csv for a spreadsheet: --format csv --bom)].',
        '输出格式 [默认：全局 --format，否则 json（电子表格用 --format csv --bom）]。'),
    'export --output': (
        None,
        '写入 FILE（原子写入：中断时旧文件完好），或写入命名管道或设备；- 表示 stdout。绝不覆盖本次读取的数据文件。'),
    "extract": (
        None,
        """为你的数据文件起草一篇文字（局里的报告、报纸版面）中的数据。

以数据格式的 YAML 输出草稿（每个未确定的猜测都标为 TODO，填好之前 check 会拒绝），或输出 JSON；
除非用 --append FILE，否则什么都不写入，而且只写入你接受的草稿（或用 --yes 写入全部完整的草稿）。
文字可以是 UTF-8 或 GB18030 编码的文本、浏览器保存的 HTML 网页或 .docx 文件。每条草稿都说明其时期
从何得知（period_basis：stated 原文注明，carried 沿用文件标题、小标题或段首，assumed 按 --as-of 推定）：
见 docs/extract.md。

一篇写了几个地区的文字：句中点到数据中另一地区（任何名称）的数字，或位于另一地区那部分文字中
（从只点到该地区的标题或段落，到下一个点到别的地区的为止）的数字，属于那个地区：不予采用，并列出原因。
点到 REGION 的句子属于 REGION；没有点到数据中任何地区的文字，全文属于 REGION。
--append 也不采用数据中已有的：同样的字句得出的同一指标、同一数值，无论现在读作哪个时期。

\b
示例：
  reporter extract report.txt --region 江山 --as-of 2020-10 \\
      --source jiangshan-q3 > drafts.yaml
  reporter --data bundled --data drafts.yaml check
  reporter --data bundled --data mine.yaml extract report.txt \\
      --region 江山 --as-of 2020-10 --source jiangshan-q3 --append mine.yaml"""),
    "extract --region": (
        None,
        "起草哪个地区的数据：已知地区的任何名称，或新地区的代码或中文全称（柳林县：会建议一个代码）。另一已知地区的句子或那部分文字中的数字不予采用。"),
    'extract --as-of': (
        None,
        '文字发布的年月：今年、上半年、1-9月、截至目前 都据此解读。'),
    'extract --source': (
        None,
        '文字的来源代码（新来源会在 YAML 中起草）。'),
    'extract --format': (
        None,
        'yaml：数据格式，供检查和补全 [默认]；json：供程序使用的记录。'),
    'extract --append': (
        None,
        '把完整的草稿（有指标和时期、数据中尚无、与引文一致）加入你的数据文件 FILE，而不是输出：在终端上逐条询问（y/n/a/q）；其他情况请用 --yes。其余的列出原因。'),
    'extract --yes': (
        None,
        '与 --append 同用：不询问，加入每条完整的草稿（输入不是终端时需要）。'),
    'get': (
        None,
        """供脚本使用的恰好一行：一个地区一个指标的数值。

其他格式（json、csv …）输出该数据的记录，其中 value_base 以指标自己的单位计。
地区没有该数据时不输出（json：[]），退出码为 3。--value-only 即使来源有限定也只输出数字
（2000多万元 是多于 2000，目标1000人 是目标）：stderr 上的提示会说明。

\b
示例：
  reporter get 江山 研发投入                 → 2.06亿元
  reporter get jiangshan rd_investment --value-only   → 2.06
  reporter get 江山 研发投入 --unit 万元 --value-only   → 20600"""),
    'get --period': (
        None,
        '如 2019、2020-H1、2020-01/05 或 2020年1-5月。'),
    'get --value-only': (
        None,
        '只输出数字（按原文，以数据的单位或 --unit 计）；stderr 上的提示说明 多、目标 等限定词的意思（--quiet 不显示）。'),
    'get --unit': (
        None,
        '把数值精确换算为 UNIT（万元、亿元、元；同一类单位），使脚本中的阈值不因数字录入时的单位而变。'),
    'metrics': (
        None,
        """指标目录：代码、名称、单位、类型、好坏方向，以及哪些地区有报告。

\b
示例：
  reporter metrics --theme finance"""),
    "rank": (
        None,
        """按一个指标在同一时期内给地区排名（按指标的好坏方向，好的在前）。

只有同类时期放在一起排名：用 --each-period、--region 或 --by period 时，为与 --period 同类的时期
（默认：大多数地区都有的那个）：年与年，1-5月与其他年份的1-5月。--from、--to 和 --last 在其中选择。

\b
示例：
  reporter rank 研发投入 --period 2020-01/05
  reporter rank hightech_recertified --top 3
  reporter rank 研发投入 --each-period --top 10     每年前10名
  reporter rank 研发投入 --region 江山              江山的名次如何变化
  reporter rank 研发投入 --by period --last 5       每个县，最近五年作为列
  reporter rank 研发投入 --within prefecture        在本地级市和全部中的名次"""),
    'rank --period': (
        None,
        '对这一时期排名 [默认：大多数地区都有的那个]。'),
    'rank --top': (
        None,
        '只看前 N 行（每个时期）。'),
    'rank --reverse': (
        None,
        '差的在前。'),
    'rank --each-period': (
        None,
        '每个时期一个排名（用 --top 时为前 N 名）。'),
    'rank --region': (
        None,
        '一个地区在每个时期的名次，以及上升或下降的位数。'),
    'rank --by': (
        None,
        '每个地区的数字，时期作为列，按最新时期的名次排列。'),
    '--from': (
        None,
        '从这一时期起（如 2016）。'),
    '--to': (
        None,
        '到这一时期为止（如 2020）。'),
    '--last': (
        None,
        '只看最近 N 个时期。'),
    'regions': (
        None,
        """列出地区：代码、名称、级别、所属地市、数据项数、最新时期。

\b
示例：
  reporter regions --format tsv | cut -f1"""),
    'search': (
        None,
        """标签、备注、引文或地区与 TEXT 相符的数据和亮点。

\b
示例：
  reporter search 飞地
  reporter --lang en search loan"""),
    'show': (
        None,
        """一个地区按主题列出的全部数据，带时期、限定词和增减；然后是它的亮点。

增减取来源所报的，否则由上年同期计算。--by period 把各时期作为列并排（类似 hledger 的
balance -Y）；--from、--to 和 --last 在两种排列中都可选择时期。所问的主题或时期中没有数据时，
视为没有找到：退出码为 3（json 为空文档）。

\b
示例：
  reporter show 江山 --theme rd --sources
  reporter show 江山 --by period --last 5
  reporter show 江山 --from 2019 --to 2020-H1"""),
    'show --sources': (
        None,
        '在每项数据下显示原文引文。'),
    'show --by': (
        None,
        '时期作为列，每个指标一行。'),
    "--fields": (
        None,
        "只输出这些记录字段，按此顺序（json、jsonl、csv、tsv），如 --fields region,period,value；未知字段会被拒绝并列出已知字段。"),
    "brief --format": (
        None,
        "plain：模板写出的文字 [默认]；html：一个自包含的网页（不含脚本，不联网），可打印或粘贴到邮件中。"),
    "--output": (
        None,
        "写入文件 FILE（原子写入），而不是 stdout；在终端上输出 --format xlsx 时必须给出。"),
    "--prefecture": (
        None,
        "只看此地级市的地区，如 温州市。"),
    "--province": (
        None,
        "只看此省的地区，如 浙江省。"),
    "--level": (
        None,
        "只看此层级的地区：county、district 或 city（县、区、县级市）。"),
    "--regions-from": (
        None,
        "只看 FILE 中列出的地区，每行一个（- 表示标准输入；# 开头为注释）。"),
    "--where": (
        None,
        "只看导出字段满足 EXPR 的数据：比较式用 and、or、not 和括号连接，如 'value_base > 1e4 and period >= \"2019\"'。"),
    "--with-undated": (
        None,
        "有时期范围时，另行列出原文未注明时期的数字；不加此选项则不列入，只在提示中计数。"),
    "check --all": (
        None,
        "列出每条警告（否则每类只列前几条，并给出条数）。"),
    "check --format": (
        None,
        "json：所有问题和警告作为一个 JSON 文档输出到 stdout，供脚本使用 [默认：text]。"),
    "compare --long": (
        None,
        "每个地区每个指标一行（供脚本使用的整齐数据）。"),
    "compare --top": (
        None,
        "只保留按 --by 排在前 N 名的地区。"),
    "compare --by": (
        None,
        "与 --top 一起用：给地区排序的指标（按其好坏方向，好的在前）。"),
    "config": (
        None,
        """列出每项设置（data、lang、format、encoding、bom、color）、其取值和来源。

设置依次来自：命令行，然后是环境变量（$REPORTER_DATA、NO_COLOR、FORCE_COLOR），
然后是 reporter.toml（在当前文件夹或其上级文件夹中），然后是用户的
$XDG_CONFIG_HOME/reporter/config.toml（否则为 ~/.config/reporter/config.toml），最后是默认值。
键名与全局选项相同；见 docs/scripting.md。

\b
示例：
  reporter config
  reporter --lang en config --format json"""),
    "delta --since": (
        None,
        "只看 PERIOD 及以后的数字的变化：每晚运行时只报告新出现的。"),
    "import": (
        None,
        """把表格中的数字加入你的数据文件，检查方式与 add 相同。

长表（每行一项数据：地区/region、指标/metric、数值/value、单位/unit、时期/period，以及
限定/qualifier、同比/yoy_pct、原文/quote、来源/source）和宽表（地区为行，时期或指标为列：
2020年1-9月、研发投入（万元）、数值列后的 同比增长% 列）均可。2000多、约3.1 这样的单元格保留其限定；
—、- 或空单元格表示没有数字。每项数据的引文为其所在行和表头的原样文字。先预览，再询问（脚本中用 --yes）；
数据中已有的数字不再写入，所以同一张表导入两次不会重复。

\b
示例：
  reporter import 2020年1-9月.xlsx --file mine.yaml --metric 研发投入
  reporter import long.csv --file mine.yaml --column region=县市区 --yes"""),
    "import --file": (
        None,
        "要写入数据的你自己的数据文件（不存在则新建），与 add --file 相同。"),
    "import --sheet": (
        None,
        "只读工作簿中的这张工作表 [默认：每张工作表]。"),
    "import --metric": (
        None,
        "没有指标列的工作表（时期为列）的指标。"),
    "import --period": (
        None,
        "没有时期列的工作表（指标为列）的时期，标题中没写时使用。"),
    "import --column": (
        None,
        "表头不是 reporter 认得的名称时，指明哪一列是哪个字段（region、metric、value、unit、period、qualifier、yoy_pct、quote、source、note）；可重复给出。"),
    "import --source": (
        None,
        "每项数据的来源 [默认：表格本身，缺少时作为来源加入 FILE]。"),
    "import --skip-bad": (
        None,
        "导入能读的部分；列出读不了的单元格。"),
    "import --yes": (
        None,
        "不询问直接写入（输入不是终端时必须给出）。"),
    "rank --within": (
        None,
        "每个地区在本地级市（或省）内的名次，与其在全部中的名次并列。"),
    "stats": (
        None,
        """按组统计：地区数、合计、平均、中位数、最小、最大以及占全部的比重（占比）。

金额精确换算为指标的单位。流量、存量和计数可以相加；比率、位次、百分比或目标不能相加，
此时不给合计，并有提示说明。带“多”（超过）限定的数字，使包含它的每个合计都成为“超过”。

\b
示例：
  reporter stats 研发投入 --by prefecture
  reporter stats 研发投入 --by level --province 浙江省 --period 2020
  reporter stats 研发投入 --by prefecture --format csv > by-prefecture.csv"""),
    "stats --by": (
        None,
        "按地级市、省或层级给地区分组。"),
    "stats --period": (
        None,
        "此时期 [默认：大多数地区都有的那个]。"),
    "edit": (
        None,
        """改正你自己数据文件中的一项数据：只改动所给的字段。

注释和排版不变；结果按 add 的方式检查，check 会拒绝的内容一概不写入。自带数据是只读的。

\b
示例：
  reporter edit 江山 研发投入 --period 2020年1-9月 --value 3.2 --file mine.yaml"""),
    "edit --period": (
        None,
        "该项数据的时期，任何写法均可（2020年1-9月）。"),
    "edit --value": (
        None,
        "数值，按原文写法。"),
    "edit --unit": (
        None,
        "单位，按原文写法，如 亿元（'' 表示用指标自己的单位）。"),
    "edit --quote": (
        None,
        "数字所在的原句，逐字照录。"),
    "edit --yoy": (
        None,
        "同比变化（%）；位次则为上升（+）或下降（-）的位数（'' 表示没有）。"),
    "edit --qualifier": (
        None,
        "exact、more_than（多）、approx（约）、nearly（近）、at_least（不少于）或 target（目标）。"),
    "edit --file": (
        None,
        "你的数据文件 [默认：该项数据所在的文件]。"),
    "remove": (
        None,
        """从你自己的数据文件中删去一项数据；其余内容保持原样。

其余内容必须仍能按 check 的方式读取。自带数据是只读的。

\b
示例：
  reporter remove 江山 研发投入 --period 2020年1-9月 --file mine.yaml"""),
    "remove --period": (
        None,
        "该项数据的时期，任何写法均可（2020年1-9月）。"),
    "remove --file": (
        None,
        "你的数据文件 [默认：该项数据所在的文件]。"),
}


def help_text(key: str, lang: str) -> str | None:
    """The help of ``key`` in ``lang`` (zh, else English); None when the table has none (in English:
    where the words are the command's docstring or the option's ``help=``, written once, in the code)."""
    pair = HELP.get(key)
    return None if pair is None else pair[1 if lang == "zh" else 0]

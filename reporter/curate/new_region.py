"""A region the data do not hold yet, named by its Chinese name (``extract --region 柳林县``).

The drafts need an id for it: :func:`proposed_id` spells the name without its level word in
pinyin (柳林县 → ``liulin``) when the optional ``pypinyin`` package is installed (``pip install
'reporter[pinyin]'``), else proposes ``new-region`` for the curator to rename. What the name
itself says (its full and short name, its level) fills the drafted region's skeleton.
"""

from __future__ import annotations

import os
import re

__all__ = ["is_chinese_name", "known_fields", "proposed_id"]

LEVEL_SUFFIXES = (("自治县", "county"), ("县", "county"), ("区", "district"), ("旗", "county"), ("市", None))
FALLBACK_ID = "new-region"
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


def is_chinese_name(name: str) -> bool:
    """Whether ``name`` reads as the full Chinese name of a county-level place: two to twelve CJK
    characters ending with its level word (柳林县, 余杭区, 义乌市). A short name (龙游) may be a
    slip for a known region: it is not taken for a new one."""
    return _CJK.match(name) is not None and any(name.endswith(s) for s, _level in LEVEL_SUFFIXES)


def _short(name: str) -> str:
    for suffix, _level in LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def proposed_id(name: str) -> str:
    """The id a new region named ``name`` is proposed: its short name in pinyin (柳林县 → liulin),
    or ``new-region`` without the optional pinyin package."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")  # characters one by one: a fifth of the load time
    try:
        from pypinyin import lazy_pinyin  # optional: the pinyin extra
    except ImportError:
        return FALLBACK_ID
    spelled = "".join(lazy_pinyin(_short(name))).lower()
    spelled = re.sub(r"[^a-z0-9]", "", spelled)
    return spelled or FALLBACK_ID


def known_fields(name: str) -> dict[str, str]:
    """What the name says of a new region: zh, short and (where its level word is plain) level."""
    fields = {"zh": name, "short": _short(name)}
    level = next((lv for suffix, lv in LEVEL_SUFFIXES if name.endswith(suffix)), None)
    if level is not None:
        fields["level"] = level
    return fields

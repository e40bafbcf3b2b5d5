"""What one template operation may make: each bound checked before the work is done.

The sizes of strings, lists and integers a template makes are known before Python makes them
(a width, a repetition count, the operands of ``**``), so they are checked first and the bound
holds even for one C-level operation. The budgets of a whole run (operations, characters, time)
are counted by :mod:`reporter.render.sandbox`, which calls these checks. Plain Python: no jinja2.
"""

from __future__ import annotations

import re
import string
from decimal import Decimal
from numbers import Number
from typing import Any

MAX_RANGE = 100_000
MAX_SIZE = 16 * 2**20  # characters of one string, items of one list
MAX_INT_BITS = 14_000  # about 4,200 decimal digits: printable (Python's limit is 4,300)


class LimitExceeded(Exception):
    """A template went past one of its bounds; the message says which."""


def too_long(what: str, size: int) -> LimitExceeded:
    return LimitExceeded(f"{what} would be {size:,} long; one value may hold at most {MAX_SIZE:,}")


def check_size(what: str, size: int) -> None:
    if size > MAX_SIZE:
        raise too_long(what, size)


_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")


def _check_printf(fmt: Any) -> None:
    """``%``-formatting widths and precisions: none over MAX_SIZE, none taken from the arguments."""
    if not isinstance(fmt, str) or "%" not in fmt:
        return
    for width, precision in _PRINTF.findall(fmt):
        for number in (width, precision):
            if number == "*":
                raise LimitExceeded("a '*' width in a % format is not allowed in templates")
            if number and int(number) > MAX_SIZE:
                raise too_long("a formatted field", int(number))


def _check_format(fmt: Any) -> None:
    """``str.format`` specs: widths at most MAX_SIZE and written out, not nested ``{:{w}}``."""
    if not isinstance(fmt, str) or "{" not in fmt:
        return
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # the call itself will say what is wrong
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise LimitExceeded("a nested {…} in a format spec is not allowed in templates")
        for number in re.findall(r"\d+", spec or ""):
            if int(number) > MAX_SIZE:
                raise too_long("a formatted field", int(number))


def _replaced_size(text: str, old: Any, new: Any, count: Any = None) -> int:
    old, new = str(old), str(new)
    hits = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


def _joined(items: Any, separator: Any) -> tuple[list[Any], int]:
    """The items (a generator made a list, so it can be measured and still joined) and the size."""
    items = list(items)
    size = sum(len(x) if isinstance(x, str) else len(str(x)) for x in items)
    return items, size + len(str(separator)) * max(len(items) - 1, 0)


def _arg(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str, default: Any) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a filter call whose result would be too large, before it is made. ``args`` start with
    the filtered value; the returned args replace them (a generator to ``join`` becomes a list)."""
    value = args[0] if args else None
    if name == "center":
        check_size("centred text", _arg(args, kwargs, 1, "width", 80))
    elif name == "indent":
        width = _arg(args, kwargs, 1, "width", 4)
        step = len(width) if isinstance(width, str) else width
        text = str(value)
        check_size("indented text", len(text) + step * (text.count("\n") + 1))
    elif name == "wordwrap":
        wrap = _arg(args, kwargs, 3, "wrapstring", None) or "\n"
        check_size("wrapped text", len(str(value)) * (1 + len(str(wrap))))
    elif name == "format":
        _check_printf(value)
    elif name == "replace":
        check_size("replaced text", _replaced_size(str(value), _arg(args, kwargs, 1, "old", ""),
                                                     _arg(args, kwargs, 2, "new", ""),
                                                     _arg(args, kwargs, 3, "count", None)))
    elif name == "join" and kwargs.get("attribute") is None and len(args) < 3:
        items, size = _joined(value, _arg(args, kwargs, 1, "d", ""))
        check_size("joined text", size)
        return (items, *args[1:])
    elif name == "tojson":
        indent = _arg(args, kwargs, 1, "indent", None)
        if isinstance(indent, int) and indent > 1000 or isinstance(indent, str) and len(indent) > 1000:
            raise LimitExceeded("a tojson indent over 1,000 is not allowed in templates")
    elif name in ("batch", "slice"):
        count = _arg(args, kwargs, 1, "linecount" if name == "batch" else "slices", 1)
        if isinstance(count, int) and count > MAX_RANGE:
            raise LimitExceeded(f"{name} into {count:,}; the limit is {MAX_RANGE:,}")
    elif name == "sum" and not isinstance(_arg(args, kwargs, 2, "start", 0), Number):
        items = list(value or ())
        check_size("a sum of lists", len(items) * sum(len(x) if hasattr(x, "__len__") else 1 for x in items))
        return (items, *args[1:])
    return args


def check_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The same for ``str`` methods called from a template (``'x'.rjust(10 ** 10)``)."""
    target = getattr(method, "__wrapped__", method)  # the sandbox wraps str.format in a function
    owner = getattr(target, "__self__", None)
    if not isinstance(owner, str):
        return args
    name = getattr(target, "__name__", "")
    if name in ("center", "ljust", "rjust", "zfill"):
        check_size(f"str.{name}", _arg(args, kwargs, 0, "width", 0))
    elif name == "expandtabs":
        tab = _arg(args, kwargs, 0, "tabsize", 8)
        check_size("str.expandtabs", len(owner) + owner.count("\t") * tab if isinstance(tab, int) else 0)
    elif name == "replace":
        check_size("str.replace", _replaced_size(owner, _arg(args, kwargs, 0, "old", ""),
                                                  _arg(args, kwargs, 1, "new", ""),
                                                  _arg(args, kwargs, 2, "count", -1)))
    elif name == "join" and args:
        items, size = _joined(args[0], owner)
        check_size("str.join", size)
        return (items, *args[1:])
    elif name in ("format", "format_map"):
        _check_format(owner)
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        check_size("str.translate", len(owner) * longest)
    return args


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before Python spends the time making it."""
    if isinstance(left, bool) or isinstance(right, bool):
        return
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            bits = (abs(left).bit_length() - 1) * right  # a lower bound of the result's size
            if bits > MAX_INT_BITS:
                raise LimitExceeded(f"{left} ** {right} would have over {bits:,} bits; "
                                    f"a number may have at most {MAX_INT_BITS:,}")
    elif operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            bits = left.bit_length() + right.bit_length()
            if bits > MAX_INT_BITS:
                raise LimitExceeded(f"a product of about {bits:,} bits; a number may have at most "
                                    f"{MAX_INT_BITS:,}")
        elif isinstance(right, int) and isinstance(left, (str, list, tuple)):
            check_size("a repetition", len(left) * right)
        elif isinstance(left, int) and isinstance(right, (str, list, tuple)):
            check_size("a repetition", len(right) * left)
    elif operator == "+":
        if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            check_size("a concatenation", len(left) + len(right))
    elif operator == "%":
        _check_printf(left)


CHECKED_FILTERS = frozenset({"center", "indent", "wordwrap", "format", "replace", "join", "tojson", "batch",
                              "slice", "sum"})


MAX_NUMBER_DIGITS = 100  # a number a filter writes out: at most this many digits each side of the point


def template_number(value: Any) -> Decimal:
    """A number a template hands to a filter, checked before it is written out digit by digit:
    finite, and no more than ``MAX_NUMBER_DIGITS`` digits before or after the point (a template
    may hand in anything, and ``1e999999999`` would be written as a billion digits)."""
    number = Decimal(str(value))
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -MAX_NUMBER_DIGITS and number.adjusted() < MAX_NUMBER_DIGITS:
        return number
    raise LimitExceeded(f"the number {str(value)[:30]} has too many digits to write out "
                        f"(at most {MAX_NUMBER_DIGITS} each side of the point)")

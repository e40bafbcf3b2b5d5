"""Jinja2's immutable sandbox, bounded: no template can hang a run or exhaust its memory.

The sandbox keeps a template from reaching Python's internals; it does not limit work.
A template is a program, and ``{{ 7 ** (10 ** 8) }}`` or two nested ``range(100000)``
loops would run for hours. Here every template gets a budget, checked as it runs:

========================  ==================================================================
operations                every loop iteration, call, filter, attribute or item lookup and
                          intercepted operator costs one; ``OPS_BASE`` plus ``OPS_PER_ITEM``
                          per region, fact and highlight in the context
characters                every text written anywhere (output, macro bodies, captured blocks)
                          and every string or list an operation makes; ``CHARS_BASE`` plus
                          ``CHARS_PER_ITEM`` per item
one value                 no single string or list over ``MAX_SIZE``; no integer over
                          ``MAX_INT_BITS`` bits (Python cannot print one much larger anyway)
``range``                 at most ``MAX_RANGE`` items (Jinja2's own bound)
time                      ``SECONDS_BASE`` plus ``SECONDS_PER_ITEM`` per item, the last resort
                          for work the counts cannot see (a comparison of two long strings)
========================  ==================================================================

Work whose size is known before it is done is checked before it is done, so the bound
holds even for a single C-level operation: ``**``, ``*`` and ``+`` (intercepted with
Jinja2's ``intercepted_binops``), ``%`` and ``|format`` (their widths), ``~``, and the
filters and ``str`` methods that take a width or multiply text (``center``, ``indent``,
``wordwrap``, ``replace``, ``join``, ``rjust`` …). Loops are counted by wrapping each ``for``
loop's iterable at compile time (a code-generator subclass, Jinja2's documented hook).
Exceeding any bound raises :class:`LimitExceeded`, which names the bound.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from numbers import Number
from typing import Any

MAX_RANGE = 100_000
MAX_SIZE = 16 * 2**20  # characters of one string, items of one list
MAX_INT_BITS = 14_000  # about 4,200 decimal digits: printable (Python's limit is 4,300)
OPS_BASE, OPS_PER_ITEM = 1_000_000, 1_000  # an operation takes about a microsecond
MACRO_COST = 10  # a macro call costs about ten
CHARS_BASE, CHARS_PER_ITEM = 64 * 2**20, 64 * 2**10
SECONDS_BASE, SECONDS_PER_ITEM = 20.0, 0.002


class LimitExceeded(Exception):
    """A template went past one of its bounds; the message says which."""


def _too_long(what: str, size: int) -> LimitExceeded:
    return LimitExceeded(f"{what} would be {size:,} long; one value may hold at most {MAX_SIZE:,}")


def _check_size(what: str, size: int) -> None:
    if size > MAX_SIZE:
        raise _too_long(what, size)


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
                raise _too_long("a formatted field", int(number))


def _check_format(fmt: Any) -> None:
    """``str.format`` specs: widths at most MAX_SIZE and written out, not nested ``{:{w}}``."""
    import string

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
                raise _too_long("a formatted field", int(number))


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


def _check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a filter call whose result would be too large, before it is made. ``args`` start with
    the filtered value; the returned args replace them (a generator to ``join`` becomes a list)."""
    value = args[0] if args else None
    if name == "center":
        _check_size("centred text", _arg(args, kwargs, 1, "width", 80))
    elif name == "indent":
        width = _arg(args, kwargs, 1, "width", 4)
        step = len(width) if isinstance(width, str) else width
        text = str(value)
        _check_size("indented text", len(text) + step * (text.count("\n") + 1))
    elif name == "wordwrap":
        wrap = _arg(args, kwargs, 3, "wrapstring", None) or "\n"
        _check_size("wrapped text", len(str(value)) * (1 + len(str(wrap))))
    elif name == "format":
        _check_printf(value)
    elif name == "replace":
        _check_size("replaced text", _replaced_size(str(value), _arg(args, kwargs, 1, "old", ""),
                                                     _arg(args, kwargs, 2, "new", ""),
                                                     _arg(args, kwargs, 3, "count", None)))
    elif name == "join" and kwargs.get("attribute") is None and len(args) < 3:
        items, size = _joined(value, _arg(args, kwargs, 1, "d", ""))
        _check_size("joined text", size)
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
        _check_size("a sum of lists", len(items) * sum(len(x) if hasattr(x, "__len__") else 1 for x in items))
        return (items, *args[1:])
    return args


def _check_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The same for ``str`` methods called from a template (``'x'.rjust(10 ** 10)``)."""
    target = getattr(method, "__wrapped__", method)  # the sandbox wraps str.format in a function
    owner = getattr(target, "__self__", None)
    if not isinstance(owner, str):
        return args
    name = getattr(target, "__name__", "")
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_size(f"str.{name}", _arg(args, kwargs, 0, "width", 0))
    elif name == "expandtabs":
        tab = _arg(args, kwargs, 0, "tabsize", 8)
        _check_size("str.expandtabs", len(owner) + owner.count("\t") * tab if isinstance(tab, int) else 0)
    elif name == "replace":
        _check_size("str.replace", _replaced_size(owner, _arg(args, kwargs, 0, "old", ""),
                                                  _arg(args, kwargs, 1, "new", ""),
                                                  _arg(args, kwargs, 2, "count", -1)))
    elif name == "join" and args:
        items, size = _joined(args[0], owner)
        _check_size("str.join", size)
        return (items, *args[1:])
    elif name in ("format", "format_map"):
        _check_format(owner)
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        _check_size("str.translate", len(owner) * longest)
    return args


def _check_binop(operator: str, left: Any, right: Any) -> None:
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
            _check_size("a repetition", len(left) * right)
        elif isinstance(left, int) and isinstance(right, (str, list, tuple)):
            _check_size("a repetition", len(right) * left)
    elif operator == "+":
        if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _check_size("a concatenation", len(left) + len(right))
    elif operator == "%":
        _check_printf(left)


_CHECKED_FILTERS = frozenset({"center", "indent", "wordwrap", "format", "replace", "join", "tojson", "batch",
                              "slice", "sum"})
_SIZED = (str, list, tuple, dict)


@functools.lru_cache(maxsize=1)
def _environment_class() -> type:
    """The bounded environment class (built on first use: jinja2 is imported only by briefs)."""
    from jinja2.compiler import CodeGenerator
    from jinja2.runtime import Macro
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class CountingCodeGenerator(CodeGenerator):
        """Compiles each for loop's iterable as ``environment.counted(…)`` and each ``~`` as a
        measured join, and charges the template's constant text as it is written."""

        def visit_For(self, node: Any, frame: Any) -> None:
            self._counted: set[int] = getattr(self, "_counted", set())
            self._counted.add(id(node.iter))
            super().visit_For(node, frame)

        def visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
            if id(node) in getattr(self, "_counted", ()):
                self.write("environment.counted(")
                result = super().visit(node, *args, **kwargs)
                self.write(")")
                return result
            return super().visit(node, *args, **kwargs)

        def visit_Concat(self, node: Any, frame: Any) -> None:
            join = ("(markup_join if context.eval_ctx.volatile else str_join)" if frame.eval_ctx.volatile
                    else "markup_join" if frame.eval_ctx.autoescape else "str_join")
            self.write(f"environment.bounded_concat({join}, (")
            for part in node.nodes:
                self.visit(part, frame)
                self.write(", ")
            self.write("))")

        def _output_const_repr(self, group: Iterable[Any]) -> str:
            return f"environment.charge({super()._output_const_repr(group)})"

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        """:class:`ImmutableSandboxedEnvironment` with the budgets of this module."""

        code_generator_class = CountingCodeGenerator
        intercepted_binops = frozenset({"**", "*", "+", "%"})

        def __init__(self, items: int, **options: Any) -> None:
            super().__init__(finalize=self.written, **options)
            self.ops_limit = OPS_BASE + OPS_PER_ITEM * items
            self.chars_limit = CHARS_BASE + CHARS_PER_ITEM * items
            self.seconds = SECONDS_BASE + SECONDS_PER_ITEM * items
            self.ops_left, self.chars_left = self.ops_limit, self.chars_limit
            self.check_at = self.ops_left - 1024
            self.deadline = time.monotonic() + self.seconds
            self.globals["range"] = self.range
            self.globals["lipsum"] = self._bounded_lipsum(self.globals["lipsum"])

        def wrap_filters(self) -> None:
            """Count every filter call and measure what it makes (checked ones: before it is made)."""
            for name, func in list(self.filters.items()):
                self.filters[name] = self._bounded_filter(name, func)

        def _bounded_filter(self, name: str, func: Any) -> Any:
            tick, made = self.tick, self.made
            if name not in _CHECKED_FILTERS:
                @functools.wraps(func)
                def counted_filter(*args: Any, **kwargs: Any) -> Any:
                    tick()
                    return made(func(*args, **kwargs))

                return counted_filter
            offset = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

            @functools.wraps(func)
            def checked_filter(*args: Any, **kwargs: Any) -> Any:
                tick()
                args = (*args[:offset], *_check_filter(name, args[offset:], kwargs))
                return made(func(*args, **kwargs))

            return checked_filter

        @staticmethod
        def _bounded_lipsum(lipsum: Any) -> Any:
            @functools.wraps(lipsum)
            def bounded(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:  # noqa: A002
                if n * max > MAX_RANGE:
                    raise LimitExceeded(f"lipsum of {n:,} x {max:,} words; the limit is {MAX_RANGE:,}")
                return lipsum(n, html, min, max)

            return bounded

        # -- the budget

        def tick(self, cost: int = 1) -> None:
            self.ops_left -= cost
            if self.ops_left < self.check_at:
                self.check()

        def check(self) -> None:
            """Every 1,024 operations or so: the operation budget, then the clock."""
            if self.ops_left < 0:
                raise LimitExceeded(f"more than {self.ops_limit:,} operations (loop steps, calls, lookups)")
            if time.monotonic() > self.deadline:
                raise LimitExceeded(f"still running after {self.seconds:.1f} s")
            self.check_at = self.ops_left - 1024

        def charge(self, text: str) -> str:
            self.chars_left -= len(text)
            if self.chars_left < 0:
                raise LimitExceeded(f"more than {self.chars_limit:,} characters written or made")
            return text

        def made(self, value: Any) -> Any:
            """Charge a string or list an operation made (small ones are paid for by the operation)."""
            if isinstance(value, _SIZED) and len(value) > 64:
                if len(value) > MAX_SIZE:
                    raise _too_long("a value", len(value))
                self.chars_left -= len(value)
                if self.chars_left < 0:
                    raise LimitExceeded(f"more than {self.chars_limit:,} characters written or made")
            return value

        def written(self, value: Any) -> str:
            """``finalize``: every ``{{ … }}`` is charged as it is written."""
            text = value if type(value) is str else str(value)
            self.chars_left -= len(text)
            if self.chars_left < 0:
                raise LimitExceeded(f"more than {self.chars_limit:,} characters written or made")
            return text

        # -- what compiled templates call

        def counted(self, iterable: Any) -> Iterator[Any]:
            for item in iterable:
                self.tick()
                yield item

        def bounded_concat(self, join: Any, parts: tuple[Any, ...]) -> Any:
            self.tick()
            texts = [p if type(p) is str else str(p) for p in parts]
            _check_size("a ~ concatenation", sum(map(len, texts)))
            return self.made(join(texts if join.__name__ == "str_join" else parts))

        def range(self, *args: int) -> range:
            self.tick()
            steps = range(*args)
            if len(steps) > MAX_RANGE:
                raise LimitExceeded(f"range of {len(steps):,} items; the limit is {MAX_RANGE:,}")
            return steps

        # -- the sandbox's own hooks

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.tick()
            _check_binop(operator, left, right)
            return self.made(super().call_binop(context, operator, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            __self.tick(MACRO_COST if type(__obj) is Macro else 1)
            args = _check_method(__obj, args, kwargs)
            return __self.made(super().call(__context, __obj, *args, **kwargs))

        def getattr(self, obj: Any, attribute: str) -> Any:
            self.tick()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            self.tick()
            return super().getitem(obj, argument)

    return BoundedSandbox


def bounded_environment(items: int, filters: dict[str, Any] | None = None, **options: Any) -> Any:
    """A sandboxed Jinja2 environment for a template over ``items`` regions, facts and highlights,
    with ``filters`` added to Jinja2's own; ``options`` go to the Environment."""
    env = _environment_class()(items, **options)
    env.filters.update(filters or {})
    env.wrap_filters()
    return env


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

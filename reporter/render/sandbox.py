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
Exceeding any bound raises :class:`~reporter.render.limits.LimitExceeded`, which names the bound.
The checks of one value are in :mod:`reporter.render.limits`; the budgets of a run are here. This
module is loaded only to render a template (``brief``), so it imports jinja2 at its top.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2.compiler import CodeGenerator
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reporter.render.limits import (
    CHECKED_FILTERS,
    MAX_RANGE,
    MAX_SIZE,
    LimitExceeded,
    check_binop,
    check_filter,
    check_method,
    check_size,
    too_long,
)

OPS_BASE, OPS_PER_ITEM = 1_000_000, 1_000  # an operation takes about a microsecond
MACRO_COST = 10  # a macro call costs about ten
CHARS_BASE, CHARS_PER_ITEM = 64 * 2**20, 64 * 2**10
SECONDS_BASE, SECONDS_PER_ITEM = 20.0, 0.002
_SIZED = (str, list, tuple, dict)


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
        if name not in CHECKED_FILTERS:
            @functools.wraps(func)
            def counted_filter(*args: Any, **kwargs: Any) -> Any:
                tick()
                return made(func(*args, **kwargs))

            return counted_filter
        offset = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

        @functools.wraps(func)
        def checked_filter(*args: Any, **kwargs: Any) -> Any:
            tick()
            args = (*args[:offset], *check_filter(name, args[offset:], kwargs))
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
                raise too_long("a value", len(value))
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
        check_size("a ~ concatenation", sum(map(len, texts)))
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
        check_binop(operator, left, right)
        return self.made(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.tick(MACRO_COST if type(__obj) is Macro else 1)
        args = check_method(__obj, args, kwargs)
        return __self.made(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)


def bounded_environment(items: int, filters: dict[str, Any] | None = None, **options: Any) -> Any:
    """A sandboxed Jinja2 environment for a template over ``items`` regions, facts and highlights,
    with ``filters`` added to Jinja2's own; ``options`` go to the Environment."""
    env = BoundedSandbox(items, **options)
    env.filters.update(filters or {})
    env.wrap_filters()
    return env

"""YAML text into nodes, from the parser's events, checked as they are composed.

PyYAML's composer keeps the whole document as full node objects, two marks each: about a
kilobyte per value, 1.7 GB for 1.4 million values. Here the composer is ours: nodes are slotted
(:class:`SequenceNode`, :class:`MappingNode`, with PyYAML's attribute names; a scalar is the
parser's own ``ScalarEvent``, which has a node's attributes), every scalar stays the text that was written, and a section of the top-level mapping can
be *streamed*: :func:`sections` hands out each entry of ``regions:`` (say) as soon as it is
composed, so a loader that reads an entry and lets it go holds one region's nodes at a time.

While composing it refuses what a data file must not hold, each with its place: anchors and
aliases (alias bombs), tags other than YAML's core ones (``!!python/object``), keys that are not
plain text (lists, maps, ``<<`` merges), duplicate keys at any depth (both lines named), and more
than ``limit`` nodes in all.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reporter.errors import Problem
from reporter.messages import Message

CORE_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                      for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))


class Node:
    """A collection: ``value`` is its items (a sequence) or (key, value) pairs (a mapping, in order;
    for a streamed section, an iterator)."""

    __slots__ = ("tag", "value", "start_mark", "end_mark", "flow_style")

    def __init__(self, tag: str | None, value: Any, start_mark: Any, end_mark: Any, flow_style: bool) -> None:
        self.tag, self.value, self.start_mark, self.end_mark, self.flow_style = (tag, value, start_mark, end_mark,
                                                                                flow_style)


class SequenceNode(Node):
    __slots__ = ()


class MappingNode(Node):
    __slots__ = ()


def is_scalar(node: Any) -> bool:
    return type(node) is _scalar_class()


@lru_cache(maxsize=1)
def _scalar_class() -> type:
    import yaml

    return yaml.ScalarEvent


class TooManyNodes(Exception):
    """More nodes than the composer's limit."""


class Composer:
    """Composes the one document of ``text`` into nodes, collecting problems in :attr:`problems`.

    Parser errors (``yaml.MarkedYAMLError``) propagate to the caller, which says where they are.
    """

    def __init__(self, text: str, where: str, limit: int) -> None:
        import yaml

        self.where = where
        self.problems: list[Problem] = []
        self.nodes_left = limit
        self._yaml = yaml
        self._parser = _parser(text)
        self._ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        self._open: Iterator[Any] | None = None  # a streamed section not yet read to its end

    def dispose(self) -> None:
        dispose = getattr(self._parser, "dispose", None)
        if dispose is not None:
            dispose()

    def document(self) -> Any:
        """The whole document (None when it is empty)."""
        root = self._start()
        if root is None:
            return None
        node = self._node(root)
        self._finish()
        return node

    def sections(self) -> tuple[Any, Iterator[tuple[Any, Any]]]:
        """The root node, and when it is a mapping its pairs, each mapping value among them streamed:
        its ``value`` is an iterator composing one entry at a time. Read the pairs in order."""
        root = self._start()
        if root is None:
            return None, iter(())
        if type(root) is not self._yaml.MappingStartEvent:
            node = self._node(root)
            self._finish()
            return node, iter(())
        self._check_event(root)
        mapping = MappingNode(root.tag, None, root.start_mark, root.end_mark, bool(root.flow_style))
        return mapping, self._root_pairs(mapping)

    # -- events into nodes

    def _start(self) -> Any:
        get = self._parser.get_event
        get()  # stream start
        if type(self._parser.peek_event()) is self._yaml.StreamEndEvent:
            get()
            return None
        get()  # document start
        return get()

    def _finish(self) -> None:
        get, yaml = self._parser.get_event, self._yaml
        get()  # document end
        event = self._parser.peek_event()
        if type(event) is not yaml.StreamEndEvent:
            raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                              "but found another document", event.start_mark)
        get()

    def _root_pairs(self, root: MappingNode) -> Iterator[tuple[Any, Any]]:
        seen: dict[str, Any] = {}
        get, end = self._parser.get_event, self._yaml.MappingEndEvent
        while True:
            if self._open is not None:  # a section the reader left unread: compose the rest now
                for _ in self._open:
                    pass
            event = get()
            if type(event) is end:
                root.end_mark = event.end_mark
                self._finish()
                return
            key = self._key(self._node(event), seen)
            event = get()
            if type(event) is self._yaml.MappingStartEvent and event.anchor is None:
                self._parser.peek_event()  # a mistake just after the key surfaces before the section is read
                self._check_event(event)
                section = MappingNode(event.tag, None, event.start_mark, event.end_mark, bool(event.flow_style))
                self._open = section.value = self._entries(section)
                value: Any = section
            else:
                value = self._node(event)
            if key is not None:
                yield key, value

    def _entries(self, section: MappingNode) -> Iterator[tuple[Any, Any]]:
        seen: dict[str, Any] = {}
        get, end = self._parser.get_event, self._yaml.MappingEndEvent
        while True:
            event = get()
            if type(event) is end:
                section.end_mark = event.end_mark
                self._open = None
                return
            key = self._key(self._node(event), seen)
            value = self._node(get())
            self._parser.peek_event()  # a mistake right after an entry surfaces before the entry is read
            if key is not None:
                yield key, value

    def _node(self, event: Any) -> Any:
        """The node that ``event`` starts, composed to its end (iteratively: nesting costs no stack).

        A scalar's node is its parser event itself: it has the node's attributes (value, tag, style,
        start_mark, end_mark), and a large file is mostly scalars, so none is built twice."""
        yaml = self._yaml
        scalar, seq_start, map_start, alias = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, \
            yaml.AliasEvent
        get = self._parser.get_event
        left = self.nodes_left
        stack: list[tuple[Node, list[Any]]] = []  # open collections and their items so far
        try:
            while True:
                left -= 1
                kind = type(event)
                if kind is scalar:
                    if event.anchor is not None or (event.tag is not None and event.tag not in CORE_TAGS):
                        self._check_event(event)
                    node: Any = event
                elif kind is seq_start or kind is map_start:
                    self._check_event(event)
                    node = (SequenceNode if kind is seq_start else MappingNode)(
                        event.tag, None, event.start_mark, event.end_mark, bool(event.flow_style))
                    items: list[Any] = []
                    stack.append((node, items))
                    event = get()
                    while type(event) is scalar and event.anchor is None and event.tag is None:  # plain items
                        items.append(event)
                        event = get()
                    left -= len(items)
                    continue
                elif kind is alias:  # the node it names is not composed again, and it is refused
                    self._problem(event.start_mark, Message("yaml.alias"))
                    node = yaml.ScalarEvent(None, None, (True, False), "", event.start_mark, event.end_mark)
                else:  # the end of the innermost open collection
                    left += 1
                    node, items = stack.pop()
                    node.end_mark = event.end_mark
                    node.value = items if type(node) is SequenceNode else self._pairs(items)
                if left < 0:
                    raise TooManyNodes
                if not stack:
                    return node
                stack[-1][1].append(node)
                event = get()
        finally:
            self.nodes_left = left

    def _pairs(self, items: list[Any]) -> list[tuple[Any, Any]]:
        keys, values = items[::2], items[1::2]
        scalar = self._yaml.ScalarEvent
        if all(type(key) is scalar for key in keys):  # the usual case, checked at C speed
            texts = [key.value for key in keys]
            if len(set(texts)) == len(texts) and ("<<" not in texts or all(k.style for k in keys if k.value == "<<")):
                return list(zip(keys, values))
        seen: dict[str, Any] = {}
        pairs = []
        for key, value in zip(keys, values):
            text = key.value if type(key) is scalar else None
            if text is not None and text not in seen and (text != "<<" or key.style):  # the usual case
                seen[text] = key
                pairs.append((key, value))
            elif self._key(key, seen) is not None:
                pairs.append((key, value))
        return pairs

    def _key(self, key: Any, seen: dict[str, Any]) -> Any:
        """The key if it is plain text met for the first time in its mapping; else None, and a problem."""
        if type(key) is not self._yaml.ScalarEvent or (key.value == "<<" and not key.style):
            self._problem(key.start_mark, Message("yaml.key_kind"))
            return None
        first = seen.get(key.value)
        if first is not None:
            self._problem(key.start_mark, Message("yaml.duplicate_key", name=key.value,
                                                  first=first.start_mark.line + 1))
            return None
        seen[key.value] = key
        return key

    def _check_event(self, event: Any) -> None:
        if event.anchor is not None:
            self._problem(event.start_mark, Message("yaml.alias"))
        if event.tag is not None and event.tag not in CORE_TAGS and event.tag != "!":
            self._problem(event.start_mark, Message("yaml.tag", tag=event.tag))

    def _problem(self, mark: Any, message: Message) -> None:
        self.problems.append(Problem(self.where, mark.line + 1, mark.column + 1, message))


def _parser(text: str) -> Any:
    """PyYAML's parser (libyaml's when built with it): events, whose scalars are never typed."""
    import yaml

    if getattr(yaml, "__with_libyaml__", False):
        from yaml._yaml import CParser

        return CParser(text)

    class Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

    return Parser(text)

"""Users' YAML files (config, sources.yaml, lexicon extensions, claims files), read safely.

Untrusted files: aliases are refused while the node tree is composed (before anything is
expanded, so a billion-laughs file costs nothing), and dates stay strings, so an impossible date
is the validator's one-line message instead of a traceback from the YAML library.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from checker.errors import InputError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class UserFileLoader(yaml.SafeLoader):
    """SafeLoader without aliases and without implicit timestamps."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem=f"alias *{event.anchor} is not allowed in this file (write the value out)",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


UserFileLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path, max_bytes: int = 10_000_000) -> tuple[Any, yaml.Node | None]:
    """(data, node tree): the tree gives line numbers for messages. Errors name file and line."""
    path = Path(path)
    try:
        if not path.is_file():
            raise InputError(str(path), "no such file" if not path.exists() else "not a regular file")
        if path.stat().st_size > max_bytes:
            raise InputError(str(path), f"file is over the {max_bytes / 1e6:g} MB limit for a settings file")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 text (byte at offset {exc.start})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from None
    try:
        loader = UserFileLoader(text)
        try:
            root = loader.get_single_node()
            return (loader.construct_document(root) if root is not None else None), root
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(str(path), f"{where}malformed YAML: {_one_line(problem)}") from None


def _one_line(text: str, limit: int = 200) -> str:
    flat = re.sub(r"\s+", " ", str(text)).strip()
    return flat if len(flat) <= limit else flat[:limit] + "…"


def load_schema(name: str) -> dict:
    """A JSON schema shipped in checker/schemas."""
    return json.loads(resources.files("checker.schemas").joinpath(name).read_text(encoding="utf-8"))


def node_lines(node: yaml.Node | None, path: tuple = ()) -> dict[tuple, int]:
    """The 1-based line of every value (and every mapping key, as path + (key, "key"))."""
    if node is None:
        return {}
    found = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found[path + (key.value, "key")] = key.start_mark.line + 1
            found.update(node_lines(value, path + (key.value,)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found.update(node_lines(item, path + (index,)))
    return found


def validate(data: Any, root: yaml.Node | None, path: Path, schema: dict) -> None:
    """Raise InputError for the first schema violation, naming the file, the line and the value.

    An enum's `title` in the schema names what the value is ("stance") in the message."""
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(map(str, e.path)))
    if not errors:
        return
    lines = node_lines(root)
    error = errors[0]
    where = tuple(error.absolute_path)
    line = lines.get(where, 1)
    name = ".".join(map(str, where)) or "file"
    problem = _one_line(error.message)
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - allowed, key=str)
        if unknown:
            line = lines.get(where + (unknown[0], "key"), line)
            known = f"; allowed: {', '.join(sorted(allowed))}" if allowed else ""
            problem = f"unknown key '{unknown[0]}'{known}"
    elif error.validator == "enum" and where:
        what = error.schema.get("title", "value")
        choices = ", ".join(map(str, error.validator_value))
        problem = f"unknown {what} {_one_line(repr(error.instance))} for '{where[-1]}'; use one of {choices}"
    elif error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        problem = f"'{name}' must be {expected}, not {type(error.instance).__name__}"
    elif error.validator in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern", "format", "minLength"}:
        problem = f"{problem} ('{name}')"
    raise InputError(str(path), f"line {line}: {problem}")

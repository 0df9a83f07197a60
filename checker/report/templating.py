"""One way to load Jinja2 templates from a package's templates/ folder."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined


def template_environment(package: str, *, autoescape: bool) -> Environment:
    """Strict about missing values (a typo fails instead of printing nothing); HTML templates
    autoescaped, so article text can never become markup."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

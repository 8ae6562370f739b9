"""How the build tells the handbook's problems: MkDocs' log, and PluginError to stop."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..feature import FeatureFailed
from ..problems import Problem

log = get_plugin_logger(__name__)


def report(problems: list[Problem], stop_on_errors: bool) -> None:
    """Errors stop the build, all listed at once; warnings fail only `--strict` builds.

    Under `serve` errors are shown as warnings instead and the preview keeps running
    without the broken standards, so an editor sees each fix as soon as it is saved.
    """
    errors = sorted(p for p in problems if p.severity == "error")
    shown = [p for p in problems if p.severity == "warning" or not stop_on_errors]
    for problem in sorted(p for p in shown if p.severity != "suggestion"):
        log.warning(str(problem))
    for problem in sorted(p for p in problems if p.severity == "suggestion"):
        log.info(str(problem))
    if errors and stop_on_errors:
        lines = "\n".join(f"  {p}" for p in errors)
        count = f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
        raise PluginError(f"{count} in the standards; fix them and build again:\n{lines}")


@contextmanager
def stopping() -> Iterator[None]:
    """A feature that could not do its work stops the build with its message."""
    try:
        yield
    except FeatureFailed as e:
        raise PluginError(str(e)) from None

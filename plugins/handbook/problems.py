"""A problem found in a standard file, with its location: the unit every check reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "suggestion")


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, sortable by file and position so a run reports them in reading order."""

    file: str
    line: int
    column: int
    rule: str = field(compare=False)
    message: str = field(compare=False)
    severity: str = field(default="error", compare=False)
    suggestion: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity} {self.rule} {self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

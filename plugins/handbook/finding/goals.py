"""Goals: the company's goals, declared once in mkdocs.yml, and the standards serving each.

```yaml
plugins:
  - handbook:
      goals:
        first-contact: Solve it on first contact
        keep-customers:
          title: Keep customers coming back
          description: Fewer customers lost after a complaint.
```

Each standard names the goals it serves (`goals: [first-contact]`); a goal no one
declared is a problem located in the standard. The *Goals* page lists each goal's
standards and the goals that no standard serves yet.
"""

from __future__ import annotations

from ..feature import Feature
from ..handbook import Handbook
from ..model import Standard
from ..options import Goal
from ..render.environment import render_page
from ..render.output import OutputFile
from ..render.urls import Urls, standard_path

PAGE = "goals.md"


def serving(handbook: Handbook) -> list[tuple[Goal, list[Standard]]]:
    """Each declared goal, in declared order, with the published standards serving it."""
    goals = handbook.settings.options.goals
    found: dict[str, list[Standard]] = {goal: [] for goal in goals}
    for standard in handbook.published():
        if standard.status == "retired":
            continue
        for goal in standard.goals:
            if goal in found:
                found[goal].append(standard)
    return [(goals[key], found[key]) for key in goals]


class GoalsFeature(Feature):
    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        if not handbook.settings.options.goals:
            return []
        groups = serving(handbook)
        page = render_page(
            PAGE,
            "goals.html.j2",
            urls,
            groups=[g for g in groups if g[1]],
            unserved=[goal for goal, standards in groups if not standards],
            unlinked=[s for s in handbook.published() if not s.goals and s.status != "retired"],
            paths={s.id: standard_path(s) for s in handbook.published()},
            link=lambda target: urls.relative(PAGE, target),
        )
        return [page]

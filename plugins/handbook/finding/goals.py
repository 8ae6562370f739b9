"""The Goals page: each company goal with the standards serving it (see ../goals.py)."""

from __future__ import annotations

from ..feature import Feature
from ..goals import declared_goals, serving
from ..handbook import Handbook
from ..render.environment import render_page
from ..render.output import OutputFile
from ..render.urls import Urls, standard_path

PAGE = "goals.md"


class GoalsFeature(Feature):
    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        goals, _ = declared_goals(handbook.settings)
        if not goals:
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

"""Where a small document's time goes: the stages of rendering one document, timed in one worker.

A Renderer (what each of the build's workers holds) renders the documents of a synthetic
edition one after another in a process of its own (``python -m bench.profile <texts>``), html
and text, as the build's workers do; the processor time of each stage is summed over the
documents. The stages are the library's own functions, each timed where it is called; what
no stage names (writing files, their digests, the pages' neighbours and downloads) is "other".
"""

from __future__ import annotations

import collections
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpora import ROOT, Corpus, Unavailable

WARM_UP = 2  # documents rendered before the clock starts: the stylesheets are compiled at the first
DOCUMENTS = 100  # documents whose stages are timed


@dataclasses.dataclass(frozen=True)
class Stage:
    name: str
    milliseconds: float | None  # processor time a document
    error: str = ""


def stages(corpus: Corpus, documents: int) -> list[Stage]:
    """The stages of ``documents`` documents of the corpus, measured in a process of its own."""
    run = subprocess.run([sys.executable, "-m", "bench.profile", str(corpus.folder), str(documents)], cwd=ROOT,
                         capture_output=True, text=True)
    if run.returncode != 0:
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        raise Unavailable(f"the profile could not be measured: {' / '.join(lines[-2:]) or f'exit {run.returncode}'}")
    return [Stage(name, milliseconds) for name, milliseconds in json.loads(run.stdout)]


def _timed_stages(folder: Path, documents: int) -> list[tuple[str, float]]:
    from edition import render, saxon, summary, validate
    from edition.build import Builder
    from edition.outputs import html
    from edition.project import find_project

    project = dataclasses.replace(find_project(ROOT), texts_folder=folder)
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as out:
        settings, _, works = Builder(project, ("html", "text"), out=Path(out) / "build", jobs=1)._plan()
        renderer = render.Renderer(settings)
        for module in settings.modules:  # every output prepares its folders (edition.outputs.Output)
            module.prepare(renderer.edition, Path(out))
        spent: collections.Counter = collections.Counter()
        _time(spent, saxon.Stylesheets, "transform", lambda self, name, *args, **kwargs: f"transform {name}"
              + (_views(args[2]) if len(args) > 2 and "view" in (args[2] or {}) else ""))
        _time(spent, html, "write_citations", "citations (html.write_citations, its transform apart)")
        _time(spent, validate.Validator, "check", "validation (RELAX NG and Schematron)")
        _time(spent, summary, "write", "summary")
        _time(spent, render, "parse", "parsing (lxml)")
        for work in works[:WARM_UP]:
            renderer.render(work, Path(out))
        spent.clear()
        chosen = works[WARM_UP:WARM_UP + documents]
        start = time.process_time()
        for work in chosen:
            result = renderer.render(work, Path(out))
            if result.problems:
                raise SystemExit(f"{work}: {result.problems[0]}")
        total = time.process_time() - start
    # The citations' own transform is counted as a transform; its caller without it.
    spent["citations (html.write_citations, its transform apart)"] -= spent.get("transform citations.xsl", 0)
    spent["other"] = total - sum(spent.values())
    return [("a document, in all", total / len(chosen) * 1000)] + [
        (name, seconds / len(chosen) * 1000) for name, seconds in spent.most_common()]


def _views(params: dict) -> str:
    """Which views a transform of a work's page made: one, or every one at once (with a marker)."""
    return ", every view" if params.get("page-marker") else f", {params['view']} view"


def _time(spent: collections.Counter, owner, attribute: str, stage) -> None:
    """Time each call of ``owner.attribute`` as ``stage`` (a name, or a function of the call's
    arguments that gives it). A call inside another timed one counts in both."""
    function = getattr(owner, attribute, None)
    if function is None:
        return

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage(*args, **kwargs) if callable(stage) else stage] += time.process_time() - start
    setattr(owner, attribute, timed)


if __name__ == "__main__":
    print(json.dumps(_timed_stages(Path(sys.argv[1]), int(sys.argv[2]))))

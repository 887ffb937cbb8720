"""build/dts/: the DTS API as static files (a Level 0 implementation).

Each file is the answer ``edition serve`` would give to the same request, made by
the same function (edition.dts.route), only with the static URI templates: the entry
point, the collections, the navigation of every resource and of every citable unit
(at every depth that lists something new), and the TEI of every resource and passage.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from .. import citation, documents, dts
from ..documents import Edition
from ..output_files import output_file
from ..summary import Summary

STYLESHEETS = citation.STYLESHEETS

Request = tuple[str, dict]  # endpoint ("" for the entry point), parameters


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """Made from the works themselves, read again here: the API serves their text."""
    cat = dts.catalogue(documents.load(edition.project, edition.stylesheets, edition.progress,
                                       only={s.id for s in summaries if not s.generic}))
    urls = dts.static_urls(edition.project.base_url)
    written = _write_all(cat, urls, folder, catalogue_requests(cat))
    for resource in cat.resources.values():
        edition.progress(f"dts   {resource.id}")
        written += _write_all(cat, urls, folder, resource_requests(resource))
    return written


def _write_all(cat: dts.Catalogue, urls: dts.Urls, folder: Path, requests: Iterator[Request]) -> list[Path]:
    """Each answer at the path its static URL names below the API's root (build/dts/)."""
    root = urls.entry.rpartition("/")[0] + "/"
    written = []
    for endpoint, params in requests:
        url = urls.entry if endpoint == "" else urls.url(endpoint, **params)
        response = dts.route(cat, urls, endpoint, {k: str(v) for k, v in params.items() if v is not None})
        if response.status != 200:  # every request made here is valid: a failure is a bug
            raise RuntimeError(f"DTS {endpoint} {params}: {response.status} {response.body.decode()}")
        # Split before decoding: an encoded "/" inside a reference must stay inside its segment.
        segments = [unquote(segment) for segment in url.removeprefix(root).split("/")]
        target = output_file(folder / "dts", *segments)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.body)
        written.append(target)
    return written


def catalogue_requests(cat: dts.Catalogue) -> Iterator[Request]:
    """The entry point, and each collection and resource with its children and its parents."""
    yield "", {}
    yield "collection", {}
    for id in (cat.id, *cat.resources):
        for nav in (None, "children", "parents"):
            yield "collection", {"id": id, "nav": nav}


def resource_requests(resource: dts.Resource) -> Iterator[Request]:
    """Navigation: down=1..depth and -1; for each unit: itself, its siblings, each depth below it.
    Document: the whole resource and each citable unit."""
    depth = max((n.level for n in resource.nodes), default=0)
    for down in (*range(1, depth + 1), -1):
        yield "navigation", {"resource": resource.id, "down": down}
    for node in resource.nodes:
        for down in (None, 0, *range(1, depth - node.level + 1), -1):
            yield "navigation", {"resource": resource.id, "ref": node.unit.ref, "down": down}
    yield "document", {"resource": resource.id}
    for node in resource.nodes:
        yield "document", {"resource": resource.id, "ref": node.unit.ref}

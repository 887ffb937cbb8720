"""build/dts/: the DTS API as static files (a Level 0 implementation).

Each file is the answer ``edition serve`` would give to the same request, made by
the same function (edition.dts_api.route), only with the static URI templates. A Level 0
server answers every valid call, so every call the templates allow has its file: the
entry point; the root collection and each resource, with their children and parents;
the navigation of each resource at every depth, and of each citable unit alone, with
its siblings and at every depth; the TEI of every resource and passage.

One kind of valid call has no file: a ``down`` greater than the depth of the citation
tree, of which there is no end. Its members are those of ``down`` equal to the depth
(the spec: "the member array will simply include any CitableUnits that do satisfy the
parameters"), which is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from .. import citable, documents, dts_api
from ..documents import Edition, Work
from ..output_files import output_file
from ..summary import Summary

STYLESHEETS = citable.STYLESHEETS
GENERIC = False
MADE_FROM = "documents"

Request = tuple[str, dict]  # endpoint ("" for the entry point), parameters


def prepare(edition: Edition, folder: Path) -> list[Path]:
    return []


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    return []  # the API's answers span the works: they are made over the whole edition


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """Made from the works themselves, read again here: the API serves their text."""
    cat = dts_api.catalogue(documents.load(edition.project, edition.stylesheets, edition.progress,
                                       only={s.id for s in summaries if not s.generic}))
    return _write_all(cat, dts_api.static_urls(edition.project.base_url), folder, _requests(cat, edition.progress))


def _requests(cat: dts_api.Catalogue, progress) -> Iterator[Request]:
    yield from catalogue_requests(cat)
    for resource in cat.resources.values():
        progress(f"dts   {resource.work.id}")
        yield from resource_requests(resource)


def _write_all(cat: dts_api.Catalogue, urls: dts_api.Urls, folder: Path, requests: Iterator[Request]) -> list[Path]:
    """Each answer at the path its static URL names below the API's root (build/dts/)."""
    written: dict[Path, Request] = {}
    for endpoint, params in requests:
        response = dts_api.route(cat, urls, endpoint, {k: str(v) for k, v in params.items() if v is not None})
        if response.status != 200:  # every request made here is valid: a failure is a bug
            raise RuntimeError(f"DTS {endpoint} {params}: {response.status} {response.body.decode()}")
        target = output_file(folder / "dts", *static_path(urls, endpoint, params))
        if target in written:  # two calls at one address: a client would get the wrong answer to one
            raise RuntimeError(f"DTS {endpoint} {params} and {written[target]} are both at {target}")
        written[target] = (endpoint, params)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.body)
    return list(written)


def static_path(urls: dts_api.Urls, endpoint: str, params: dict) -> list[str]:
    """Where a static host finds the answer to a request: the segments of its URL's path
    below the API's root, each decoded as a host decodes it."""
    url = urls.entry if endpoint == "" else urls.url(endpoint, **params)
    root = urls.entry.rpartition("/")[0] + "/"
    # Split before decoding: an encoded "/" would stay inside its segment, and be refused.
    return [unquote(segment) for segment in url.removeprefix(root).split("/")]


def catalogue_requests(cat: dts_api.Catalogue) -> Iterator[Request]:
    """The entry point; the root collection, named or not, and each resource, each with
    its children (named or by default) and its parents."""
    yield "", {}
    for id in (None, cat.id, *(resource.id for resource in cat.resources.values())):
        for nav in (None, "children", "parents"):
            yield "collection", {"id": id, "nav": nav}


def resource_requests(resource: dts_api.Resource) -> Iterator[Request]:
    """Navigation: from the root, every depth of the tree and the whole (without a tree, also
    no depth and 0, which the spec then answers); for each unit, itself alone, its siblings,
    every depth of the tree below it and all of it. Document: the whole resource and each
    citable unit."""
    downs = (*range(1, max(resource.depth, 1) + 1), -1)
    for down in downs if resource.structure else (None, 0, *downs):
        yield "navigation", {"resource": resource.id, "down": down}
    for node in resource.nodes:
        for down in (None, 0, *downs):
            yield "navigation", {"resource": resource.id, "ref": node.unit.ref, "down": down}
    yield "document", {"resource": resource.id}
    for node in resource.nodes:
        yield "document", {"resource": resource.id, "ref": node.unit.ref}

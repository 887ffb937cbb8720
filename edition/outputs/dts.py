"""build/dts/: the DTS API as static files (a Level 0 implementation), offered by the site too
(build/html/dts/).

Each file is the answer ``edition serve`` would give to the same request, made by
the same function (edition.dts_api.route), only with the static URI templates. A Level 0
server answers every valid call, so every call the templates allow has its file: the
entry point; the root collection and each resource, with their children and parents;
the navigation of each resource at every depth, and of each citable unit alone, with
its siblings and at every depth; the TEI of every resource and passage.

The answers about one resource (its navigation and its TEI) are written with the document's
other outputs, from the document alone; the entry point and the collections, which describe
every resource by its header, are written over the whole edition from the summaries, one at
a time, each work kept only as what its description is made of (dts_api.Header), the root
collection paginated. So the memory of the DTS files grows with the largest document and by
a few kilobytes a work, and an edit of one text writes that text's answers again, and the
collections only if its header changed.

One kind of valid call has no file: a ``down`` greater than the depth of the citation
tree, of which there is no end. Its members are those of ``down`` equal to the depth
(the spec: "the member array will simply include any CitableUnits that do satisfy the
parameters"), which is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from .. import citable, dts_api, versions
from ..document_names import document_id
from ..documents import Edition, Work, kind_of
from ..output_files import offered_by_the_site, output_file
from ..project import Project
from ..summary import Summary, relative, summarise
from ..xmlfile import parse

STYLESHEETS = citable.STYLESHEETS
GENERIC = False
MADE_FROM = "summaries"  # the collections describe each resource by its header, which a summary keeps

Request = tuple[str, dict]  # endpoint ("" for the entry point), parameters


def prepare(edition: Edition, folder: Path) -> list[Path]:
    """The folder, so that the pages, written before the DTS files, know the build makes them."""
    (folder / "dts").mkdir(parents=True, exist_ok=True)
    return []


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    """The navigation and the TEI of one resource, from the document alone."""
    edition.progress(f"dts   {work.id}")
    cat = dts_api.catalogue(edition, works=[work])
    return _resource_folders(_write_all(cat, _urls(edition), folder, resource_requests(cat.resources[work.id])), folder)


def _resource_folders(paths: list[Path], folder: Path) -> list[Path]:
    """The files written, those below an endpoint's folder in a folder of the resource's own
    (dts/navigation/<resource>/<passage>.json, ...) given as that folder: the manifest lists
    a document's few folders, not its hundreds of answers."""
    roots = [folder / "dts", folder / "html" / "dts"]
    listed: dict[Path, None] = {}
    for path in paths:
        root = next(root for root in roots if path.is_relative_to(root))
        endpoint, *below = path.relative_to(root).parts
        listed[root / endpoint / below[0] if len(below) > 1 else path] = None
    return list(listed)


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """The entry point and the collections, from the summaries of the works, with the works
    of each released version as resources of their own."""
    headers = (dts_api.read_header(summary.id, root) for summary in summaries if not summary.generic
               for root in [parse(summary.path, summary.xml).tree.getroot()] if kind_of(root) == "work")
    cat = dts_api.collections(edition, headers, released_headers(edition.project))
    return _write_all(cat, _urls(edition), folder, catalogue_requests(cat))


def released_headers(project: Project) -> list[tuple[str, list[dts_api.Header]]]:
    """Each released version, oldest first, with the headers of its works as its tag has them
    (what a collection describes)."""
    return [(version, [dts_api.read_header(work_id, parse(Path(relative(work_id)), summary).tree.getroot())
                       for work_id, summary in works])
            for version, works in released_summaries(project)]


def released_summaries(project: Project) -> list[tuple[str, list[tuple[str, bytes]]]]:
    """Each released version, oldest first, with the summary of each of its works (by document
    id), read from its tag. Only for the edition's own repository: a version's build
    (edition.version_builds), made from its sources in a folder of their own, lists no versions,
    and neither does a build of another folder of texts."""
    if project.texts_folder is not None or not _repository_root(project.root):
        return []
    released = []
    for version in versions.released(project.root):
        works = []
        for name, data in sorted(versions.files_at(project.root, version, "texts").items()):
            xml = parse(Path(name), data, project.max_source_bytes)
            if kind_of(xml.tree.getroot()) == "work":
                work_id = document_id(xml)
                works.append((work_id, summarise(xml.tree, work_id, generic=False)))
        released.append((str(version), works))
    return released


def _repository_root(root: Path) -> bool:
    """Whether ``root`` is the top of a git work tree (a version's sources, laid out in a
    folder inside it, are not)."""
    if not versions.in_repository(root):
        return False
    return Path(versions.git(root, "rev-parse", "--show-toplevel").decode().strip()).resolve() == root.resolve()


def _urls(edition: Edition) -> dts_api.Urls:
    return dts_api.static_urls(edition.project.base_url)


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
    return [path for target in written for path in (target, *offered_by_the_site(target, folder))]


def static_path(urls: dts_api.Urls, endpoint: str, params: dict) -> list[str]:
    """Where a static host finds the answer to a request: the segments of its URL's path
    below the API's root, each decoded as a host decodes it."""
    template = "pages" if endpoint == "collection" and params.get("page") is not None else endpoint
    url = urls.entry if endpoint == "" else urls.url(template, **params)
    root = urls.entry.rpartition("/")[0] + "/"
    # Split before decoding: an encoded "/" would stay inside its segment, and be refused.
    return [unquote(segment) for segment in url.removeprefix(root).split("/")]


def catalogue_requests(cat: dts_api.Catalogue) -> Iterator[Request]:
    """The entry point; the root collection, named or not, and each resource, each with
    its children (named or by default) and its parents; each page of a paginated one."""
    yield "", {}
    for id in (None, cat.id, *(resource.id for resource in cat.resources.values())):
        for nav in (None, "children", "parents"):
            yield "collection", {"id": id, "nav": nav}
            pages = dts_api.pages(cat, id, nav)
            for page in range(1, pages + 1) if pages > 1 else ():
                yield "collection", {"id": id, "nav": nav, "page": page}


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

"""DTS of released versions: each released version of a work is a resource of its own in the
current collection, with its version in its metadata and the relations between the versions,
its navigation and documents answered by its version's own static API (html/v/<version>/dts/)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from edition import dts_api
from edition.build import build
from edition.project import find_project

from test_release import commit, edit, new_version, repo, run  # noqa: F401,F811  (the fixture repo)
from test_version_builds import MIM, NEW_TEXT, two_releases  # noqa: F401  (v1.0.0, then v2.0.0)

FORMATS = ("html", "dts")

pytestmark = pytest.mark.slow


def static_file(build: Path, url: str, base: str) -> Path:
    """The file a host serving build/html at the edition's address answers ``url`` with."""
    assert url.startswith(base), url
    return build / "html" / Path(*(unquote(part) for part in url.removeprefix(base).split("/")))


def test_each_released_version_is_a_resource_of_the_current_collection(two_releases, tmp_path):
    project = find_project(two_releases)
    out = build(project, FORMATS, tmp_path / "build")
    base = project.base_url
    root = json.loads((out / "dts" / "collection.json").read_text(encoding="utf-8"))
    members = {member["@id"]: member for member in root["member"]}
    assert root["totalChildren"] == len(members) == 2 * 3  # two works, current, 1.0.0 and 2.0.0
    current = members[dts_api.resource_id(base, "mim-program-1996")]
    old = members[dts_api.resource_id(base + "v/1.0.0/", "mim-program-1996")]
    # Each says its version, from its header, and the versions point to one another.
    assert old["extensions"] == {dts_api.VERSION: "1.0.0"}
    assert members[dts_api.resource_id(base + "v/2.0.0/", "mim-program-1996")]["extensions"][dts_api.VERSION] == "2.0.0"
    assert current["dublinCore"]["hasVersion"] == [dts_api.resource_id(base + f"v/{v}/", "mim-program-1996")
                                                   for v in ("1.0.0", "2.0.0")]
    assert old["dublinCore"]["isVersionOf"] == [current["@id"]]
    assert old["dublinCore"]["identifier"] == [f"{base}v/1.0.0/mim-program-1996.html"]
    assert old["download"] == f"{base}v/1.0.0/tei/mim-program-1996.xml"
    # Its own templates lead to its version's static API, whose files hold its own text.
    document = static_file(out, dts_api.expand(old["document"], {"ref": "7.2"}), base)
    assert "to open the borders." in document.read_text(encoding="utf-8")
    assert NEW_TEXT not in document.read_text(encoding="utf-8")
    navigation = json.loads(static_file(out, dts_api.expand(old["navigation"], {"down": 1}), base).read_text())
    assert navigation["resource"]["@id"] == old["@id"]
    assert static_file(out, dts_api.expand(old["collection"], {}), base).is_file()
    # The current API describes it as a member of its root collection, and serves it no text.
    described = json.loads((out / "dts" / "collection" / f"{old['@id']}.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in described.items() if k not in ("@context", "dtsVersion", "member")} == old
    assert not any(old["@id"] in path.name for path in (out / "dts" / "navigation").iterdir())


def test_a_release_tagged_after_a_build_reaches_the_collection_of_the_next(repo, tmp_path):
    """Tagging changes no source: the build after it must still list the new version."""
    assert run().exit_code == 0
    edit(repo, MIM, "to open the borders.", NEW_TEXT)
    new_version(repo, "2.0.0", "The text of 7.2 corrected.")
    commit(repo, "2.0.0")
    project = find_project(repo)
    out = tmp_path / "build"

    def listed() -> set[str]:
        root = json.loads((build(project, FORMATS, out) / "dts" / "collection.json").read_text(encoding="utf-8"))
        return {member["@id"] for member in root["member"]}

    assert dts_api.resource_id(project.base_url + "v/2.0.0/", "mim-program-1996") not in listed()
    assert run().exit_code == 0  # tags v2.0.0 on the commit just built
    assert dts_api.resource_id(project.base_url + "v/2.0.0/", "mim-program-1996") in listed()

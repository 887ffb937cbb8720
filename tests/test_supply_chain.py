"""The supply chain: every Python dependency is installed from a lock that pins it and its files'
hashes, and the test tools come from the package registries alone, with no install script run."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
INSTALL = ROOT / "scripts" / "install-test-tools"
LOCKS = {"edition.txt": (), "test.txt": ("test",)}  # each lock, and the extras it holds
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:[ \t]*\\\n[ \t]+--hash=sha256:[0-9a-f]{64})*)", re.M)
OLD_JAVA = ['java version "1.8.0_292"', 'openjdk version "10.0.2" 2018-07-17']
NEW_JAVA = ['openjdk version "11" 2018-09-25', 'openjdk version "17.0.15" 2025-04-15',
            'openjdk version "21-ea" 2023-09-19']


def declared(extras: tuple[str, ...]) -> list[Requirement]:
    """What pyproject.toml requires with these extras, the build backend included, since the
    project itself is installed from the lock without build isolation."""
    project = PYPROJECT["project"]
    names = [*PYPROJECT["build-system"]["requires"], *project["dependencies"]]
    names += [r for extra in extras for r in project["optional-dependencies"][extra]]
    return [Requirement(r) for r in names]


def lock_text(lock: str) -> str:
    return (ROOT / "requirements" / lock).read_text(encoding="utf-8")


def locked(lock: str) -> dict[str, tuple[str, int]]:
    """{package: (pinned version, number of hashes)} of a lock."""
    return {canonicalize_name(m[1]): (m[2], m[3].count("--hash=")) for m in PIN.finditer(lock_text(lock))}


@pytest.mark.parametrize("lock", LOCKS)
def test_every_declared_dependency_is_pinned_in_its_lock(lock):
    pins = locked(lock)
    problems = []
    for req in declared(LOCKS[lock]):
        version, hashes = pins.get(canonicalize_name(req.name), (None, 0))
        if version is None or not hashes:
            problems.append(f"{req.name} is not pinned with a hash")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name}=={version} is outside {req.specifier}")
    assert problems == [], f"requirements/{lock} is stale, run scripts/lock-python-deps: {problems}"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_entry_of_a_lock_is_an_exact_pin_with_hashes(lock):
    entries = [line for line in lock_text(lock).splitlines() if line[:1] not in ("", "#", " ")]
    unpinned = [e for e in entries if not PIN.match(e)]
    unhashed = [name for name, (_, hashes) in locked(lock).items() if not hashes]
    assert entries and unpinned == [] and unhashed == []


def test_the_test_lock_runs_the_edition_on_the_same_versions():
    edition = {name: version for name, (version, _) in locked("edition.txt").items()}
    test = {name: version for name, (version, _) in locked("test.txt").items()}
    assert {name: test.get(name) for name in edition} == edition


def test_npm_runs_no_install_script_in_this_folder():
    settings = (ROOT / ".npmrc").read_text(encoding="utf-8").split()
    assert "ignore-scripts=true" in settings


@pytest.fixture
def tools(tmp_path):
    """Runs install-test-tools (or one of its functions) with every installer it calls replaced
    by a fake that only logs its arguments, and a `java` that announces the given version."""
    log = tmp_path / "log"
    for name in ("apt-get", "npm", "pip", "pip3", "chromium"):
        fake(tmp_path / name, 'echo "${0##*/} $*" >> "$FAKE_LOG"')
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "FAKE_LOG": str(log)}

    def run(java_banner: str, command: list[str]):
        fake(tmp_path / "java", f"echo 'Picked up JAVA_TOOL_OPTIONS: -Xss4m' >&2\necho '{java_banner}' >&2")
        done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        return done, log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return run


def fake(path, body: str) -> None:
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.parametrize("banner", OLD_JAVA + NEW_JAVA)
def test_the_java_check_wants_11_or_later(tools, banner):
    done, _ = tools(banner, ["bash", "-c", f'source "{INSTALL}" && java_major && java_recent'])
    major = int(re.search(r'"(?:1\.)?(\d+)', banner)[1])
    assert done.stdout.split()[:1] == [str(major)]
    assert (done.returncode == 0) == (banner in NEW_JAVA)


def test_the_tools_are_installed_from_the_locks_only(tools):
    done, calls = tools(NEW_JAVA[1], [str(INSTALL)])
    assert done.returncode == 0, done.stderr
    npm = [c.split() for c in calls if c.startswith("npm ")]
    pip = [c.split() for c in calls if c.startswith("pip")]
    assert npm and all(c[1] == "ci" and "--ignore-scripts" in c for c in npm)
    assert "--require-hashes" in pip[0] and "requirements/test.txt" in pip[0]
    assert all("--require-hashes" in c or "--no-deps" in c for c in pip)
    assert not [c for c in calls if c.startswith("apt-get")]


@pytest.mark.parametrize("banner", OLD_JAVA)
def test_an_old_java_is_replaced_from_debian(tools, banner):
    done, calls = tools(banner, [str(INSTALL)])
    assert any(c.startswith("apt-get install") and "default-jre-headless" in c for c in calls)
    # The fake apt-get leaves the old java in place, which the script must not accept.
    assert done.returncode != 0 and "older than 11" in done.stderr

"""The ``edition`` command: a thin layer over the library. Only this module imports click."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import click

from . import __version__, isolation
from . import build as builder
from . import citation_styles as citations
from . import release as releaser
from . import schema as schema_files
from . import serve as server
from .errors import EditionError
from .project import NotAnEdition, find_project
from .validate import validate as validate_files


@click.group()
@click.version_option(__version__, prog_name="edition")
def main() -> None:
    """Validate and build the TEI edition of the two programmes.

    Run the commands from the edition's folder (or any folder below it).
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              help="text: one line per problem; json: a list of problems for tools.")
def validate(paths: tuple[Path, ...], output: str) -> None:
    """Validate TEI files (default: every file of texts/): RELAX NG, then Schematron.

    Prints each problem as path:line:col: error: message, and exits 1 if there is any.

    Example: edition validate texts/mim-program-1996.xml
    """
    project = _run(find_project)
    files = list(paths) or project.text_files()
    problems = _run(lambda: validate_files(project, files))
    if output == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            click.echo(str(problem), err=True)
        if not problems:
            click.echo(f"valid: {len(files)} file{'s' if len(files) != 1 else ''}, no problems")
    sys.exit(1 if problems else 0)


@main.command()
def schema() -> None:
    """Regenerate schema/edition.rng and schema/edition.sch from schema/edition.odd.

    Example: edition schema
    """
    for path in _run(lambda: schema_files.write(find_project())):
        click.echo(f"wrote {path}")


@main.command()
@click.option("--format", "formats", default=",".join(builder.FORMATS), show_default=True,
              help="Comma-separated outputs to build.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Output folder (default: build/).")
@click.option("--texts", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="Folder of TEI files to build instead of texts/ (any TEI P5 documents).")
@click.option("--lenient", is_flag=True,
              help="Render documents the edition's schema refuses generically (with a warning) "
                   "instead of stopping; they must still be well-formed TEI.")
@click.option("--jobs", type=click.IntRange(1, None), default=None,
              help="Worker processes (default: one per core, when there is enough to do).")
@click.option("--quiet", is_flag=True, help="Print no progress.")
def build(formats: str, out: Path | None, texts: Path | None, lenient: bool, jobs: int | None, quiet: bool) -> None:
    """Validate, then build the edition's outputs into build/.

    Only what changed since the last build into the same folder is made again. A failed
    build leaves the previous output untouched.

    Examples: edition build --format text;
    edition build --texts ../corpus --out /tmp/corpus --format html,text --lenient
    """
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in builder.FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(builder.FORMATS)}", param_hint="--format")
    silent = quiet or not sys.stderr.isatty()
    progress = (lambda message: None) if silent else (lambda message: click.echo(message, err=True))
    project = _run(find_project)
    if texts is not None:
        project = dataclasses.replace(project, texts_folder=texts.resolve())
    run = builder.Builder(project, chosen, out, lenient, jobs, progress)
    try:
        folder = _run(run.build)
    except KeyboardInterrupt:
        click.echo("edition: error: interrupted; the previous build is unchanged", err=True)
        sys.exit(130)
    finally:
        run.close()
    for warning in run.warnings:
        click.echo(str(warning), err=True)
    if not quiet:
        click.echo(f"built {folder}", err=True)


@main.command()
@click.argument("reference")
@click.option("--style", type=click.Choice(list(citations.STYLES)), default="chicago", show_default=True,
              help="Citation style (CSL), for the text and html formats.")
@click.option("--format", "output", type=click.Choice(citations.FORMATS), default="text", show_default=True)
@click.option("--version", "version", default=None, metavar="VERSION",
              help="Cite a released version (its tag v<VERSION>), e.g. 1.0.0; default: the sources.")
def cite(reference: str, style: str, output: str, version: str | None) -> None:
    """Print a citation of a document or passage: ID, ID:POINT or ID:POINT.BLOCK.

    Examples: edition cite mim-program-1996:7.2 --style mla;
    edition cite mim-program-1996:7.2 --version 1.0.0
    """
    project = _run(find_project)
    # The sources are read and their citation scheme evaluated in a worker, within the limits.
    click.echo(_run(lambda: isolation.run_limited(project.limits, project.texts, f"citing {reference}",
                                                  citations.cite_reference, project, reference, style,
                                                  output, version)).rstrip("\n"))


@main.command()
def release() -> None:
    """Check that the committed sources may be released as the version their headers carry,
    then tag the commit v<version>.

    Refuses, naming each reason, a placeholder base-url, uncommitted changes under texts/,
    headers that disagree on the version or a version already tagged, a version without its
    revisionDesc/change, a version that does not follow from the changes, and a published
    reference that no longer resolves unless a header declares what became of it.

    Example: edition release
    """
    project = _run(find_project)
    released = _run(lambda: releaser.release(project, lambda message: click.echo(message, err=True)))
    click.echo(released.summary())


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
def serve(host: str, port: int) -> None:
    """Serve build/html at / and the DTS API at /dts/, rebuilding when texts/ change.

    Builds first if build/ is missing. Stop it with Ctrl-C.

    Example: edition serve --port 8080
    """
    _run(lambda: server.serve(find_project(), host, port, lambda message: click.echo(message, err=True)))


def _run(action):
    """Run a library call; its EditionError becomes error lines and exit status 1, or 2 when
    the command was run outside an edition."""
    try:
        return action()
    except EditionError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        sys.exit(2 if isinstance(error, NotAnEdition) else 1)


if __name__ == "__main__":
    main()

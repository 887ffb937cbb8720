"""The benchmark's parts: the engine floor and the peer it measures beside the build, the largest
page of a build, and the targets it judges the figures by."""

from __future__ import annotations

import os

import pytest

from bench import corpora, engine, measure, report, targets
from bench.engine import Timing
from bench.measure import Page
from bench.report import Row

JOBS = os.cpu_count() or 1


def test_the_engine_floor_and_the_peer_transform_every_file_of_a_corpus():
    edition = corpora.edition()
    floor, peer = engine.floor(edition), engine.peer(edition)
    assert floor.documents == peer.documents == edition.documents
    assert 0 < floor.seconds < peer.seconds, "the TEI stylesheets do more than an identity transform"


def test_the_peer_makes_html_and_text_of_a_work(tmp_path):
    """What the peer is timed on is real output: the work's words in its HTML and its text."""
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    compiler = processor.new_xslt30_processor()
    document = processor.parse_xml(xml_file_name=str(corpora.ROOT / "texts" / "mim-program-1996.xml"))
    html, text = (compiler.compile_stylesheet(stylesheet_file=str(path)).transform_to_string(xdm_node=document)
                  for path in engine.PEER_STYLESHEETS)
    assert "<html" in html and "We want communism" in html
    assert "We want communism" in text and "<" not in text.split("We want communism")[0][-20:]


def test_an_unavailable_peer_is_said_so(monkeypatch, tmp_path):
    monkeypatch.setattr(engine, "PEER_STYLESHEETS", (tmp_path / "html.xsl",))
    with pytest.raises(corpora.Unavailable, match="no peer stylesheet"):
        engine.peer(corpora.edition())


def test_the_largest_page_is_the_largest_html_file_of_the_site(tmp_path):
    html = tmp_path / "html"
    (html / "v" / "1.0.0").mkdir(parents=True)
    (html / "index.html").write_text("x" * 10)
    (html / "v" / "1.0.0" / "index.html").write_text("x" * 30)
    (html / "search.json").write_text("x" * 100)  # not a page
    (tmp_path / "print.html").write_text("x" * 100)  # not the site's
    assert measure.largest_page(tmp_path) == Page("v/1.0.0/index.html", 30)
    assert measure.largest_page(tmp_path / "nothing") is None


def test_a_build_is_asked_for_the_formats_of_its_row(tmp_path):
    command = measure.build_command(corpora.edition(), tmp_path, 2, ("html", "text", "dts"))
    assert command[command.index("--format") + 1] == "html,text,dts"


def synthetic(documents: int, seconds: float, **figures) -> Row:
    return Row(corpora.synthetic_name(documents), JOBS, runs=1, documents=documents, seconds=seconds, **figures)


@pytest.mark.parametrize(("seconds", "met"), [(5.0, True), (7.0, True), (7.5, False)])
def test_the_per_document_target_is_the_build_of_1000_documents_with_every_core(seconds, met):
    row = synthetic(1_000, seconds, peer=Timing(15.0, 1_000))
    [target] = [t for t in targets.evaluate([row], []) if "ms a document" in t.goal]
    assert target.met is met
    assert target.measured == f"{seconds:.1f} ms; the peer 15.0 ms on one core"


def test_the_engine_target_is_eltec_with_one_job():
    row = Row(targets.LEVEL1, 1, runs=1, documents=99, seconds=7.0, engine=Timing(3.0, 99))
    [target] = [t for t in targets.evaluate([row], []) if "engine floor" in t.goal]
    assert (target.met, target.measured) == (False, "2.3× (7.00 s, engine floor 3.00 s)")
    row.cpu, row.engine = 6.0, Timing(3.0, 99, 2.0)
    assert "processor time 3.0×" in targets.evaluate([row], [])[1].measured
    assert "| 2.33× |" in report.engine_table([row])


@pytest.mark.parametrize(("size", "met"), [(999_000, True), (1_000_001, False)])
def test_the_page_target_is_the_largest_page_at_10000_documents(size, met):
    row = synthetic(10_000, 600.0, largest=Page("index.html", size))
    [target] = [t for t in targets.evaluate([row], []) if "no page" in t.goal]
    assert target.met is met and target.measured.startswith("index.html, ")


def test_targets_not_run_are_said_so():
    assert all(target.met is None and target.measured == "not run" for target in targets.evaluate([], []))


def test_the_profile_times_each_stage_of_a_document(tmp_path):
    from bench import profile, synthetic

    corpus = synthetic.generate(corpora.ROOT / "texts", tmp_path / "texts", 10)
    stages = {stage.name: stage.milliseconds for stage in profile.stages(corpus, 3)}
    assert list(stages)[0] == "a document, in all"
    for name in ("transform html.xsl, every view", "transform text.xsl, reading view",
                 "transform occurrences.xsl", "validation (RELAX NG and Schematron)", "summary"):
        assert 0 < stages[name] < stages["a document, in all"], name
    assert abs(sum(stages.values()) - 2 * stages["a document, in all"]) < 0.01, "the stages add up to the whole"
    assert "| transform html.xsl, every view |" in report.profile_table(profile.stages(corpus, 1))


def test_kept_rows_come_back_as_they_were_measured(tmp_path, monkeypatch):
    """A run may take the 10,000-document edition's rows from the run that measured them."""
    from bench import kept

    monkeypatch.setattr(kept, "FILE", tmp_path / "rows.json")
    row = Row("synthetic 10,000", 2, ("html", "text", "dts"), 1, 10_000, 270_000_000, 2.0, 1_900.0, 3_000.0,
                     900_000_000, Page("index-3.html", 680_000), Timing(15.0, 10_000, 14.0), None)
    kept.save("synthetic-10000", [row])
    found = kept.load("synthetic-10000")
    assert found.rows == [row]
    assert found.measured.startswith(report.today() + ", commit ")
    with pytest.raises(SystemExit, match="no rows of eltec-level1 are kept"):
        kept.load("eltec-level1")

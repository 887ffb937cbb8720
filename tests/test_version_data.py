"""What the pages of the versions are made from, without git or a build: the comparisons of
edition.version_pages (which versions are compared, the words removed, added and elided, a
dropped passage with what became of it) and the links of an old version's passages
(edition.concordance.links)."""

from __future__ import annotations

from edition import concordance, version_pages

WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"

FOUND = {
    "current": "3.0.0", "versions": ["1.0.0", "2.0.0"],
    "references": [
        {"reference": "doc:1", "passages": {"1.0.0": "v/1.0.0/doc.html#p-1", "2.0.0": "v/2.0.0/doc.html#p-1",
                                            "current": "doc.html#p-1"}},
        {"reference": "doc:2", "passages": {"1.0.0": "v/1.0.0/doc.html#p-2"},
         "became": {"kind": "merged", "reason": "One paragraph.", "to": "doc:1"}},
        {"reference": "doc:3", "passages": {"1.0.0": "v/1.0.0/doc.html#p-3", "2.0.0": "v/2.0.0/doc.html#p-3"},
         "became": {"kind": "withdrawn", "reason": "Not in the source."}},
        {"reference": "doc:4", "passages": {"2.0.0": "v/2.0.0/doc.html#p-4", "current": "doc.html#p-4"}},
    ]}
TEXTS = {"1.0.0": {"doc": {"1": WORDS, "2": "gone words", "3": "kept"}},
         "2.0.0": {"doc": {"1": WORDS.replace("ten", "TEN"), "3": "kept", "4": "new"}},
         "current": {"doc": {"1": WORDS.replace("ten", "TEN") + " more", "4": "new"}}}


def comparisons(data) -> dict[str, object]:
    return {f"{c.get('from')}>{c.get('to')}": c for c in data.find("document").iter("comparison")}


def test_each_version_is_compared_with_the_next_and_with_the_current():
    data = version_pages.version_data(FOUND, TEXTS, ["doc"])
    assert [(v.get("n"), v.get("released")) for v in data.iter("version")] == [
        ("1.0.0", "true"), ("2.0.0", "true"), ("3.0.0", "false")]
    assert list(comparisons(data)) == ["1.0.0>2.0.0", "1.0.0>3.0.0", "2.0.0>3.0.0"]


def test_a_comparison_gives_the_words_removed_and_added_and_elides_what_stays():
    passage = comparisons(version_pages.version_data(FOUND, TEXTS, ["doc"]))["1.0.0>2.0.0"].find("passage[@ref='1']")
    assert passage.get("change") == "changed"
    assert [(child.tag, child.text or child.get("words")) for child in passage] == [
        ("same", "one two three four five six seven eight nine"), ("del", "ten"), ("ins", "TEN"),
        ("same", "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen"), ("gap", "2")]
    # A run of kept words keeps 8 words by a change; one word more is not worth a gap.


def test_a_dropped_passage_says_what_became_of_it_and_stands_where_it_stood():
    compared = comparisons(version_pages.version_data(FOUND, TEXTS, ["doc"]))["1.0.0>2.0.0"]
    assert [(p.get("ref"), p.get("change")) for p in compared.iter("passage")] == [
        ("1", "changed"), ("2", "dropped"), ("4", "added")]
    assert compared.get("unchanged") == "1"  # 3, the same in both
    dropped = compared.find("passage[@ref='2']")
    assert dict(dropped.find("became").attrib) == {"kind": "merged", "reason": "One paragraph.", "to": "doc:1"}
    assert [(child.tag, child.text) for child in dropped if child.tag != "became"] == [("del", "gone words")]


def test_the_concordance_says_in_which_version_a_reference_went():
    data = version_pages.version_data(FOUND, TEXTS, ["doc"])
    became = {r.get("ref"): r.find("became").get("in") for r in data.iter("reference") if r.find("became") is not None}
    assert became == {"doc:2": "2.0.0", "doc:3": "3.0.0"}


def test_an_old_version_links_each_passage_to_the_current_one_or_says_what_became_of_it():
    assert concordance.links(FOUND, "1.0.0") == {"doc": {
        "": {"kind": "current"},
        "1": {"kind": "current", "fragment": "p-1"},
        "2": {"kind": "merged", "reason": "One paragraph.", "to": "doc:1", "in": "2.0.0", "document": "doc",
              "fragment": "p-1"},
        "3": {"kind": "withdrawn", "reason": "Not in the source.", "in": "current"}}}
    assert concordance.links(FOUND, "2.0.0")["doc"]["4"] == {"kind": "current", "fragment": "p-4"}

// Where a link or a search lands on a document's page: the unit a reference names (?ref=, the
// reference its permalink carries, e.g. "mim-program-1996:7.2"); the heading of the point it is
// in kept in view with it; the views' links keeping the place; and the words of the search
// marked (?highlight=) in the passage it landed on, or in the whole text. The words are wrapped
// as nodes, never written as markup.
"use strict";

function highlightWords(root, terms) {
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest(".editorial, [hidden], script, mark")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.textContent;
    const pieces = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      pieces.push(text.slice(last, match.index));
      const mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = match[0];
      pieces.push(mark);
      last = match.index + match[0].length;
    }
    if (last > 0) node.replaceWith(...pieces, text.slice(last));
  }
}

const params = new URLSearchParams(location.search);
const named = params.get("ref");
const unit = named && document.querySelector(`a.permalink[title="${CSS.escape(named)}"]`)?.closest("[id]");
if (unit) location.replace(`${location.pathname}#${unit.id}`);

const highlight = params.get("highlight");
const terms = (highlight || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
if (terms.length) highlightWords(target || document.getElementById("main"), terms);

// The heading of the division that holds the passage stays at the top of the window while
// the division is read (edition.css); the passage is moved out from under it.
function keepHeadingInView(passage) {
  const heading = passage.closest("section")?.querySelector(":scope > h2, :scope > h3");
  if (!heading || heading.contains(passage) || passage.matches("section")) return;
  const covered = heading.getBoundingClientRect().bottom - passage.getBoundingClientRect().top;
  if (covered > 0) window.scrollBy(0, -covered - 8);
}

// The other view of the text at the same place.
function viewsKeepThePlace() {
  for (const link of document.querySelectorAll(".views a")) {
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + location.hash);
  }
}

function landed() {
  const passage = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (passage) keepHeadingInView(passage);
  viewsKeepThePlace();
}

// After the browser's own scroll to the fragment, which would undo ours.
window.addEventListener("hashchange", landed);
window.addEventListener("load", landed);

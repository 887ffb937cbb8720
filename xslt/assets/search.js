// The search page (search.html): runs the query of its form (?q=...) against the Pagefind index
// of the reading texts and lists every block that holds a hit, linked to the block's permalink.
//
// Pagefind indexes each page's text and records every element with an id as an anchor, with
// the position of its first word. A hit belongs to the last anchor that starts at or before it:
// the innermost citable block (paragraph, quotation) or the point whose heading it is in. The
// block's reference is the document id (page meta "document") and the anchor id without its
// unit ("point-7.2" is cited as ":7.2").

const MAX_PAGES = 20;
const CONTEXT_WORDS = 18;

const form = document.querySelector(".search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");

function words(query) {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// The anchor a word position falls in: the last one starting at or before it.
function anchorAt(anchors, location) {
  let found = null;
  for (const anchor of anchors) {
    if (anchor.location > location) break;
    found = anchor;
  }
  return found;
}

// Every block of a page with hits: its anchor and how many of the query's words it holds.
function blocks(data, query) {
  const anchors = data.anchors.filter((a) => a.id && a.id !== "main")
    .sort((a, b) => a.location - b.location);
  const byId = new Map();
  for (const location of data.locations) {
    const anchor = anchorAt(anchors, location);
    if (!anchor) continue;
    const entry = byId.get(anchor.id) || { anchor, data, hits: 0 };
    entry.hits += 1;
    byId.set(anchor.id, entry);
  }
  const phrase = query.toLowerCase().replace(/\s+/g, " ").trim();
  const terms = words(query);
  for (const entry of byId.values()) {
    const text = entry.anchor.text.toLowerCase().replace(/\s+/g, " ");
    entry.phrase = phrase.includes(" ") && text.includes(phrase);
    entry.terms = terms.filter((t) => text.includes(t)).length;
  }
  return [...byId.values()];
}

function reference(entry) {
  const documentId = entry.data.meta.document || entry.data.url.replace(/^\/|\.html$/g, "");
  return `${documentId}:${entry.anchor.id.replace(/^[^-]*-/, "")}`;
}

// The passage around the first hit, its query words marked; built as nodes, never as markup.
function excerpt(text, terms) {
  const tokens = text.replace(/\s+/g, " ").trim().split(" ");
  const matches = (token) => terms.some((t) => token.toLowerCase().includes(t));
  const first = Math.max(0, tokens.findIndex(matches));
  const start = Math.max(0, first - CONTEXT_WORDS / 2);
  const shown = tokens.slice(start, start + CONTEXT_WORDS * 2);
  const p = document.createElement("p");
  p.className = "search-excerpt";
  if (start > 0) p.append("… ");
  shown.forEach((token, i) => {
    if (i > 0) p.append(" ");
    if (matches(token)) {
      const mark = document.createElement("mark");
      mark.textContent = token;
      p.append(mark);
    } else {
      p.append(token);
    }
  });
  if (start + shown.length < tokens.length) p.append(" …");
  return p;
}

function item(entry, terms) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = `${entry.data.url.replace(/^\//, "")}#${entry.anchor.id}`;
  link.textContent = reference(entry);
  const title = document.createElement("span");
  title.className = "search-work";
  title.textContent = ` ${entry.data.meta.title || ""}`;
  li.append(link, title, excerpt(entry.anchor.text, terms));
  return li;
}

async function run(query) {
  status.textContent = `Searching for “${query}” …`;
  const pagefind = await import("../pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const pages = await Promise.all(search.results.slice(0, MAX_PAGES).map((r) => r.data()));
  const found = pages.flatMap((data) => blocks(data, query))
    .sort((a, b) => (b.phrase - a.phrase) || (b.terms - a.terms) || (b.hits - a.hits));
  list.replaceChildren(...found.map((entry) => item(entry, words(query))));
  status.textContent = found.length === 0 ? `Nothing found for “${query}”.`
    : `${found.length} ${found.length === 1 ? "passage" : "passages"} found for “${query}”.`;
}

const query = new URLSearchParams(location.search).get("q");
if (query && query.trim()) {
  input.value = query;
  run(query.trim()).catch((error) => {
    status.textContent = `The search could not run: ${error.message}`;
  });
}
form.addEventListener("submit", (event) => {
  if (!input.value.trim()) event.preventDefault();
});

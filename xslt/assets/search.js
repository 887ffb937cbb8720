// The search page (search.html): runs the query of its form (?q=...) against the Pagefind index
// as the reader types (after a pause) and lists the citable units that hold every word of it,
// each with its reference, linked to its permalink.
//
// The index has one record for each citable unit (edition/outputs/search.py), whose meta are
// the unit's permalink (href), its reference, the work's title and the unit's reading text. A reference typed
// into the box ("mim-program-1996:7.2", or "7.2" with the page's document, ?document=...) goes
// straight to its passage, which the document's page finds (assets/landing.js).

const MAX_RESULTS = 50;
const CONTEXT_WORDS = 18;
const REFERENCE = /^[a-z0-9]+(?:-[a-z0-9]+)*:[A-Za-z0-9][A-Za-z0-9._~-]*$/;
const LOCAL_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

const form = document.querySelector(".search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const params = new URLSearchParams(location.search);

function words(query) {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// The unit's text around its first hit, the query's words marked; built as nodes, never as markup.
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

// The permalink, asking the page to mark the words where the reader lands.
function landing(url, terms) {
  const [page, fragment] = url.split("#");
  const highlight = terms.length ? `?highlight=${encodeURIComponent(terms.join(" "))}` : "";
  return `${page}${highlight}${fragment ? `#${fragment}` : ""}`;
}

function item(data, terms) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = landing(data.meta.href, terms);
  link.textContent = data.meta.reference;
  const title = document.createElement("span");
  title.className = "search-work";
  title.textContent = ` ${data.meta.title || ""}`;
  li.append(link, title, excerpt(data.meta.text || data.content, terms));
  return li;
}

// The reference a query names, if it is one: whole, or inside the document given with the query.
function namedReference(query) {
  if (REFERENCE.test(query)) return query;
  const documentId = params.get("document");
  return documentId && LOCAL_REFERENCE.test(query) ? `${documentId}:${query}` : null;
}

// Pagefind's module, loaded once, when the first search runs, with the index's further parts
// merged into its first (an edition of many documents is indexed in parts: edition/outputs/search.py).
// Their list names them relative to itself; addresses are made from this script's own, so that
// the site searches the same wherever it is served (a released version's copy, under v/<version>/).
let pagefindModule = null;
const pagefind = () => (pagefindModule ??= loadIndex());

async function loadIndex() {
  const module = await import("../pagefind/pagefind.js");
  const list = new URL("../pagefind-parts.json", import.meta.url);
  const answer = await fetch(list);
  if (!answer.ok) throw new Error(`${list.pathname}: ${answer.status}`);
  const parts = await answer.json();
  // Asked for in the list's order, which is the order Pagefind keeps them in: results of
  // equal score keep the documents' order.
  await Promise.all(parts.map((part) => module.mergeIndex(new URL(part, list).href)));
  return module;
}

// Each search is numbered: the answer of one the reader has typed past is dropped.
let latest = 0;

async function show(query) {
  const ticket = ++latest;
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const reference = namedReference(query);
  if (reference) {
    list.replaceChildren();
    status.textContent = `Press Enter to go to ${reference}.`;
    return;
  }
  status.textContent = `Searching for “${query}” …`;
  const terms = words(query);
  const search = await (await pagefind()).search(query);
  const units = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...units.map((data) => item(data, terms)));
  status.textContent = units.length === 0 ? `Nothing found for “${query}”.`
    : `${units.length} ${units.length === 1 ? "passage" : "passages"} found for “${query}”.`;
}

// The query in the page's address, so that a result list can be bookmarked and shared.
function remember(query) {
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
}

function failed(error) {
  status.textContent = `The search could not run: ${error.message}`;
}

// A reference goes straight to its passage, which the document's page finds by the reference
// its permalink carries; any other query is shown.
function go(query) {
  const reference = namedReference(query);
  if (reference) {
    const [documentId] = reference.split(":");
    location.replace(`${documentId}.html?ref=${encodeURIComponent(reference)}`);
    return;
  }
  remember(query);
  show(query).catch(failed);
}

const TYPING_PAUSE_MS = 250;
let typing = null;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const query = input.value.trim();
    remember(query);
    show(query).catch(failed);
  }, TYPING_PAUSE_MS);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  if (input.value.trim()) go(input.value.trim());
});

const query = params.get("q");
if (query && query.trim()) {
  input.value = query;
  go(query.trim());
}

// The search page (search.html): runs the query of its form (?q=...) against the Pagefind index
// and lists the citable units that hold every word of it, each with its reference, linked to
// its permalink.
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

async function run(query) {
  const reference = namedReference(query);
  if (reference) {
    // The document's page finds the unit by the reference its permalink carries.
    const [documentId] = reference.split(":");
    location.replace(`${documentId}.html?ref=${encodeURIComponent(reference)}`);
    return;
  }
  status.textContent = `Searching for “${query}” …`;
  const pagefind = await import("../pagefind/pagefind.js");
  const terms = words(query);
  const search = await pagefind.search(query);
  const units = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  list.replaceChildren(...units.map((data) => item(data, terms)));
  status.textContent = units.length === 0 ? `Nothing found for “${query}”.`
    : `${units.length} ${units.length === 1 ? "passage" : "passages"} found for “${query}”.`;
}

const query = params.get("q");
if (query && query.trim()) {
  input.value = query;
  run(query.trim()).catch((error) => {
    status.textContent = `The search could not run: ${error.message}`;
  });
}
form.addEventListener("submit", (event) => {
  if (!input.value.trim()) event.preventDefault();
});

// Citing from a work's page. The "Copy" buttons of its citations, and the "cite" button beside
// each unit's reference, which opens the page's one dialog filled with that unit's reference,
// address, citations and files, from the page's data block (html/cite.xsl). The pages hide
// the buttons: only where this script runs are they shown; without it, the work's own
// citations stay plain text to select and copy, with its files to download.
"use strict";

function copyCitation(button) {
  const citation = button.parentElement.querySelector(".citation");
  const status = button.parentElement.querySelector(".copy-status");
  const text = citation.textContent.replace(/\s+/g, " ").trim();
  const done = () => { status.textContent = "Copied"; };
  const failed = () => { status.textContent = "Select the citation to copy it"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => (copyBySelection(citation) ? done() : failed()));
  } else if (copyBySelection(citation)) {
    done();
  } else {
    failed();
  }
}

// Where the clipboard API is refused (file: pages in some browsers), select and copy.
function copyBySelection(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    return document.execCommand("copy");
  } catch (error) {
    return false;
  }
}

for (const button of document.querySelectorAll("button.copy")) {
  const status = document.createElement("span");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  button.after(status);
  button.addEventListener("click", () => copyCitation(button));
  button.hidden = false;
}

// citeproc's HTML, as the page's data holds it, made into nodes: its text, and the few inline
// elements a citation has; anything else is kept as its text alone, never as markup.
const CITATION_ELEMENTS = new Set(["I", "B", "SUP", "SUB", "SPAN", "BR"]);

function citationNodes(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  return [...parsed.childNodes].map(inertCopy);
}

function inertCopy(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return document.createTextNode(node.nodeType === Node.TEXT_NODE ? node.textContent : "");
  }
  const copy = CITATION_ELEMENTS.has(node.tagName)
    ? document.createElement(node.tagName.toLowerCase()) : document.createDocumentFragment();
  copy.append(...[...node.childNodes].map(inertCopy));
  return copy;
}

const dialog = document.getElementById("cite-dialog");
const dataBlock = document.getElementById("cite-data");
const passages = dialog && dataBlock ? JSON.parse(dataBlock.textContent) : {};
let opener = null;
let fileLinks = [];

function openCitation(reference, button) {
  const passage = passages[reference];
  if (!passage) return;
  dialog.querySelector(".cite-reference").textContent = reference;
  const link = dialog.querySelector(".cite-url");
  link.href = passage.url;
  link.textContent = passage.url;
  // The current version's page offers the current address too; a released version's, its own.
  const current = dialog.querySelector(".cite-current-url");
  current.href = passage["current-url"] || "";
  current.textContent = passage["current-url"] || "";
  current.closest(".cite-current").hidden = !passage["current-url"];
  for (const citation of dialog.querySelectorAll(".citation[data-style]")) {
    citation.replaceChildren(...citationNodes(passage.cite[citation.dataset.style] || ""));
  }
  for (const status of dialog.querySelectorAll(".copy-status")) status.textContent = "";
  for (const url of fileLinks) URL.revokeObjectURL(url);
  fileLinks = [];
  for (const file of dialog.querySelectorAll("a[data-format]")) {
    const made = passage.files[file.dataset.format];
    fileLinks.push(URL.createObjectURL(new Blob([made.text], { type: `${made.type};charset=utf-8` })));
    file.href = fileLinks[fileLinks.length - 1];
    file.download = made.name;
  }
  opener = button;
  dialog.showModal();
}

if (dialog) {
  for (const button of document.querySelectorAll("button.cite-unit[data-cite]")) {
    button.addEventListener("click", () => openCitation(button.dataset.cite, button));
    button.hidden = false;
  }
  dialog.querySelector("button.close").addEventListener("click", () => dialog.close());
  // A click on the backdrop, outside the dialog's box, closes it too.
  dialog.addEventListener("click", (event) => {
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right
      && event.clientY >= box.top && event.clientY <= box.bottom;
    if (event.target === dialog && !inside) dialog.close();
  });
  dialog.addEventListener("close", () => opener?.focus());
}

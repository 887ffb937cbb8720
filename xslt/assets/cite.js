// The "Copy" buttons of the "Cite this" boxes. The pages hide them: only where this script
// runs are they shown, and without it the citations stay plain text to select and copy.
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

// The editors' notes on interventions as disclosures. The pages show each note and hide its
// button: only where this script runs is the note closed and the button shown to open it.
"use strict";

function setOpen(button, note, open) {
  button.setAttribute("aria-expanded", String(open));
  note.hidden = !open;
}

for (const button of document.querySelectorAll("button.app-toggle")) {
  const note = document.getElementById(button.getAttribute("aria-controls"));
  if (!note) continue;
  setOpen(button, note, false);
  button.addEventListener("click", () => setOpen(button, note, note.hidden));
  button.hidden = false;
}

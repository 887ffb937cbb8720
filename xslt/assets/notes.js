// The notes open in place without this script: each numbered marker is a button that opens its
// note (an HTML popover), and the stylesheet places the note under its marker (CSS anchor
// positioning). Where a browser cannot place it so, this script does, when the note opens.
"use strict";

function placeUnder(note, marker) {
  const box = marker.getBoundingClientRect();
  const margin = 8;
  const left = Math.max(margin, Math.min(box.left, window.innerWidth - note.offsetWidth - margin));
  const below = box.bottom + 4;
  const fitsBelow = below + note.offsetHeight <= window.innerHeight - margin;
  note.style.margin = "0";
  note.style.left = `${left}px`;
  note.style.top = `${fitsBelow ? below : Math.max(margin, box.top - note.offsetHeight - 4)}px`;
}

if (!CSS.supports("position-area: bottom")) {
  for (const marker of document.querySelectorAll("button[popovertarget]")) {
    const note = document.getElementById(marker.getAttribute("popovertarget"));
    if (!note) continue;
    note.addEventListener("toggle", (event) => {
      if (event.newState === "open") placeUnder(note, marker);
    });
  }
}

// The contents of a text say where the reader is: the entry of the unit at the top of the
// window is marked as the current location (aria-current="location"), as the text scrolls.
// Without scripts the contents are the same list, unmarked.
"use strict";

(() => {
  const links = [...document.querySelectorAll(".toc-list > li > a")];
  const entries = links
    .map((link) => ({ link, unit: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((entry) => entry.unit);
  if (!entries.length) return;

  function current() {
    // The last unit whose top has passed the upper third of the window, else the first.
    const line = window.innerHeight / 3;
    let found = entries[0];
    for (const entry of entries) {
      if (entry.unit.getBoundingClientRect().top <= line) found = entry;
    }
    return found;
  }

  let marked = null;
  let pending = false;
  function mark() {
    pending = false;
    const entry = current();
    if (entry === marked) return;
    if (marked) marked.link.removeAttribute("aria-current");
    entry.link.setAttribute("aria-current", "location");
    marked = entry;
  }

  const later = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(mark);
    }
  };
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later);
  window.addEventListener("hashchange", later);
  mark();
})();

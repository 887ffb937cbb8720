// citeproc-js, the processor Zotero uses, formatting what edition/citation_styles.py formats with
// citeproc-py: the reference tests/test_citeproc_js.py holds the edition's citations to.
//
// Reads a JSON list of requests on stdin, each
//   {"item": CSL-JSON item, "style": "path/to/style.csl", "locales": "folder of locales-xx-XX.xml",
//    "format": "text" | "html", "locator": ["paragraph", "7.2"] or null}
// and writes the list of answers, each {"entry": the bibliography entry, "citation": the
// in-text citation, at the locator if there is one}. The style and locale files are those
// citeproc-py reads (the test finds their paths from Python), so that only the processors
// differ.

"use strict";

const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

function engine(request) {
  const sys = {
    retrieveItem: (id) => (id === request.item.id ? request.item : undefined),
    retrieveLocale: (lang) => {
      const file = path.join(request.locales, `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
  };
  const processor = new CSL.Engine(sys, fs.readFileSync(request.style, "utf8"));
  processor.setOutputFormat(request.format);
  processor.updateItems([request.item.id]);
  return processor;
}

// The entry without what the HTML format wraps around each (<div class="csl-entry">).
function entry(processor) {
  const [, entries] = processor.makeBibliography();
  return entries[0].trim().replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, "$1");
}

function citation(processor, request) {
  const cited = { id: request.item.id };
  if (request.locator) [cited.label, cited.locator] = request.locator;
  return processor.makeCitationCluster([cited]);
}

function answer(request) {
  const processor = engine(request);
  return { entry: entry(processor), citation: citation(processor, request) };
}

const requests = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(requests.map(answer)) + "\n");

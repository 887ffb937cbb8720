"""What a page of the edition may load and run: one Content-Security-Policy, written into every
page (a meta element) and sent by ``edition serve`` in its headers.

Only the edition's own files may run or style a page: no inline script (the JSON-LD data block
is not run), no inline style, no plug-in, no other origin. Search needs WebAssembly, hence
'wasm-unsafe-eval'.
"""

PAGES = "; ".join((
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
))
# A meta element cannot forbid framing: only the header says it.
PAGES_HEADER = PAGES + "; frame-ancestors 'none'"
# Everything else the site serves (TEI, JSON, text, fonts) is data: it may run and load nothing.
DATA_HEADER = "default-src 'none'; sandbox; frame-ancestors 'none'"

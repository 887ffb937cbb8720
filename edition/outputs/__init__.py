"""One module per output format. Each has STYLESHEETS (the XSLT drivers it runs) and
``write(edition, folder)``, which writes its part of a build into ``folder``."""

#ifndef SPOOL_CCMARK_SHIM_H
#define SPOOL_CCMARK_SHIM_H

#include <stdlib.h>
#include <cmark.h>

/* Markdown from strangers: raw HTML in it is left out (CMARK_OPT_SAFE is the default since
   0.29: raw HTML and javascript: links are not passed on), soft breaks stay breaks of the
   source, and invalid UTF-8 is replaced. */
static inline int spool_cmark_options(void) { return CMARK_OPT_VALIDATE_UTF8; }

/* cmark returns memory from its default allocator, which is malloc. */
static inline void spool_cmark_free(char *pointer) { free(pointer); }

#endif

#ifndef SPOOL_CLIBXML2_SHIM_H
#define SPOOL_CLIBXML2_SHIM_H

/* libxml2 here is built with ICU; its headers would pull ICU's into this module, where they
   clash with Foundation's own copy. Nothing Spool calls depends on the ICU parts. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

/* HTML pages are read forgiving (recover), silent, and never from the network. */
static inline int spool_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
}

/* xmlFree is a global function pointer, which Swift cannot call safely. */
static inline void spool_xml_free(void *pointer) { xmlFree(pointer); }

#endif

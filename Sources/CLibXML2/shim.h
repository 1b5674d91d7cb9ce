#ifndef SPOOL_CLIBXML2_SHIM_H
#define SPOOL_CLIBXML2_SHIM_H

/* libxml2 here is built with ICU; its headers would pull ICU's into this module, where they
   clash with Foundation's own copy. Nothing Spool calls depends on the ICU parts. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/* HTML pages are read forgiving (recover), silent, and never from the network. */
static inline int spool_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
}

/* XML exports are read forgiving too (a real WordPress export forgets to declare a
   prefix), silent, never from the network, CDATA as text, with no limit on a text's size. */
static inline int spool_xml_options(void) {
    return XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_NOCDATA
        | XML_PARSE_HUGE;
}

/* libxml2 prints some errors itself (an XPath expression it cannot read, an encoding it
   does not know) to stderr, which is the terminal while the reader runs. Its handlers are
   per thread: every entry point calls this first, so nothing of libxml2's is ever printed. */
static void spool_xml_ignore(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}
static void spool_xml_ignore_structured(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}
static inline void spool_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, spool_xml_ignore);
    xmlSetStructuredErrorFunc(NULL, spool_xml_ignore_structured);
}

/* xmlFree is a global function pointer, which Swift cannot call safely. */
static inline void spool_xml_free(void *pointer) { xmlFree(pointer); }

#endif

#ifndef SPOOL_CZLIB_SHIM_H
#define SPOOL_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro: a gzip or zlib stream, its header detected (15 + 32). */
static inline int spool_inflate_init(z_stream *stream) { return inflateInit2(stream, 15 + 32); }

#endif

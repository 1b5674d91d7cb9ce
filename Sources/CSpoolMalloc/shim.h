#ifndef SPOOL_CMALLOC_SHIM_H
#define SPOOL_CMALLOC_SHIM_H

#include <malloc.h>

/* Large blocks (128 KiB and more) are mapped on their own and unmapped when freed.
   By default glibc raises that threshold to the size of each large block freed, so
   after an archive's import lets go of its threading arrays, the reader's later arrays
   of a few MiB are carved out of the heap and the freed space stays counted in RSS
   (a 100k-message archive: 116 MiB peak against 97 MiB with the threshold fixed).
   Called first thing by the executables. */
static inline void spool_return_large_blocks_at_once(void) { mallopt(M_MMAP_THRESHOLD, 128 * 1024); }

/* Once the reader is built, the other way round (not as soon as the discussion is
   imported: building a million-comment reader frees some 40 MB of arrays, which then
   stayed counted in RSS, 298 against 263 MiB after a first open of a million messages):
   the reader makes and frees arrays of a few MiB at some keys (a million-row archive's
   rows and folds at `C` and `E`), and
   mapping, zeroing and unmapping them each time cost `E` 9 ms a press there. Blocks up to
   glibc's largest threshold (32 MiB) are kept in the heap for reuse, and its top is not
   given back below 64 MiB. */
static inline void spool_keep_freed_blocks(void) {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

#endif

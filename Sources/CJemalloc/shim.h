// Debian's jemalloc (libjemalloc-dev), linked into the adem executable so that it serves every
// allocation in place of glibc's malloc; see docs/decisions/0010-allocator.md. Nothing is called
// through this module: linking the library is what replaces the allocator.
#include <jemalloc/jemalloc.h>

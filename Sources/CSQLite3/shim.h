// Debian's SQLite (libsqlite3-dev), reached through a system-library target.
#include <sqlite3.h>

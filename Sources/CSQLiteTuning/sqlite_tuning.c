#include <sqlite3.h>
#include "sqlite_tuning.h"

// With memory statistics on (Debian's default), every sqlite3_malloc and sqlite3_free in the process
// takes one global mutex. The store's writer runs at nice 19; a search that needs the mutex while a
// preempted writer holds it waits for the writer to be scheduled again (measured: searches of 1 ms
// taking 5-15 ms while ingesting). Without statistics SQLite's allocator takes no lock at all.
int renewald_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

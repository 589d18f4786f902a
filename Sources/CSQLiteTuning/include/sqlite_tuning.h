#ifndef RENEWALD_SQLITE_TUNING_H
#define RENEWALD_SQLITE_TUNING_H

/// Turns off SQLite's memory statistics for this process: SQLITE_OK, or SQLITE_MISUSE when SQLite
/// was already initialised (a connection was opened first). sqlite3_config is variadic, which Swift
/// cannot call, hence this file.
int renewald_sqlite_disable_memstatus(void);

#endif

// statfs(2): which file system a path is on (f_type), which Glibc's Swift module leaves out.
#include <sys/vfs.h>

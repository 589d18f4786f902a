#pragma once
/* libsystemd as the Systemd module sees it (pkg-config libsystemd, package libsystemd-dev). */
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

/*
 * loadgen: a small, fair load generator for line-oriented request/response servers on a Unix
 * socket (renewald's NDJSON protocol, and redis's inline protocol for comparison).
 *
 * N connections, each sending one request line and waiting for its response line before sending
 * the next (no pipelining), all driven by one epoll thread so the client spends as little of the
 * shared CPU as possible. Every request's latency (write → end of response line) is kept, so p50
 * and p99 are exact, not bucketed.
 *
 *   loadgen --socket PATH [--conns N] [--requests M] [--warmup W] [--max-seconds S]
 *           (--request LINE | --requests-file FILE) [--expect SUBSTRING]
 *
 * --requests M is the total over all connections. Requests from --requests-file are used in turn
 * (each connection starts at its own offset), so a list of queries is spread over the run.
 * A response that does not contain --expect (default `"ok":true`) counts as an error.
 * Prints one line of JSON: requests, errors, seconds, rps, p50_ms, p90_ms, p99_ms, max_ms.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

/* One connection: its socket, the request being answered and the partial response so far. */
typedef struct {
    int fd;
    size_t next_request;   /* index into the request list */
    double sent_at;        /* seconds, CLOCK_MONOTONIC */
    char *buf;             /* response bytes received so far */
    size_t len, cap;
    int busy;              /* a request is outstanding */
} conn_t;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The value at quantile q of sorted values (nearest rank). */
static double quantile(const double *sorted, size_t n, double q) {
    if (n == 0) return 0;
    size_t rank = (size_t)(q * (double)n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return sorted[rank - 1];
}

static char **requests;
static size_t *request_lens;
static size_t request_count;

static void add_request(const char *line, size_t len) {
    requests = realloc(requests, (request_count + 1) * sizeof *requests);
    request_lens = realloc(request_lens, (request_count + 1) * sizeof *request_lens);
    char *copy = malloc(len + 1);
    memcpy(copy, line, len);
    copy[len] = '\n';
    requests[request_count] = copy;
    request_lens[request_count] = len + 1;
    request_count++;
}

static void load_requests(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) die(path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (n > 0) add_request(line, (size_t)n);
    }
    free(line);
    fclose(f);
}

static int connect_to(const char *path) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) die("socket");
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof addr.sun_path) { fprintf(stderr, "socket path too long\n"); exit(2); }
    strcpy(addr.sun_path, path);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
    return fd;
}

/* Writes the whole request; requests are small, so a blocking write is fine and simplest. */
static void send_request(conn_t *c) {
    const char *p = requests[c->next_request % request_count];
    size_t left = request_lens[c->next_request % request_count];
    c->sent_at = now();
    while (left > 0) {
        ssize_t w = write(c->fd, p, left);
        if (w < 0) { if (errno == EINTR) continue; die("write"); }
        p += w; left -= (size_t)w;
    }
    c->busy = 1;
    c->len = 0;
}

int main(int argc, char **argv) {
    const char *socket_path = NULL, *expect = "\"ok\":true";
    long conns = 1, total = 10000, warmup = 0;
    double max_seconds = 60;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) { fprintf(stderr, "%s needs a value\n", a); return 2; }
        if (!strcmp(a, "--socket")) socket_path = v;
        else if (!strcmp(a, "--conns")) conns = atol(v);
        else if (!strcmp(a, "--requests")) total = atol(v);
        else if (!strcmp(a, "--warmup")) warmup = atol(v);
        else if (!strcmp(a, "--max-seconds")) max_seconds = atof(v);
        else if (!strcmp(a, "--request")) add_request(v, strlen(v));
        else if (!strcmp(a, "--requests-file")) load_requests(v);
        else if (!strcmp(a, "--expect")) expect = v;
        else { fprintf(stderr, "unknown option %s\n", a); return 2; }
        i++;
    }
    if (!socket_path || request_count == 0 || conns < 1 || total < 1) {
        fprintf(stderr, "usage: loadgen --socket PATH [--conns N] [--requests M] [--warmup W] "
                        "[--max-seconds S] (--request LINE | --requests-file FILE) [--expect S]\n");
        return 2;
    }

    conn_t *cs = calloc((size_t)conns, sizeof *cs);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) die("epoll_create1");
    for (long i = 0; i < conns; i++) {
        cs[i].fd = connect_to(socket_path);
        cs[i].cap = 4096;
        cs[i].buf = malloc(cs[i].cap);
        cs[i].next_request = (size_t)i * 7919; /* spread the request list over the connections */
        struct epoll_event ev = {.events = EPOLLIN, .data.u64 = (uint64_t)i};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &ev) < 0) die("epoll_ctl");
    }

    /* Warm-up requests (not measured) on connection 0, then the measured run on all. */
    long warm_left = warmup;
    long started = 0, finished = 0, errors = 0;
    double *lat = malloc((size_t)total * sizeof *lat);
    size_t nlat = 0;
    double t0 = 0, deadline = now() + max_seconds + (warmup > 0 ? max_seconds : 0);
    int measuring = warmup == 0;
    if (measuring) t0 = now();

    if (!measuring) send_request(&cs[0]);
    else for (long i = 0; i < conns && started < total; i++, started++) send_request(&cs[i]);

    struct epoll_event events[256];
    char chunk[65536];
    while (measuring ? finished < started : 1) {
        int n = epoll_wait(ep, events, 256, 1000);
        if (n < 0) { if (errno == EINTR) continue; die("epoll_wait"); }
        if (now() > deadline) { fprintf(stderr, "loadgen: stopped at --max-seconds\n"); break; }
        for (int k = 0; k < n; k++) {
            conn_t *c = &cs[events[k].data.u64];
            ssize_t r = read(c->fd, chunk, sizeof chunk);
            if (r == 0) { fprintf(stderr, "loadgen: server closed a connection\n"); goto done; }
            if (r < 0) { if (errno == EINTR || errno == EAGAIN) continue; die("read"); }
            if (c->len + (size_t)r > c->cap) {
                while (c->len + (size_t)r > c->cap) c->cap *= 2;
                c->buf = realloc(c->buf, c->cap);
            }
            memcpy(c->buf + c->len, chunk, (size_t)r);
            c->len += (size_t)r;
            if (c->buf[c->len - 1] != '\n') continue; /* the response line is not complete yet */
            double done_at = now();
            c->busy = 0;
            c->next_request++;
            if (!measuring) {
                if (--warm_left > 0) { send_request(c); continue; }
                measuring = 1;
                t0 = now();
                for (long i = 0; i < conns && started < total; i++, started++) send_request(&cs[i]);
                continue;
            }
            if (memmem(c->buf, c->len, expect, strlen(expect)) == NULL) {
                if (errors < 3) fprintf(stderr, "loadgen: unexpected response: %.*s", (int)(c->len > 300 ? 300 : c->len), c->buf);
                errors++;
            }
            lat[nlat++] = done_at - c->sent_at;
            finished++;
            if (started < total) { send_request(c); started++; }
        }
    }
done:;
    double seconds = now() - t0;
    qsort(lat, nlat, sizeof *lat, cmp_double);
    printf("{\"requests\":%zu,\"errors\":%ld,\"conns\":%ld,\"seconds\":%.4f,\"rps\":%.1f,"
           "\"p50_ms\":%.4f,\"p90_ms\":%.4f,\"p99_ms\":%.4f,\"max_ms\":%.4f}\n",
           nlat, errors, conns, seconds, seconds > 0 ? (double)nlat / seconds : 0,
           quantile(lat, nlat, 0.50) * 1e3, quantile(lat, nlat, 0.90) * 1e3,
           quantile(lat, nlat, 0.99) * 1e3, nlat ? lat[nlat - 1] * 1e3 : 0);
    for (long i = 0; i < conns; i++) close(cs[i].fd);
    return nlat == (size_t)total && errors == 0 ? 0 : 1;
}

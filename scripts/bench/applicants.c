/*
 * The load of scripts/bench/applications.py in C: CLIENTS threads, each one keep-alive
 * connection. A Python client spends about as much CPU per request as the server does, and
 * on a small machine the two share the same cores; this one spends a tenth of it.
 *
 *   applicants start PORT CALL_ID CLIENTS TOTAL > results
 *       starts TOTAL applications (bench0@example.org ...); prints "failures N". Each link
 *       goes by email: the caller reads the tokens from the outbox.
 *   applicants complete PORT CLIENTS TOKENS_FILE LETTER_FILE > results
 *       for each token (one a line): reads its application, three saves, a file, submit;
 *       prints one line per submitted application, "id token reference", then "failures N".
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int port, total;
static const char *call_id;
static char **tokens;
static char *letter;
static long letter_size;
static atomic_int next_number, failures;
static pthread_mutex_t output = PTHREAD_MUTEX_INITIALIZER;

static const char *sections[] = {
    "{\"answers\":{\"full_name\":\"Bench Applicant\",\"nationality\":\"MY\",\"residence\":\"MY\",\"sector\":\"ngo\",\"years_experience\":\"5\"}}",
    "{\"answers\":{\"works_with_migrants\":\"yes\",\"focus\":[\"recruitment\",\"justice\"],\"work_description\":\"Casework and legal aid for workers.\"}}",
    "{\"answers\":{\"attend_all\":\"yes\",\"expectations\":\"Skills and networks.\"}}",
};

static int connect_to_server(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) { perror("connect"); exit(1); }
    /* Each request goes out as soon as it is written, as a browser's would. */
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

static void send_all(int fd, const char *data, long size) {
    while (size > 0) {
        long sent = write(fd, data, size);
        if (sent <= 0) { perror("write"); exit(1); }
        data += sent; size -= sent;
    }
}

/* Sends one request and reads its response into body (NUL-terminated); returns the status. */
static int exchange(int fd, const char *head, const char *payload, long payload_size, char *body, long body_capacity) {
    /* Head and body in one write: a request split over two segments waits for an ACK. */
    static __thread char *request = NULL;
    static __thread long request_capacity = 0;
    long head_size_out = strlen(head);
    if (head_size_out + payload_size > request_capacity) {
        request_capacity = head_size_out + payload_size + 4096;
        request = realloc(request, request_capacity);
    }
    memcpy(request, head, head_size_out);
    if (payload_size > 0) memcpy(request + head_size_out, payload, payload_size);
    send_all(fd, request, head_size_out + payload_size);
    static __thread char buffer[65536];
    long have = 0;
    char *end_of_head = NULL;
    while (!end_of_head) {
        long got = read(fd, buffer + have, sizeof buffer - 1 - have);
        if (got <= 0) { perror("read"); exit(1); }
        have += got; buffer[have] = 0;
        end_of_head = strstr(buffer, "\r\n\r\n");
    }
    int status = atoi(buffer + 9);
    char *length_header = strcasestr(buffer, "\r\ncontent-length:");
    long length = length_header ? atol(length_header + 17) : 0;
    long head_size = end_of_head + 4 - buffer;
    while (have - head_size < length) {
        long got = read(fd, buffer + have, sizeof buffer - 1 - have);
        if (got <= 0) { perror("read"); exit(1); }
        have += got;
    }
    long copy = length < body_capacity - 1 ? length : body_capacity - 1;
    memcpy(body, buffer + head_size, copy);
    body[copy] = 0;
    return status;
}

/* The string value of "key" in a flat JSON object, copied into out. */
static int json_string(const char *json, const char *key, char *out, long capacity) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *start = strstr(json, pattern);
    if (!start) return 0;
    start += strlen(pattern);
    const char *end = strchr(start, '"');
    if (!end || end - start >= capacity) return 0;
    memcpy(out, start, end - start);
    out[end - start] = 0;
    return 1;
}

static void *starter(void *unused) {
    (void)unused;
    int fd = connect_to_server();
    char head[1024], payload[512], body[4096];
    for (;;) {
        int n = atomic_fetch_add(&next_number, 1);
        if (n >= total) break;
        snprintf(payload, sizeof payload, "{\"email\":\"bench%d@example.org\"}", n);
        snprintf(head, sizeof head, "POST /api/v1/calls/%s/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n", call_id, strlen(payload));
        if (exchange(fd, head, payload, strlen(payload), body, sizeof body) != 202) atomic_fetch_add(&failures, 1);
    }
    close(fd);
    return NULL;
}

static void *client(void *unused) {
    (void)unused;
    int fd = connect_to_server();
    char head[1024], body[4096], id[64], reference[64];
    const char *boundary = "bench-boundary-7d0f";
    char *upload = malloc(letter_size + 1024);
    for (;;) {
        int n = atomic_fetch_add(&next_number, 1);
        if (n >= total) break;
        const char *token = tokens[n];
        snprintf(head, sizeof head, "GET /api/v1/application HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n", token);
        if (exchange(fd, head, NULL, 0, body, sizeof body) != 200 || !json_string(body, "id", id, sizeof id)) {
            atomic_fetch_add(&failures, 1); continue;
        }
        for (int s = 0; s < 3; s++) {
            snprintf(head, sizeof head, "PATCH /api/v1/applications/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n", id, token, strlen(sections[s]));
            exchange(fd, head, sections[s], strlen(sections[s]), body, sizeof body);
        }
        long size = sprintf(upload, "--%s\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\nsupport_letter\r\n"
                            "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\"\r\n"
                            "Content-Type: application/pdf\r\n\r\n", boundary, boundary);
        memcpy(upload + size, letter, letter_size); size += letter_size;
        size += sprintf(upload + size, "\r\n--%s--\r\n", boundary);
        snprintf(head, sizeof head, "POST /api/v1/applications/%s/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                 "Content-Type: multipart/form-data; boundary=%s\r\nContent-Length: %ld\r\n\r\n", id, token, boundary, size);
        if (exchange(fd, head, upload, size, body, sizeof body) != 201) { atomic_fetch_add(&failures, 1); continue; }
        snprintf(head, sizeof head, "POST /api/v1/applications/%s/submit HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                 "Content-Length: 0\r\n\r\n", id, token);
        if (exchange(fd, head, NULL, 0, body, sizeof body) != 200 || !json_string(body, "reference", reference, sizeof reference)) {
            atomic_fetch_add(&failures, 1); continue;
        }
        pthread_mutex_lock(&output);
        printf("%s %s %s\n", id, token, reference);
        pthread_mutex_unlock(&output);
    }
    free(upload);
    close(fd);
    return NULL;
}

static void run(int clients, void *(*work)(void *)) {
    pthread_t threads[256];
    if (clients > 256) clients = 256;
    for (int i = 0; i < clients; i++) pthread_create(&threads[i], NULL, work, NULL);
    for (int i = 0; i < clients; i++) pthread_join(threads[i], NULL);
    printf("failures %d\n", atomic_load(&failures));
}

int main(int argc, char **argv) {
    if (argc == 6 && strcmp(argv[1], "start") == 0) {
        port = atoi(argv[2]); call_id = argv[3]; total = atoi(argv[5]);
        run(atoi(argv[4]), starter);
        return 0;
    }
    if (argc != 6 || strcmp(argv[1], "complete") != 0) {
        fprintf(stderr, "usage: applicants start PORT CALL_ID CLIENTS TOTAL\n       applicants complete PORT CLIENTS TOKENS_FILE LETTER_FILE\n");
        return 2;
    }
    port = atoi(argv[2]); int clients = atoi(argv[3]);
    FILE *list = fopen(argv[4], "r");
    if (!list) { perror("tokens"); return 2; }
    char line[256];
    int capacity = 1024;
    tokens = malloc(capacity * sizeof *tokens);
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!*line) continue;
        if (total == capacity) tokens = realloc(tokens, (capacity *= 2) * sizeof *tokens);
        tokens[total++] = strdup(line);
    }
    fclose(list);
    FILE *file = fopen(argv[5], "rb");
    if (!file) { perror("letter"); return 2; }
    fseek(file, 0, SEEK_END); letter_size = ftell(file); rewind(file);
    letter = malloc(letter_size);
    if (fread(letter, 1, letter_size, file) != (size_t)letter_size) { perror("letter"); return 2; }
    fclose(file);
    run(clients, client);
    return 0;
}

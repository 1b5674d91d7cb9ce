#include "spool_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    void (*easy_reset)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
} functions;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = NULL;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        load_failure = "libcurl (libcurl.so.4) is not installed";
        return;
    }
#define SPOOL_CURL_FIND(field, name)                                                   \
    do {                                                                               \
        *(void **)(&functions.field) = dlsym(library, name);                           \
        if (!functions.field) {                                                        \
            load_failure = "the libcurl installed has no " name "; it is too old";    \
            return;                                                                    \
        }                                                                              \
    } while (0)
    SPOOL_CURL_FIND(global_init, "curl_global_init");
    SPOOL_CURL_FIND(easy_init, "curl_easy_init");
    SPOOL_CURL_FIND(easy_cleanup, "curl_easy_cleanup");
    SPOOL_CURL_FIND(easy_reset, "curl_easy_reset");
    SPOOL_CURL_FIND(easy_perform, "curl_easy_perform");
    SPOOL_CURL_FIND(easy_strerror, "curl_easy_strerror");
    SPOOL_CURL_FIND(easy_setopt, "curl_easy_setopt");
    SPOOL_CURL_FIND(easy_getinfo, "curl_easy_getinfo");
    SPOOL_CURL_FIND(slist_append, "curl_slist_append");
    SPOOL_CURL_FIND(slist_free_all, "curl_slist_free_all");
#undef SPOOL_CURL_FIND
    if (functions.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) load_failure = "libcurl failed to start";
}

const char *spool_curl_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

CURL *spool_curl_easy_init(void) { return functions.easy_init(); }
void spool_curl_easy_cleanup(CURL *handle) { functions.easy_cleanup(handle); }
void spool_curl_easy_reset(CURL *handle) { functions.easy_reset(handle); }
CURLcode spool_curl_easy_perform(CURL *handle) { return functions.easy_perform(handle); }
const char *spool_curl_easy_strerror(CURLcode code) { return functions.easy_strerror(code); }

CURLcode spool_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return functions.easy_setopt(handle, option, value);
}
CURLcode spool_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return functions.easy_setopt(handle, option, value);
}
CURLcode spool_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return functions.easy_setopt(handle, option, value);
}
CURLcode spool_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return functions.easy_setopt(handle, option, value);
}
CURLcode spool_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return functions.easy_setopt(handle, option, value);
}
CURLcode spool_curl_setopt_callback(CURL *handle, CURLoption option, spool_curl_data_callback value) {
    return functions.easy_setopt(handle, option, value);
}

CURLcode spool_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return functions.easy_getinfo(handle, info, value);
}
CURLcode spool_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return functions.easy_getinfo(handle, info, value);
}
CURLcode spool_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return functions.easy_getinfo(handle, info, value);
}

struct curl_slist *spool_curl_slist_append(struct curl_slist *list, const char *text) {
    return functions.slist_append(list, text);
}
void spool_curl_slist_free_all(struct curl_slist *list) { functions.slist_free_all(list); }

#ifndef SPOOL_CURL_H
#define SPOOL_CURL_H

/* libcurl, loaded with dlopen the first time an address is fetched: linking it (or
   URLSession, which links it) loads libcurl and the thirty libraries under it (TLS,
   Kerberos, LDAP, SSH) at every start of spool, 10 ms of a 20 ms start. Only libcurl's
   header is needed to build. The functions below call libcurl's through the pointers
   loaded; the variadic setopt and getinfo are wrapped in typed calls. */

#include <curl/curl.h>

/* Loads libcurl once (libcurl.so.4, else libcurl-gnutls.so.4) and initialises it.
   Returns NULL when loaded, else what failed (a static string). Thread-safe. */
const char *spool_curl_load(void);

CURL *spool_curl_easy_init(void);
void spool_curl_easy_cleanup(CURL *handle);
void spool_curl_easy_reset(CURL *handle);
CURLcode spool_curl_easy_perform(CURL *handle);
const char *spool_curl_easy_strerror(CURLcode code);

CURLcode spool_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode spool_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode spool_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode spool_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode spool_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value);

/* The body and header callbacks: (data, size, count, user) returning bytes taken. */
typedef size_t (*spool_curl_data_callback)(char *data, size_t size, size_t count, void *user);
CURLcode spool_curl_setopt_callback(CURL *handle, CURLoption option, spool_curl_data_callback value);

CURLcode spool_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode spool_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode spool_curl_getinfo_string(CURL *handle, CURLINFO info, char **value);

struct curl_slist *spool_curl_slist_append(struct curl_slist *list, const char *text);
void spool_curl_slist_free_all(struct curl_slist *list);

#endif

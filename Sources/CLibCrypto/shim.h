#ifndef KYODO_CLIBCRYPTO_SHIM_H
#define KYODO_CLIBCRYPTO_SHIM_H
/* OpenSSL's libcrypto, for its SHA-256: assembly with AVX2 or the SHA extensions where the CPU
   has them, about three times what the Swift rounds did here. Only the EVP digest API is used. */
#include <openssl/evp.h>
#endif

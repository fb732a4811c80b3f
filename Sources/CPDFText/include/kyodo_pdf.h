#ifndef KYODO_PDF_H
#define KYODO_PDF_H
/* A C interface to the little of poppler-cpp Kyodo needs: open a PDF from bytes (copied, so no
   caller's pointer is kept), count its pages, take a page's text in reading order. Every
   string it returns is the caller's, freed with kyodo_pdf_free. */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kyodo_pdf kyodo_pdf;

enum kyodo_pdf_status {
    KYODO_PDF_OK = 0,
    /* poppler could not read the bytes as a PDF */
    KYODO_PDF_DAMAGED = 1,
    /* the PDF is encrypted with a user password */
    KYODO_PDF_LOCKED = 2,
};

/* Opens a PDF from `count` bytes (copied). On KYODO_PDF_OK, `*out` is the document. */
int kyodo_pdf_open(const unsigned char *bytes, size_t count, kyodo_pdf **out);
/* The number of pages. */
int kyodo_pdf_page_count(const kyodo_pdf *pdf);
/* Whether the document is encrypted (with or without a user password). */
int kyodo_pdf_is_encrypted(const kyodo_pdf *pdf);
/* The text of the page at 0-based `index` in reading order, UTF-8, `*length` bytes, or NULL
   when the page cannot be read. */
char *kyodo_pdf_page_text(const kyodo_pdf *pdf, int index, size_t *length);
/* Frees a string this interface returned. */
void kyodo_pdf_free(void *pointer);
/* Closes the document. */
void kyodo_pdf_close(kyodo_pdf *pdf);

#ifdef __cplusplus
}
#endif
#endif

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
/* One word of a page as poppler places it: its box in points from the page's top left, the
   writing mode (0 horizontal, 1 vertical) and whether a space follows it; its text is
   `length` bytes at `offset` of the page's word text. */
typedef struct kyodo_pdf_word {
    double x, y, width, height;
    int vertical;
    int space_after;
    size_t offset, length;
} kyodo_pdf_word;

/* The words of the page at 0-based `index` in poppler's reading order: `*words` an array of
   `*count` words, `*text` their UTF-8 text (`*text_length` bytes), both the caller's to free
   with kyodo_pdf_free. Returns 0, or -1 when the page cannot be read. */
int kyodo_pdf_page_words(const kyodo_pdf *pdf, int index, kyodo_pdf_word **words, size_t *count, char **text, size_t *text_length);
/* The page's width and height in points (0 when it cannot be read). */
void kyodo_pdf_page_size(const kyodo_pdf *pdf, int index, double *width, double *height);

/* Frees a string this interface returned. */
void kyodo_pdf_free(void *pointer);
/* Closes the document. */
void kyodo_pdf_close(kyodo_pdf *pdf);

#ifdef __cplusplus
}
#endif
#endif

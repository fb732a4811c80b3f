#include "kyodo_pdf.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

struct kyodo_pdf {
    std::unique_ptr<poppler::document> document;
};

namespace {
/* poppler reports damage in a file on stderr; Kyodo reports it itself, naming the file. */
void quiet(const std::string &, void *) {}

void silence_once() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
}
}

extern "C" int kyodo_pdf_open(const unsigned char *bytes, size_t count, kyodo_pdf **out) {
    silence_once();
    *out = nullptr;
    if (count > 0x7fffffff) return KYODO_PDF_DAMAGED;
    try {
        /* The document takes the copy over (load_from_data swaps it in). */
        poppler::byte_array data(reinterpret_cast<const char *>(bytes), reinterpret_cast<const char *>(bytes) + count);
        std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&data));
        if (!document) return KYODO_PDF_DAMAGED;
        if (document->is_locked()) return KYODO_PDF_LOCKED;
        *out = new kyodo_pdf{std::move(document)};
        return KYODO_PDF_OK;
    } catch (...) {
        return KYODO_PDF_DAMAGED;
    }
}

extern "C" int kyodo_pdf_page_count(const kyodo_pdf *pdf) { return pdf->document->pages(); }

extern "C" int kyodo_pdf_is_encrypted(const kyodo_pdf *pdf) { return pdf->document->is_encrypted() ? 1 : 0; }

extern "C" char *kyodo_pdf_page_text(const kyodo_pdf *pdf, int index, size_t *length) {
    *length = 0;
    try {
        std::unique_ptr<poppler::page> page(pdf->document->create_page(index));
        if (!page) return nullptr;
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
        char *copy = static_cast<char *>(std::malloc(utf8.size() + 1));
        if (!copy) return nullptr;
        if (!utf8.empty()) std::memcpy(copy, utf8.data(), utf8.size());
        copy[utf8.size()] = 0;
        *length = utf8.size();
        return copy;
    } catch (...) {
        return nullptr;
    }
}

extern "C" int kyodo_pdf_page_words(const kyodo_pdf *pdf, int index, kyodo_pdf_word **words, size_t *count, char **text, size_t *text_length) {
    *words = nullptr;
    *count = 0;
    *text = nullptr;
    *text_length = 0;
    try {
        std::unique_ptr<poppler::page> page(pdf->document->create_page(index));
        if (!page) return -1;
        std::vector<poppler::text_box> boxes = page->text_list(poppler::page::text_list_include_font);
        std::string all;
        std::vector<kyodo_pdf_word> out;
        out.reserve(boxes.size());
        for (poppler::text_box &box : boxes) {
            poppler::byte_array utf8 = box.text().to_utf8();
            if (utf8.empty()) continue;
            poppler::rectf r = box.bbox();
            kyodo_pdf_word word;
            word.x = r.x();
            word.y = r.y();
            word.width = r.width();
            word.height = r.height();
            word.vertical = box.has_font_info() && box.get_wmode(0) == poppler::text_box::vertical_wmode ? 1 : 0;
            word.space_after = box.has_space_after() ? 1 : 0;
            word.offset = all.size();
            word.length = utf8.size();
            all.append(utf8.data(), utf8.size());
            out.push_back(word);
        }
        /* (malloc of 0 bytes may return NULL: one byte more keeps a NULL for failure only.) */
        kyodo_pdf_word *w = static_cast<kyodo_pdf_word *>(std::malloc(out.size() * sizeof(kyodo_pdf_word) + 1));
        char *t = static_cast<char *>(std::malloc(all.size() + 1));
        if (!w || !t) {
            std::free(w);
            std::free(t);
            return -1;
        }
        if (!out.empty()) std::memcpy(w, out.data(), out.size() * sizeof(kyodo_pdf_word));
        if (!all.empty()) std::memcpy(t, all.data(), all.size());
        t[all.size()] = 0;
        *words = w;
        *count = out.size();
        *text = t;
        *text_length = all.size();
        return 0;
    } catch (...) {
        return -1;
    }
}

extern "C" void kyodo_pdf_page_size(const kyodo_pdf *pdf, int index, double *width, double *height) {
    *width = 0;
    *height = 0;
    try {
        std::unique_ptr<poppler::page> page(pdf->document->create_page(index));
        if (!page) return;
        poppler::rectf r = page->page_rect();
        *width = r.width();
        *height = r.height();
    } catch (...) {
    }
}

extern "C" void kyodo_pdf_free(void *pointer) { std::free(pointer); }

extern "C" void kyodo_pdf_close(kyodo_pdf *pdf) { delete pdf; }

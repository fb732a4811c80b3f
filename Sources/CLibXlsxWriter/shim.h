#ifndef KYODO_CLIBXLSXWRITER_SHIM_H
#define KYODO_CLIBXLSXWRITER_SHIM_H
/* libxlsxwriter (Debian's libxlsxwriter-dev): Excel workbooks written from C. */
#include <xlsxwriter.h>
#endif

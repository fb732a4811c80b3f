#ifndef KYODO_CLIBXML2_SHIM_H
#define KYODO_CLIBXML2_SHIM_H
/* libxml2 pulls in ICU's ucnv.h when LIBXML_ICU_ENABLED is set, which clashes with
   Foundation's bundled ICU. Read the version header first, then switch ICU off. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#endif

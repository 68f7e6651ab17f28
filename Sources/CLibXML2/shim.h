// libxml2 for Swift. Debian's headers enable ICU support, whose headers clash with the
// ICU copy inside Foundation when both are seen from one Swift module, so the ICU part
// is switched off before anything else is included.
#ifndef OGI_CLIBXML2_SHIM_H
#define OGI_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlIO.h>
#include "thread_cache.h"
#endif

/* import_brat.h - brat standoff annotations (.txt + .ann) as an import_doc.
 *
 * Reads T (text-bound, discontinuous too), E (events), R (relations),
 * A/M (attributes), N (normalisations), # (notes) and * (equivalences).
 * Events of type Attribution or Attribution-no-source (PolNeAR) become
 * attributions, their Source, Cue and Content roles (Content2, Cue2...
 * alike) the parts; other events, relations and equivalences are kept as
 * links.  Offsets count code points of the .txt.  Lines may refer to each
 * other in any order.  Every problem is a diagnostic at FILE:LINE of the
 * .ann (or of the .txt for its text); a line with an error is left out,
 * never the whole file. */
#ifndef QUOTH_IMPORT_BRAT_H
#define QUOTH_IMPORT_BRAT_H

#include <stddef.h>

#include "diag.h"
#include "import_doc.h"

/* Reads the text txt[0..txt_len) and the annotations ann[0..ann_len), the
 * files named txt_file and ann_file in diagnostics.  On IMPORT_OK and
 * IMPORT_PARTIAL *out gets the document (the caller frees it with
 * import_doc_free); otherwise *out is untouched. */
import_status import_brat_read(const char *txt_file, const char *txt,
                               size_t txt_len, const char *ann_file,
                               const char *ann, size_t ann_len,
                               import_doc **out, diag_list *diags);

#endif

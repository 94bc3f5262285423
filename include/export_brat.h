/* export_brat.h - the resolved article as brat standoff (.txt + .ann),
 * as PolNeAR annotates attributions.
 *
 * Each entity mention is a T line of the entity's type, with an N line
 * for its kb and a # AnnotatorNotes line for its description (on its
 * first mention); each placed quote is T Source, T Cue, T Content
 * (discontinuous "s e;s e" for pieces) and T Attribution (the trigger, on
 * the cue), bound by an E line: Attribution:T Content:T Cue:T Source:T,
 * or Attribution-no-source without a speaker.  Offsets count code
 * points, as brat does.  IDs are numbered afresh. */
#ifndef QUOTH_EXPORT_BRAT_H
#define QUOTH_EXPORT_BRAT_H

#include <stdio.h>

#include "article.h"

/* Writes a's body to txt and its annotations to ann.  Returns 0, or -1
 * out of memory or when a write failed. */
int export_brat(const article *a, FILE *txt, FILE *ann);

#endif

/* diff_write.c - the figures of `quoth diff` as a table for people. */
#include "diff_private.h"

/* ---- two sides ------------------------------------------------------ */

static int score_row(FILE *out, const char *name, compare_count c)
{
	compare_score s = compare_score_of(c);
	return fprintf(out, "  %-12s %5.3f  %5.3f  %5.3f  %7zu  %6zu  %6zu\n", name,
	               s.precision, s.recall, s.f1, c.matched, c.n_a, c.n_b);
}

static int agreement_row(FILE *out, const char *name, size_t agree, size_t of)
{
	return fprintf(out, "  %-12s %5.3f  (%zu of %zu overlap pairs)\n", name,
	               of ? (double)agree / (double)of : 1.0, agree, of);
}

static int pair_rows(FILE *out, const compare_figures *f)
{
	int rc = fprintf(out, "  %-12s %5s  %5s  %5s  %7s  %6s  %6s\n", "",
	                 "P", "R", "F1", "matched", "in A", "in B");
	if (rc >= 0)
		rc = score_row(out, "exact", f->exact);
	if (rc >= 0)
		rc = score_row(out, "overlap", f->overlap);
	if (rc >= 0)
		rc = score_row(out, "attribution", f->attribution);
	if (rc >= 0)
		rc = score_row(out, "entities", f->entities);
	if (rc >= 0)
		rc = agreement_row(out, "speaker", f->speaker_agree, f->overlap.matched);
	if (rc >= 0)
		rc = agreement_row(out, "kind", f->kind_agree, f->overlap.matched);
	return rc;
}

/* ---- three sides and more --------------------------------------------- */

typedef enum figure { FIG_EXACT, FIG_OVERLAP, FIG_ATTRIBUTION, FIG_ENTITIES,
                      FIG_SPEAKER, FIG_KIND } figure;

static const char *const figure_names[] = {
	[FIG_EXACT] = "exact F1", [FIG_OVERLAP] = "overlap F1",
	[FIG_ATTRIBUTION] = "attribution F1", [FIG_ENTITIES] = "entities F1",
	[FIG_SPEAKER] = "speaker agreement", [FIG_KIND] = "kind agreement",
};

static double figure_of(const compare_scores *s, figure f)
{
	switch (f) {
	case FIG_EXACT:       return s->exact.f1;
	case FIG_OVERLAP:     return s->overlap.f1;
	case FIG_ATTRIBUTION: return s->attribution.f1;
	case FIG_ENTITIES:    return s->entities.f1;
	case FIG_SPEAKER:     return s->speaker;
	case FIG_KIND:        return s->kind;
	}
	return 0;
}

/* One figure's matrix, row i against column j as the reference, and its
 * mean over the cells off the diagonal. */
static int matrix_rows(FILE *out, const compare_figures *figures, size_t n, figure f)
{
	int rc = fprintf(out, "  %-18s", figure_names[f]);
	for (size_t j = 0; j < n && rc >= 0; j++)
		rc = fprintf(out, " %6zu", j + 1);
	if (rc >= 0)
		rc = fputc('\n', out) == EOF ? -1 : 0;
	for (size_t i = 0; i < n && rc >= 0; i++) {
		rc = fprintf(out, "  %18zu", i + 1);
		for (size_t j = 0; j < n && rc >= 0; j++) {
			compare_scores s = compare_scores_of(&figures[i * n + j]);
			rc = fprintf(out, " %6.3f", figure_of(&s, f));
		}
		if (rc >= 0)
			rc = fputc('\n', out) == EOF ? -1 : 0;
	}
	compare_scores m = compare_matrix_mean(figures, n);
	if (rc >= 0)
		rc = fprintf(out, "  %18s %6.3f (of %zu ordered pairs)\n", "mean",
		             figure_of(&m, f), n * (n - 1));
	return rc;
}

static int matrices(FILE *out, const compare_figures *figures, size_t n)
{
	int rc = 0;
	for (figure f = FIG_EXACT; f <= FIG_KIND && rc >= 0; f++)
		rc = matrix_rows(out, figures, n, f);
	return rc;
}

/* ---- entry points ----------------------------------------------------- */

int diff_table_article(FILE *out, const diff_article *d)
{
	size_t n = d->n_sides;
	int rc;
	if (n == 2) {
		rc = fprintf(out, "%s against %s\n", d->paths[0], d->paths[1]);
		return rc < 0 ? rc : pair_rows(out, &d->figures[1]);
	}
	rc = fputs(d->paths[0], out) == EOF ? -1 : 0;
	for (size_t s = 1; s < n && rc >= 0; s++)
		rc = fprintf(out, ", %s", d->paths[s]);
	if (rc >= 0)
		rc = fputc('\n', out) == EOF ? -1 : 0;
	return rc < 0 ? rc : matrices(out, d->figures, n);
}

int diff_table_total(FILE *out, const diff_totals *t, const char *const *roots)
{
	size_t n = t->n_sides;
	int rc = fprintf(out, "total: %zu article%s compared (counts added over "
	                 "articles)", t->compared, t->compared == 1 ? "" : "s");
	for (size_t s = 0; s < n && rc >= 0; s++)
		if (t->only[s])
			rc = fprintf(out, "; %zu only in %s", t->only[s], roots[s]);
	if (rc >= 0 && t->failed)
		rc = fprintf(out, "; %zu not compared (errors above)", t->failed);
	if (rc >= 0)
		rc = fputc('\n', out) == EOF ? -1 : 0;
	if (rc >= 0 && n > 2) {
		for (size_t s = 0; s < n && rc >= 0; s++)
			rc = fprintf(out, "  %zu = %s\n", s + 1, roots[s]);
	}
	if (rc < 0)
		return rc;
	return n == 2 ? pair_rows(out, &t->figures[1]) : matrices(out, t->figures, n);
}

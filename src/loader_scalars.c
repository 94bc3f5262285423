/* loader_scalars.c - one scalar of the article read as what its key
 * wants: a string, one of a few names, a whole number, an ISO 8601 date,
 * an entity type label. */
#include "loader.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "loader_private.h"
#include "suggest.h"

/* ---- scalars -------------------------------------------------------- */

bool ld_node_is_null(const node *n)
{
	if (n->type != NODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || (n->len == 1 && n->value[0] == '~') ||
	       (n->len == 4 && (memcmp(n->value, "null", 4) == 0 ||
	                        memcmp(n->value, "Null", 4) == 0 ||
	                        memcmp(n->value, "NULL", 4) == 0));
}

static bool is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

/* A scalar that holds no text: null, empty or only white space. */
bool ld_node_is_empty(const node *n)
{
	return ld_node_is_null(n) || is_blank(n->value, n->len);
}

/* Reads a plain decimal integer; false unless n is one that fits max. */
bool ld_node_to_size(const node *n, size_t max, size_t *out)
{
	if (n->type != NODE_SCALAR || !n->plain || n->len == 0)
		return false;
	size_t v = 0;
	for (size_t i = 0; i < n->len; i++) {
		unsigned char c = (unsigned char)n->value[i];
		if (c < '0' || c > '9')
			return false;
		if (v > (max - (c - '0')) / 10)
			return false;
		v = v * 10 + (c - '0');
	}
	*out = v;
	return true;
}

/* Sets *dst to a copy of the string n, the value of key.  A list or a
 * mapping is refused; so is an empty value when why_required says what
 * the key is for; an empty optional value leaves *dst NULL.  Returns true
 * when *dst was set. */
bool ld_take_string(loader *ld, const node *n, const char *key,
                           const char *why_required, char **dst)
{
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "'%s' must be a string, not %s", key,
		         ld_node_kind_name(n));
		return false;
	}
	if (ld_node_is_empty(n)) {
		if (why_required)
			ld_error(ld, n->pos, "'%s' is empty: %s", key, why_required);
		return false;
	}
	*dst = ld_strndup(ld, n->value, n->len);
	return *dst != NULL;
}

/* Checks the string n against names; *index gets the match.  Otherwise
 * reports it as an unknown what, with the nearest name suggested. */
bool ld_take_choice(loader *ld, const node *n, const char *what,
                           const char *const *names, size_t count, size_t *index)
{
	char buf[CLIP_BUF];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "%s must be a string, not %s", what,
		         ld_node_kind_name(n));
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		if (strlen(names[i]) == n->len &&
		    memcmp(names[i], n->value, n->len) == 0) {
			*index = i;
			return true;
		}
	}
	ld_clip(buf, n->value, n->len);
	const char *near = suggest_nearest(buf, names, count);
	if (near) {
		ld_error(ld, n->pos, "unknown %s '%s'; did you mean '%s'?", what, buf,
		         near);
		return false;
	}
	char list[128] = "";
	for (size_t i = 0; i < count; i++) {
		strcat(list, i == 0 ? "" : i + 1 == count ? " or " : ", ");
		strcat(list, names[i]);
	}
	ld_error(ld, n->pos, "unknown %s '%s'; use %s", what, buf, list);
	return false;
}

/* ---- dates and labels ----------------------------------------------- */

/* Reads exactly n digits at *p into *v and moves *p past them. */
static bool digits(const char **p, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return true;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* hh:mm[:ss[.fff]] at *p, moved past it. */
static bool iso_time(const char **p)
{
	int h, mi, s;
	if (!digits(p, 2, &h) || **p != ':' || (++*p, !digits(p, 2, &mi)))
		return false;
	if (h > 23 || mi > 59)
		return false;
	if (**p != ':')
		return true;
	++*p;
	if (!digits(p, 2, &s) || s > 60)  /* 60: a leap second */
		return false;
	if (**p == '.' || **p == ',') {
		++*p;
		if (**p < '0' || **p > '9')
			return false;
		while (**p >= '0' && **p <= '9')
			++*p;
	}
	return true;
}

/* Z, or +hh, +hhmm, +hh:mm (or -) at *p, moved past it; nothing is fine. */
static bool iso_zone(const char **p)
{
	int h, m = 0;
	if (**p == 'Z') {
		++*p;
		return true;
	}
	if (**p != '+' && **p != '-')
		return true;
	++*p;
	if (!digits(p, 2, &h))
		return false;
	if (**p == ':')
		++*p;
	if (**p >= '0' && **p <= '9' && !digits(p, 2, &m))
		return false;
	return h <= 23 && m <= 59;
}

/* ISO 8601: 2016-07-16, 2016-07-16T13:13, 2016-07-16T13:13:00-04:00... */
bool ld_iso_date_valid(const char *s)
{
	int y, m, d;
	const char *p = s;
	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &m) ||
	    *p++ != '-' || !digits(&p, 2, &d))
		return false;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	if (*p == '\0')
		return true;
	if (*p++ != 'T' || !iso_time(&p) || !iso_zone(&p))
		return false;
	return *p == '\0';
}

void ld_check_type_label(loader *ld, const char *type, src_pos pos)
{
	if (article_type_label_valid(type))
		return;
	char buf[CLIP_BUF], upper[CLIP_BUF];
	ld_clip(buf, type, strlen(type));
	size_t i = 0;
	for (; buf[i]; i++)
		upper[i] = (buf[i] >= 'a' && buf[i] <= 'z') ? (char)(buf[i] - 32) : buf[i];
	upper[i] = '\0';
	if (article_type_label_valid(upper))
		ld_error(ld, pos, "entity type '%s' is not a valid label: use capital "
		         "letters, digits and '_'; did you mean '%s'?", buf, upper);
	else
		ld_error(ld, pos, "entity type '%s' is not a valid label: use capital "
		         "letters, digits and '_', like PERSON, ORG or GPE", buf);
}

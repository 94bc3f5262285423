/* import_yaml_text.c - strings and the body as YAML scalars that load
 * back byte for byte (see import_yaml_text.h).  libyaml's reader refuses
 * C0 controls but tab, LF and CR, DEL, the C1 controls but NEL, and
 * U+FFFE/U+FFFF; its scanner turns CR, CR LF and NEL into LF inside
 * every scalar but a double-quoted one with escapes. */
#include "import_yaml_text.h"

#include <stdint.h>
#include <string.h>

#include "import_doc.h"
#include "text.h"

/* ---- what a character needs ----------------------------------------- */

/* True for a character that only an escape in a double-quoted scalar
 * keeps: a control, a line break other than LF, a byte order mark, a
 * noncharacter the reader refuses. */
static bool needs_escape(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
	       (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

bool yaml_text_block_safe(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(s, n, i, &cp);
		if (needs_escape(cp))
			return false;
	}
	return true;
}

/* A plain scalar is kept only for the plainest words: letters, digits,
 * inner spaces and a few marks that mean nothing to YAML in any context,
 * starting with a letter (so never a number, a date or an indicator),
 * and not one of the words YAML 1.1 reads as a boolean or null. */
static bool plain_safe(const char *s, size_t n)
{
	static const char *const reserved[] = {
		"y", "n", "yes", "no", "on", "off", "true", "false", "null",
	};
	if (n == 0 || s[n - 1] == ' ')
		return false;
	unsigned char first = (unsigned char)s[0];
	if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') ||
	      first >= 0x80))
		return false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s, n, i, &cp);
		bool ok = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
		          (cp >= '0' && cp <= '9') || cp == '.' || cp == '-' ||
		          cp == '\'' || cp == '(' || cp == ')' || cp == '/' ||
		          (cp == ' ' && s[i + 1] != ' ') ||
		          (cp >= 0xA0 && !needs_escape(cp));
		if (!ok)
			return false;
		i += len;
	}
	for (size_t k = 0; k < sizeof reserved / sizeof *reserved; k++) {
		size_t rn = strlen(reserved[k]);
		bool same = rn == n;
		for (size_t i = 0; same && i < n; i++)
			same = ascii_lower((unsigned char)s[i]) == reserved[k][i];
		if (same)
			return false;
	}
	return true;
}

/* ---- double-quoted ---------------------------------------------------- */

/* Writes the character cp (bytes s[0..len)) inside double quotes. */
static void put_escaped(FILE *out, const char *s, size_t len, uint32_t cp)
{
	switch (cp) {
	case '"':  fputs("\\\"", out); return;
	case '\\': fputs("\\\\", out); return;
	case '\t': fputs("\\t", out); return;
	case '\n': fputs("\\n", out); return;
	case '\r': fputs("\\r", out); return;
	case 0x85: fputs("\\N", out); return;
	case 0x2028: fputs("\\L", out); return;
	case 0x2029: fputs("\\P", out); return;
	default: break;
	}
	if (needs_escape(cp))
		fprintf(out, cp <= 0xFF ? "\\x%02X" : "\\u%04X", (unsigned)cp);
	else
		fwrite(s, 1, len, out);
}

/* With breaks, the scalar goes on over several lines of the file: after
 * each escaped LF a "\" ends the line (an escaped line break adds
 * nothing) and the next line, indented, starts with a space or tab
 * escaped, since leading blanks of a continued line are dropped. */
static void put_double_quoted(FILE *out, const char *s, size_t n, bool breaks)
{
	fputc('"', out);
	bool line_start = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s, n, i, &cp);
		if (line_start && cp == ' ')
			fputs("\\ ", out);
		else
			put_escaped(out, s + i, len, cp);
		line_start = false;
		i += len;
		if (breaks && cp == '\n' && i < n) {
			fputs("\\\n  ", out);
			line_start = true;
		}
	}
	fputc('"', out);
}

void yaml_text_scalar(FILE *out, const char *s, size_t n)
{
	if (plain_safe(s, n))
		fwrite(s, 1, n, out);
	else
		put_double_quoted(out, s, n, false);
}

/* ---- the body ----------------------------------------------------------- */

/* The header of a literal block: '|', an indentation indicator when the
 * first line that is not empty starts with a space or tab (YAML would
 * take those for indentation), and the chomping the final line breaks
 * need: '-' for none, nothing for one, '+' for more. */
static void put_block_header(FILE *out, const char *s, size_t n)
{
	fputc('|', out);
	size_t i = 0;
	while (i < n && s[i] == '\n')
		i++;
	if (i < n && (s[i] == ' ' || s[i] == '\t'))
		fputc('2', out);
	size_t breaks = 0;
	while (breaks < n && s[n - 1 - breaks] == '\n')
		breaks++;
	if (breaks == 0)
		fputc('-', out);
	else if (breaks > 1)
		fputc('+', out);
	fputc('\n', out);
}

void yaml_text_body(FILE *out, const char *s, size_t n)
{
	size_t lead = 0;
	while (lead < n && s[lead] == '\n')
		lead++;
	if (lead == n || !yaml_text_block_safe(s, n)) {
		put_double_quoted(out, s, n, true);
		fputc('\n', out);
		return;
	}
	put_block_header(out, s, n);
	/* Empty lines are written empty: a block keeps them as line breaks
	 * whatever its indentation, and they carry no trailing blanks. */
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		if (end > i)
			fputs("  ", out);
		fwrite(s + i, 1, end - i, out);
		fputc('\n', out);
		i = end + 1;
	}
}

/* ---- what quoth does not hold ---------------------------------------------- */

void yaml_text_comment(FILE *out, const char *s)
{
	for (; s && *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7F ? '?' : *s, out);
}

void import_yaml_leftovers(const import_doc *doc, FILE *out)
{
	if (doc->n_links == 0 && doc->n_attrs == 0)
		return;
	/* No blank line first: after a body kept with "|+" it would be one
	 * more line of the body. */
	fputs("# Kept from the input, though quoth has no place for them:\n", out);
	for (size_t i = 0; i < doc->n_links; i++) {
		const import_link *l = &doc->links[i];
		fputs("#   ", out);
		yaml_text_comment(out, l->id);
		fputc(' ', out);
		yaml_text_comment(out, l->type);
		if (l->trigger) {
			fputc(':', out);
			yaml_text_comment(out, l->trigger);
		}
		for (size_t k = 0; k < l->n_args; k++) {
			fputc(' ', out);
			yaml_text_comment(out, l->args[k].role);
			fputs(*l->args[k].role ? ":" : "", out);
			yaml_text_comment(out, l->args[k].target);
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < doc->n_attrs; i++) {
		const import_attr *at = &doc->attrs[i];
		fputs("#   ", out);
		yaml_text_comment(out, at->id);
		fputc(' ', out);
		yaml_text_comment(out, at->name);
		fputc(' ', out);
		yaml_text_comment(out, at->target);
		if (at->value) {
			fputc(' ', out);
			yaml_text_comment(out, at->value);
		}
		fputc('\n', out);
	}
}

void yaml_text_key(FILE *out, const char *indent, const char *key,
                   const char *value)
{
	fprintf(out, "%s%s: ", indent, key);
	yaml_text_scalar(out, value, strlen(value));
	fputc('\n', out);
}

void yaml_text_pair(FILE *out, const import_doc *doc, import_range r)
{
	fprintf(out, "[%zu, %zu]", import_doc_char_of(doc, r.start),
	        import_doc_char_of(doc, r.end));
}

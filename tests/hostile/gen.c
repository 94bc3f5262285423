/* gen.c - writes the hostile articles that tests/hostile/run.sh feeds to
 * quoth.  Each file's name ends in .err (quoth must refuse it with a clear
 * error) or .ok (quoth must show it, with nothing from it reaching the
 * terminal as a control).  Usage: gen OUTDIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *outdir;

static FILE *open_out(const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", outdir, name);
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void write_file(const char *name, const char *bytes, size_t len)
{
	FILE *f = open_out(name);
	fwrite(bytes, 1, len, f);
	fclose(f);
}

static void write_str(const char *name, const char *text)
{
	write_file(name, text, strlen(text));
}

/* A valid article whose body, title and entity names carry `nasty`. */
static void write_with_payload(const char *name, const char *nasty)
{
	FILE *f = open_out(name);
	fprintf(f, "title: \"Title %s end\"\n", nasty);
	fprintf(f, "source: \"Source %s\"\n", nasty);
	fprintf(f, "body: \"Ann Lee said \\u201cwe are ready %s now\\u201d. %s\\n\\nSecond paragraph by Ann Lee.\"\n",
	        nasty, nasty);
	fprintf(f, "entities:\n  - id: ann\n    name: Ann Lee\n    type: PERSON\n"
	           "    description: \"desc %s\"\n  - id: odd\n    name: \"Odd%sName\"\n    type: ORG\n",
	        nasty, nasty);
	fprintf(f, "quotes:\n  - text: \"we are ready %s now\"\n    speaker: ann\n    cue: said\n", nasty);
	fclose(f);
}

static void syntax_errors(void)
{
	write_str("syntax-tab-indent.err", "title: x\nbody: |\n\tindented with a tab\n");
	write_str("syntax-bad-token.err", "title: x\n@body: y\n");
	write_str("syntax-unclosed-quote.err", "title: \"x\nbody: y\n");
	write_str("syntax-unclosed-flow.err", "title: x\nbody: y\nentities: [1, 2\n");
	write_str("syntax-bad-escape.err", "title: \"bad \\q escape\"\nbody: y\n");
	write_str("syntax-mapping-value.err", "title: a: b\nbody: y\n");
	write_str("syntax-block-entry.err", "title: x\n- body\n");
	write_str("syntax-undefined-tag.err", "title: !x!y z\nbody: y\n");
	write_str("syntax-two-yaml-directives.err", "%YAML 1.1\n%YAML 1.1\n---\ntitle: x\n");
	write_str("syntax-unexpected-end.err", "title: [\n");
	write_str("syntax-two-documents.err", "title: x\nbody: y\n---\ntitle: z\n");
	write_str("not-a-mapping.err", "- title\n- body\n");
	write_str("scalar-top.err", "just words\n");
}

static void bombs_and_depth(void)
{
	FILE *f = open_out("alias-bomb.err");
	fputs("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n", f);
	/* Nine levels of nine aliases each: 9^9 strings when expanded. */
	for (char c = 'b'; c <= 'i'; c++) {
		char p = (char)(c - 1);
		fprintf(f, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
		        c, c, p, p, p, p, p, p, p, p, p);
	}
	fputs("title: lol\nbody: lol\n", f);
	fclose(f);

	f = open_out("nesting-100000.err");
	fputs("title: x\nbody: y\nentities: ", f);
	for (int i = 0; i < 100000; i++)
		fputc('[', f);
	for (int i = 0; i < 100000; i++)
		fputc(']', f);
	fputc('\n', f);
	fclose(f);

	/* Over the 64 MiB limit: refused before parsing. */
	f = open_out("too-large.err");
	fputs("title: big\nbody: |\n", f);
	static char line[1024];
	memset(line, 'a', sizeof line - 2);
	line[0] = line[1] = ' ';
	line[sizeof line - 2] = '\n';
	for (int i = 0; i < 66 * 1024; i++)
		fwrite(line, 1, sizeof line - 1, f);
	fclose(f);
}

static void bad_bytes(void)
{
	write_file("nul-byte.err", "title: x\nbody: a\0b\n", 18);
	write_str("utf8-truncated.err", "title: x\nbody: caf\xC3\n");
	write_str("utf8-overlong.err", "title: x\nbody: \xC0\xAF\n");
	write_str("utf8-surrogate.err", "title: x\nbody: \xED\xA0\x80\n");
	write_str("utf8-fe-ff.err", "title: x\nbody: \xFE\xFF\n");
	write_str("empty.err", "");
	write_str("empty-strings.err",
	          "title: \"\"\nbody: \"\"\nentities:\n  - id: \"\"\n    name: \"\"\n    type: \"\"\n"
	          "quotes:\n  - text: \"\"\n    speaker: \"\"\n    cue: \"\"\n");
}

static void payloads(void)
{
	/* YAML double-quoted escapes put the raw bytes into the strings. */
	write_with_payload("esc-title-osc0.ok", "\\e]0;PWNED-TITLE\\a");
	write_with_payload("esc-clear-screen.ok", "\\e[2J\\e[HPWNED-CLEAR");
	write_with_payload("esc-cursor-move.ok", "\\e[10;10HPWNED-MOVE");
	write_with_payload("esc-osc52.ok", "\\e]52;c;UFdORUQ=\\a");
	write_with_payload("c0-controls.ok", "\\x01\\x02\\b\\x0b\\x0c\\r\\x0e\\x1f");
	write_with_payload("c1-controls.ok", "\\x85\\u009b6n\\u009d0;PWNED\\u009c");
	write_with_payload("del.ok", "\\x7f\\x7f");
	write_with_payload("bidi-overrides.ok", "\\u202Eevil\\u202C \\u2066x\\u2069 \\u200F");
	write_with_payload("zero-width-joiners.ok", "\\U0001F468\\u200D\\U0001F469\\u200D\\U0001F467 a\\u200Db");
	write_with_payload("combining-stack.ok",
	                   "e\\u0301\\u0302\\u0303\\u0304\\u0305\\u0306\\u0307\\u0308\\u0309\\u030A"
	                   "\\u030B\\u030C\\u030D\\u030E\\u030F\\u0310\\u0311\\u0312\\u0313\\u0314");
}

static void sizes(void)
{
	/* A line of 1 MB without spaces. */
	FILE *f = open_out("long-line.ok");
	fputs("title: Long line\nbody: |\n  Start ", f);
	for (int i = 0; i < 1024 * 1024; i++)
		fputc('x', f);
	fputs(" end.\n", f);
	fclose(f);

	/* 100,000 entities. */
	f = open_out("many-entities.ok");
	fputs("title: Many entities\nbody: |\n  Name0 and Name99999 met.\nentities:\n", f);
	for (int i = 0; i < 100000; i++)
		fprintf(f, "  - {id: e%d, name: Name%d, type: PERSON}\n", i, i);
	fclose(f);

	/* A quote of 1 MB. */
	f = open_out("huge-quote.ok");
	fputs("title: Huge quote\nbody: |\n  Ann said “", f);
	for (int i = 0; i < 1024 * 1024 / 8; i++)
		fputs("la la la", f);
	fputs("”.\nentities:\n  - {id: ann, name: Ann, type: PERSON}\nquotes:\n  - text: \"", f);
	for (int i = 0; i < 1024 * 1024 / 8; i++)
		fputs("la la la", f);
	fputs("\"\n    speaker: ann\n    cue: said\n", f);
	fclose(f);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: gen OUTDIR\n", stderr);
		return 2;
	}
	outdir = argv[1];
	syntax_errors();
	bombs_and_depth();
	bad_bytes();
	payloads();
	sizes();
	return 0;
}

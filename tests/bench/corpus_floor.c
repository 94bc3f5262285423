/* corpus_floor.c - the least any reader of a corpus must do on one
 * thread: libyaml's event parser over every file, one after the other
 * (floor.c's loop, for many files).
 *
 *   corpus_floor LIST      (a file of paths, one a line)
 *
 * Prints the number of files and events; exits 1 when a file cannot be
 * read or parsed. */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

static long parse_one(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return -1;
	}
	yaml_parser_set_input_file(&parser, f);
	long events = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "error");
			events = -1;
			break;
		}
		int type = ev.type;
		yaml_event_delete(&ev);
		events++;
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return events;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: corpus_floor LIST\n", stderr);
		return 2;
	}
	FILE *list = fopen(argv[1], "r");
	if (!list) {
		perror(argv[1]);
		return 1;
	}
	char path[4096];
	long files = 0, events = 0;
	while (fgets(path, sizeof path, list)) {
		path[strcspn(path, "\n")] = '\0';
		if (!path[0])
			continue;
		long n = parse_one(path);
		if (n < 0)
			return 1;
		events += n;
		files++;
	}
	fclose(list);
	printf("%ld files, %ld events\n", files, events);
	return 0;
}

/* floor.c - the least any loader of an article must do: run libyaml's
 * event parser over the whole file.
 *
 *   floor FILE
 *
 * Each event is deleted as soon as it is read; nothing is copied or kept.
 * quoth's own timings are reported as multiples of this one.  Prints the
 * number of events; exits 1 when the file cannot be read or parsed. */
#include <stdio.h>

#include <yaml.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: floor FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		fputs("floor: out of memory\n", stderr);
		return 1;
	}
	yaml_parser_set_input_file(&parser, f);

	unsigned long events = 0;
	int status = 0;
	for (;;) {
		yaml_event_t event;
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s:%lu:%lu: %s\n", argv[1],
			        (unsigned long)parser.problem_mark.line + 1,
			        (unsigned long)parser.problem_mark.column + 1,
			        parser.problem ? parser.problem : "parse error");
			status = 1;
			break;
		}
		int done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		events++;
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	if (status == 0)
		printf("%lu events\n", events);
	return status;
}

/* import_cmd.h - the commands that convert: `quoth import FORMAT FILE...`
 * (to quoth YAML) and `quoth export --brat FILE` (to brat standoff).
 * They print, and return an exit status (0 ok, 1 invalid input or a file
 * not written, 2 usage); only main exits. */
#ifndef QUOTH_IMPORT_CMD_H
#define QUOTH_IMPORT_CMD_H

/* argv[0] is "import". */
int import_cmd_main(int argc, char **argv);

/* argv[0] is "export", argv[1] "--brat". */
int import_cmd_export_brat(int argc, char **argv);

#endif

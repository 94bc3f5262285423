# Shared by run.sh and regress.sh: the sources of the fuzz targets.
LIB_SRCS=$(ls src/*.c | grep -v '^src/main\.c$')
PKG_CFLAGS=$(pkg-config --cflags ncursesw yaml-0.1 libcjson | sed 's/-D_XOPEN_SOURCE=[0-9]*//g')
PKG_LIBS="$(pkg-config --libs ncursesw yaml-0.1 libcjson) -lm"
DEFS="-Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DQUOTH_VERSION=\"fuzz\" -DQUOTH_DATADIR=\"/nonexistent\""
# Each target and its source file.
TARGETS=${FUZZ_TARGETS:-article brat json}
target_src() {
	case $1 in
	article) echo tests/fuzz/fuzz_article.c ;;
	brat) echo tests/fuzz/fuzz_import_brat.c ;;
	json) echo tests/fuzz/fuzz_import_json.c ;;
	esac
}
# The seeds of a target: the files it reads, from the tree.
target_seeds() {
	case $1 in
	article) ls articles/*.yaml; find tests/fixtures -name '*.yaml' | sort ;;
	brat) find tests/fixtures/import -name '*.ann' | sort ;;
	json) find tests/fixtures/import -name '*.json' -o -name '*.jsonl' | sort ;;
	esac
}

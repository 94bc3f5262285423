# Shared by run.sh and regress.sh: the sources of the fuzz target.
LIB_SRCS=$(ls src/*.c | grep -v '^src/main\.c$')
PKG_CFLAGS=$(pkg-config --cflags ncursesw yaml-0.1 libcjson | sed 's/-D_XOPEN_SOURCE=[0-9]*//g')
PKG_LIBS="$(pkg-config --libs ncursesw yaml-0.1 libcjson) -lm"
DEFS="-Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DQUOTH_VERSION=\"fuzz\" -DQUOTH_DATADIR=\"/nonexistent\""

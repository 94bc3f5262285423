# quoth - a terminal reader for annotated news articles.
#
#   make run     set up, build and open the bundled articles
#   make check   set up, build and pass every test
#
# Missing libraries and tools are installed by tests/setup.sh (apt-get as
# root, sudo otherwise); on other systems it prints what to install.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/quoth
MANDIR   = $(PREFIX)/share/man/man1

CC      ?= cc
PKG_CONFIG ?= pkg-config
PKGS     = ncursesw yaml-0.1 libcjson
WARN     = -Wall -Wextra -Wpedantic
ifeq ($(CI),true)
WARN    += -Werror
endif
CFLAGS  ?= -O2 -g
CPPFLAGS += -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
            -DQUOTH_VERSION='"$(VERSION)"' -DQUOTH_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -pthread -MMD -MP
LIBS     = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm -pthread
# Our own -D_XOPEN_SOURCE=700 stands; ncursesw asks for 600, a redefinition.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=%,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

BUILD   ?= build
BIN     ?= quoth
SRCS     = $(wildcard src/*.c)
OBJS     = $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS = $(filter-out $(BUILD)/obj/main.o,$(OBJS))
TEST_SRCS = $(wildcard tests/unit/test_*.c)
TESTS    = $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

export LC_ALL = C.UTF-8
export TZ = UTC

.PHONY: all setup run check deps unit check-articles snapshots snapshot-check \
        e2e reload hostile terminal cli sanitize threads valgrind fuzz fuzz-regress bench install uninstall clean

all: $(BIN)

setup:
	@sh tests/setup.sh

$(BIN): $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/obj/%.o: src/%.c | setup-once
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -Itests/unit $(LDFLAGS) \
	    -o $@ $< $(LIB_OBJS) $(LIBS) $(TEST_LIBS)

# The bundled articles' installed place is compiled into cli_read.o:
# rebuild it when PREFIX changes.
$(BUILD)/datadir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(BUILD)/obj/cli_read.o: $(BUILD)/datadir
.PHONY: FORCE
FORCE:

# Set-up runs once per make invocation, before the first compile.
.PHONY: setup-once
setup-once:
	@sh tests/setup.sh

run: setup quoth
	./quoth articles

unit: $(TESTS)
	@sh tests/run-unit.sh $(TESTS)

check-articles: quoth
	./quoth check articles/*.yaml
	@echo "check-articles: $$(ls articles/*.yaml | wc -l) articles valid"

check: setup quoth deps unit check-articles cli snapshot-check e2e reload terminal sanitize threads valgrind fuzz-regress
	@echo "make check: all passed"

# The unit tests and the snapshot scenarios again in an AddressSanitizer +
# UndefinedBehaviorSanitizer build, which stops at the first finding.
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
sanitize:
	$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/quoth \
	    CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" build-asan/quoth unit
	QUOTH=build-asan/quoth sh tests/snapshots/run.sh
	QUOTH=build-asan/quoth sh tests/hostile/run.sh

# The corpus index's threads under ThreadSanitizer: the unit tests that
# run them, then the library and `quoth stats` over a generated corpus
# (tests/threads.sh).  halt_on_error: the first race fails the run.
TSAN = -fsanitize=thread -fno-omit-frame-pointer
TSAN_TESTS = test_corpus_index test_library test_app_library test_speakers_view
threads:
	$(MAKE) --no-print-directory BUILD=build-tsan BIN=build-tsan/quoth \
	    CFLAGS="-O1 -g $(TSAN)" LDFLAGS="$(TSAN)" build-tsan/quoth \
	    $(TSAN_TESTS:%=build-tsan/tests/%)
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" QUOTH=build-tsan/quoth \
	    sh tests/threads.sh $(TSAN_TESTS:%=build-tsan/tests/%)

# The snapshot scenarios once under valgrind: no errors, no leaks.
valgrind: quoth
	QUOTH_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect" \
	    sh tests/snapshots/run.sh

# Hostile articles and terminals with the plain build (make sanitize runs
# them with the sanitizer build too).
hostile: quoth
	sh tests/hostile/run.sh

# Signals, suspend and odd TERM values in a real terminal (tmux).
terminal: quoth
	sh tests/hostile/terminal.sh

# Every input that ever crashed the fuzz target, replayed.
fuzz-regress:
	sh tests/fuzz/regress.sh

# No circles between files: no file reaches itself through the calls of
# others (read from the objects with nm).
deps: quoth
	sh tests/deps.sh $(BUILD)/obj

# The command line: exit codes, messages, --help.
cli: quoth
	sh tests/cli/run.sh

# Golden screens: compare (snapshot-check) or rewrite for review (snapshots).
snapshot-check: quoth
	sh tests/snapshots/run.sh

snapshots: quoth
	UPDATE_SNAPSHOTS=1 sh tests/snapshots/run.sh

# The same scenarios in a real terminal (tmux) agree with the snapshots.
e2e: quoth
	sh tests/e2e/run.sh

# The annotator's loop in tmux: live reload, R, e with a scripted editor.
reload: quoth
	sh tests/e2e/reload.sh

# Every speed target: one article (run.sh), a corpus (corpus.sh), diff
# (diff.sh).  Each prints its figures; make bench fails when one missed a
# target, after all three have run.
bench: quoth
	@rc=0; for b in run corpus diff; do sh tests/bench/$$b.sh || rc=1; done; exit $$rc

fuzz:
	sh tests/fuzz/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 quoth $(DESTDIR)$(BINDIR)/quoth
	install -m 644 articles/*.yaml articles/FORMAT.md $(DESTDIR)$(DATADIR)/
	install -m 644 quoth.1 $(DESTDIR)$(MANDIR)/quoth.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/quoth $(DESTDIR)$(MANDIR)/quoth.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) build-* quoth

-include $(OBJS:.o=.d)

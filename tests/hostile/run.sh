#!/bin/sh
# Hostile articles: every one gets a clear error or a safe screen, never a
# crash, a hang or a control sequence passed through to the terminal.
#   *.err  quoth check exits 1 and names the file with "error:"
#   *.ok   quoth check exits 0; quoth snapshot prints no control byte; in a
#          real pseudo-terminal none of the planted sequences comes out raw
# QUOTH picks the binary (the sanitizer build in make sanitize).
set -u
QUOTH=${QUOTH:-./quoth}
CC=${CC:-cc}
out=build/hostile
mkdir -p "$out"
rm -rf "$out/articles" && mkdir -p "$out/articles"
$CC -std=c11 -O2 -o "$out/gen" tests/hostile/gen.c || exit 1
$CC -std=c11 -O2 -o "$out/ptycheck" tests/hostile/ptycheck.c -lutil || exit 1
"$out/gen" "$out/articles" || exit 1

# quoth only reads articles: nothing in their folder may change or appear.
snapshot_dir() { (cd "$1" && find . -mindepth 1 -printf '%p %s %T@\n' | sort && cksum ./*) 2>/dev/null; }
before=$(snapshot_dir "$out/articles")

fail=0
passed=0
bad() { echo "hostile: FAIL $1: $2"; fail=$((fail + 1)); }

# Runs quoth with a time limit; a status of 124 or more is a hang or crash.
run() { timeout 60 "$QUOTH" "$@"; }

expect_error() {  # FILE [how to run]
	f=$1
	run check "$f" >"$out/stdout" 2>"$out/stderr"
	rc=$?
	if [ $rc -ne 1 ]; then
		bad "$f" "quoth check exited $rc, expected 1"; head -5 "$out/stderr"; return
	fi
	if ! grep -q "^$f.*error: " "$out/stderr"; then
		bad "$f" "no 'FILE…: error:' line"; head -5 "$out/stderr"; return
	fi
	passed=$((passed + 1))
}

has_controls() {  # FILE: true when it holds C0 (but \t \n), DEL, C1 or bidi controls
	LC_ALL=C tr -d '\000-\010\013-\037\177' <"$1" | cmp -s - "$1" || return 0
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1" && return 0
	return 1
}

expect_screen() {
	f=$1
	if ! run check "$f" >"$out/stdout" 2>"$out/stderr"; then
		bad "$f" "quoth check refused it"; head -5 "$out/stderr"; return
	fi
	for color in never always; do
		run snapshot --size 80x24 --color=$color --keys ']]jG2<Enter>3?' "$f" >"$out/screen" 2>"$out/stderr"
		rc=$?
		if [ $rc -ne 0 ]; then
			bad "$f" "quoth snapshot exited $rc"; head -5 "$out/stderr"; return
		fi
		if has_controls "$out/screen"; then
			bad "$f" "the snapshot holds a control character"; return
		fi
	done
	if ! "$out/ptycheck" "$QUOTH" "$f"; then
		bad "$f" "control sequences reached the terminal"; return
	fi
	passed=$((passed + 1))
}

# The byte check can fail: a program that writes a planted sequence raw.
printf '#!/bin/sh\nprintf "x \\033]52;c;UFdORUQ=\\007 y"; read x\n' >"$out/leaky"
chmod +x "$out/leaky"
if "$out/ptycheck" "$out/leaky" none 2>/dev/null; then
	bad ptycheck "did not notice an OSC 52 sequence written raw"
else
	passed=$((passed + 1))
fi

for f in "$out"/articles/*.err; do expect_error "$f"; done
for f in "$out"/articles/*.ok; do expect_screen "$f"; done

# Files that are not articles at all.
mkdir -p "$out/articles/a-directory.yaml"
expect_error "$out/articles/a-directory.yaml"
rm -f "$out/articles/fifo.yaml" && mkfifo "$out/articles/fifo.yaml"
expect_error "$out/articles/fifo.yaml"
expect_error "$out/articles/does-not-exist.yaml"
cp articles/format-tour.yaml "$out/articles/unreadable.yaml"
chmod 000 "$out/articles/unreadable.yaml"
if [ "$(id -u)" = 0 ]; then
	# root reads any file: run as nobody, who cannot.
	chmod 755 "$out" "$out/articles"
	if command -v setpriv >/dev/null 2>&1; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$QUOTH" check "$out/articles/unreadable.yaml" 2>"$out/stderr"
		rc=$?
		if [ $rc -eq 1 ] && grep -q "error: .*[Pp]ermission denied" "$out/stderr"; then
			passed=$((passed + 1))
		else
			bad unreadable "exit $rc: $(cat "$out/stderr")"
		fi
	fi
else
	expect_error "$out/articles/unreadable.yaml"
fi

# A resize storm: 1,000 sizes from 1x1 up, then back to 80x24; the screen
# must be the one that the same article shows at 80x24 without the storm.
storm=$(awk 'BEGIN { srand(7); s = "<resize 1x1>";
	for (i = 0; i < 999; i++) s = s sprintf("<resize %dx%d>", 1 + int(rand() * 200), 1 + int(rand() * 60));
	print s "<resize 80x24>" }')
art=articles/kerry-lavrov-moscow.yaml
run snapshot --size 80x24 --keys "$storm" "$art" | tail -n +2 >"$out/storm" &&
	run snapshot --size 80x24 "$art" | tail -n +2 >"$out/calm"
if cmp -s "$out/storm" "$out/calm"; then
	passed=$((passed + 1))
else
	bad "resize storm" "the final screen differs from the calm one"
	diff "$out/calm" "$out/storm" | head -20
fi

rm -rf "$out/articles/a-directory.yaml" "$out/articles/fifo.yaml" "$out/articles/unreadable.yaml"
if [ "$(snapshot_dir "$out/articles")" = "$before" ]; then
	passed=$((passed + 1))
else
	bad "read only" "quoth changed or added files beside the articles"
fi

echo "hostile: $passed passed, $fail failed"
[ $fail -eq 0 ]

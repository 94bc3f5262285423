#!/bin/sh
# The annotator's loop in a real terminal (tmux): the open article's file
# edited from outside is reloaded on screen (sed -i writes a new file and
# renames it over the old one, as vim does); a half-written file keeps the
# last good article with its problem shown, and the next change is tried
# again; R reloads by hand; e runs $EDITOR (a script, given with an
# argument as `code --wait` is) at the current quote's line, and the
# screen after shows its change.  Then a library: a file changed, added
# and removed two folders down is seen live, as one at the top is.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
QUOTH=${QUOTH:-./quoth}
case $QUOTH in /*) ;; *) QUOTH=$(pwd)/$QUOTH ;; esac
out=$(pwd)/build/e2e-reload
rm -rf "$out"
mkdir -p "$out/config"
art=$out/article.yaml
cp articles/kerry-lavrov-moscow.yaml "$art"
sock=quoth-reload-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT
trap 'exit 1' INT TERM HUP

fail=0
passed=0
bad() { echo "reload: FAIL $1: $2"; tm capture-pane -p -t t | sed 's/^/    |/'; fail=$((fail + 1)); }
ok() { passed=$((passed + 1)); }

# Polls the pane until it shows $1 (a fixed string), up to 5 s.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
shows() { tm capture-pane -p -t t | grep -qF -- "$1"; }
# Polls the pane until it no longer shows $1, up to 5 s.
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# The scripted editor: records its arguments, changes the title, exits.
cat >"$out/editor.sh" <<'SH'
#!/bin/sh
# $1 is the option an editor such as `code --wait` gets; then +LINE FILE.
echo "$@" > "$(dirname "$0")/editor-args"
sed -i 's/^title: .*/title: Edited In The Editor/' "$3"
SH

tm new-session -d -s t -x 100 -y 30 \
	"env XDG_CONFIG_HOME=$out/config EDITOR='sh $out/editor.sh --wait' VISUAL= \
	 TERM=xterm-256color $QUOTH $art" || exit 1

if ! wait_for "Kerry Strikes Possible Deal"; then
	bad open "the reader did not open"
	exit 1
fi

# 1. Changed from outside, by rename: the new title within half a second
#    (a second here, for a loaded machine), the same quote kept.
tm send-keys -t t ']' ']'
wait_for "quote 2/" || bad keys "] ] did not reach quote 2"
start=$(date +%s%N)
sed -i 's/^title: .*/title: Changed Outside/' "$art"
if wait_for "Changed Outside"; then
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	echo "reload: seen ${ms} ms after the write"
	if shows "quote 2/" && shows "reloaded"; then ok
	else bad kept "the current quote or the message was lost"; fi
else
	bad outside "the change from outside was not shown"
fi

# 2. Half-written: the last good article stays, with the problem.
printf 'title: Half\nbody: |\n  x\nentities: [\n' >"$art.new" && mv "$art.new" "$art"
if wait_for "reload failed"; then
	if shows "Changed Outside"; then ok; else bad failed "the last good article is gone"; fi
else
	bad failed "no message for a file that does not load"
fi
# ... and the next change is tried again.
cp articles/kerry-lavrov-moscow.yaml "$art.new" && mv "$art.new" "$art"
if wait_for "Kerry Strikes Possible Deal" && wait_for "reloaded"; then ok
else bad retry "the good file after a bad one was not reloaded"; fi

# 3. R reloads by hand (the message comes back after a key cleared it).
tm send-keys -t t j
sleep 0.3
tm send-keys -t t R
if wait_for "reloaded"; then ok; else bad R "R did not reload"; fi

# 4. e: the editor at the current quote's line, the screen after shows
#    its change.
line=$(grep -n '^  - id: concrete-steps' "$art" | cut -d: -f1)
tm send-keys -t t '['
wait_for "quote 1/" || bad keys "the first quote was not reached"
tm send-keys -t t e
if wait_for "Edited In The Editor"; then
	args=$(cat "$out/editor-args")
	if [ "$args" = "--wait +$line $art" ]; then ok
	else bad e-line "the editor got '$args', not '--wait +$line $art'"; fi
else
	bad e "the editor's change is not on screen"
fi

tm send-keys -t t q
sleep 0.2
tm kill-session -t t 2>/dev/null

# 5. The library sees its subfolders live (inotify is not recursive: each
#    folder has its own watch, a folder made later too).
lib=$out/library
mkdir -p "$lib/outlet/2016"
cp articles/kerry-lavrov-moscow.yaml "$lib/top.yaml"
sed 's/^title: .*/title: Deep In The Library/' articles/kerry-lavrov-moscow.yaml \
	>"$lib/outlet/2016/deep.yaml"
tm new-session -d -s t -x 100 -y 30 \
	"env XDG_CONFIG_HOME=$out/config TERM=xterm-256color $QUOTH $lib" || exit 1
if wait_for "Deep In The Library" && wait_for "Kerry Strikes"; then
	sed -i 's/^title: .*/title: Changed Two Folders Down/' "$lib/outlet/2016/deep.yaml"
	if wait_for "Changed Two Folders Down"; then ok
	else bad lib-changed "a file changed in a subfolder was not refreshed"; fi
	mkdir -p "$lib/outlet/2017"
	sleep 0.3   # the new folder's watch: a file in it must be seen too
	sed 's/^title: .*/title: Added In A New Folder/' articles/kerry-lavrov-moscow.yaml \
		>"$lib/outlet/2017/added.yaml.new" && mv "$lib/outlet/2017/added.yaml.new" "$lib/outlet/2017/added.yaml"
	if wait_for "Added In A New Folder"; then ok
	else bad lib-added "a file added in a new subfolder did not appear"; fi
	shows "3 articles" || bad lib-count "the title line does not count 3 articles"
	rm "$lib/outlet/2016/deep.yaml"
	if wait_gone "Changed Two Folders Down" && wait_for "2 articles"; then ok
	else bad lib-removed "a file removed from a subfolder is still listed"; fi
else
	bad lib-open "the library did not list its subfolder"
fi
tm send-keys -t t q

echo "reload: $passed passed, $fail failed"
[ $fail -eq 0 ]

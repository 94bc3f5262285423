#!/bin/sh
# Hostile terminals, in tmux: Ctrl-C, SIGTERM and SIGHUP leave the terminal
# sane (echo and icanon back); Ctrl-Z and fg redraw; TERM unset, unknown or
# dumb gives a clear message, never a crash.
set -u
QUOTH=${QUOTH:-./quoth}
case $QUOTH in /*) ;; *) QUOTH=$(pwd)/$QUOTH ;; esac
out=$(pwd)/build/hostile-term
mkdir -p "$out"
art=$(pwd)/articles/kerry-lavrov-moscow.yaml
sock=quoth-term-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT INT TERM

fail=0
passed=0
bad() { echo "terminal: FAIL $1: $2"; fail=$((fail + 1)); }

# Polls the pane until it shows $1 (a fixed string), up to 10 s.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		tm capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# Waits for file $1 to exist, up to 10 s.
wait_file() {
	i=0
	while [ $i -lt 200 ]; do
		[ -s "$1" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# One tmux server for the whole run (it must not exit between sessions).
tm new-session -d -s keep -x 100 -y 30 "sleep 600" || exit 1
tm set -g exit-empty off

# A fresh shell in a 100x30 terminal.
start_shell() {
	tm kill-session -t t 2>/dev/null
	tm new-session -d -s t -x 100 -y 30 "env -i PATH=$PATH HOME=$out TERM=xterm-256color LC_ALL=C.UTF-8 PS1='$ ' bash --norc -i"
	wait_for '$' || { bad shell "the shell did not start"; return 1; }
}

quoth_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')" | head -1; }

# Runs quoth, stops it with $2 (a key name or a signal), checks stty.
check_stop() {
	name=$1 how=$2
	start_shell || return
	rm -f "$out/stty-$name"
	tm send-keys -t t "$QUOTH $art; stty -a > $out/stty-$name" Enter
	if ! wait_for "Kerry Strikes"; then bad "$name" "the reader did not open"; return; fi
	case $how in
	C-c) tm send-keys -t t C-c ;;
	*) kill -"$how" "$(quoth_pid)" ;;
	esac
	if ! wait_file "$out/stty-$name"; then bad "$name" "quoth did not end"; return; fi
	if grep -q -- '-echo ' "$out/stty-$name" || grep -q -- '-icanon' "$out/stty-$name"; then
		bad "$name" "the terminal was left without echo or icanon"
		return
	fi
	passed=$((passed + 1))
}

check_stop ctrl-c C-c
check_stop sigterm TERM
check_stop sighup HUP

# Ctrl-Z suspends, fg resumes with the screen drawn again.
if start_shell; then
	tm send-keys -t t "$QUOTH $art" Enter
	if wait_for "Kerry Strikes"; then
		tm send-keys -t t C-z
		if wait_for "Stopped"; then
			tm send-keys -t t clear Enter
			tm send-keys -t t fg Enter
			if wait_for "Kerry Strikes"; then
				passed=$((passed + 1))
			else
				bad ctrl-z "no redraw after fg"
			fi
			tm send-keys -t t q
		else
			bad ctrl-z "Ctrl-Z did not suspend"
		fi
	else
		bad ctrl-z "the reader did not open"
	fi
fi

# TERM unset, unknown, dumb: a clear message (or a usable screen), never a
# crash; the exit status says which.
for term in unset no-such-terminal dumb; do
	start_shell || continue
	rm -f "$out/rc-$term"
	if [ $term = unset ]; then prefix="env -u TERM"; else prefix="env TERM=$term"; fi
	tm send-keys -t t "$prefix $QUOTH $art 2>$out/err-$term; echo \$? > $out/rc-$term" Enter
	sleep 0.5
	tm send-keys -t t q
	if ! wait_file "$out/rc-$term"; then bad "TERM=$term" "quoth did not end"; continue; fi
	rc=$(cat "$out/rc-$term")
	if [ "$rc" -ge 2 ]; then
		bad "TERM=$term" "exit status $rc: $(cat "$out/err-$term")"
	elif [ "$rc" -eq 1 ] && ! grep -q "^quoth: .*terminal" "$out/err-$term"; then
		bad "TERM=$term" "no clear message: $(cat "$out/err-$term")"
	else
		passed=$((passed + 1))
	fi
done

echo "terminal: $passed passed, $fail failed"
[ $fail -eq 0 ]

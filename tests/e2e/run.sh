#!/bin/sh
# The reader in a real terminal agrees with `quoth snapshot`: each scenario
# below (a tests/snapshots/NAME.scn) is run interactively in tmux, its keys
# sent with send-keys, and `tmux capture-pane -p` must equal the text layer
# of the snapshot for the same article, size and keys.  The screen is
# polled (every 50 ms, up to 5 s) rather than waited for with fixed sleeps.
#
# Before a resize and after Esc (which must not run into the next key as
# an Alt sequence) the screen of the keys so far is awaited first.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
QUOTH=${QUOTH:-./quoth}
case $QUOTH in /*) ;; *) QUOTH=$(pwd)/$QUOTH ;; esac
# E2E_SCENARIOS="NAME..." runs only those.
SCENARIOS=${E2E_SCENARIOS:-"reader-80x24 reader-next-quote-wrap reader-tab-focus
reader-search reader-esc reader-resize-keeps-position wide-rtl-combining library help"}
TERM_TYPE=xterm-256color

SOCK=quoth-e2e-$$
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quoth-e2e.XXXXXX") || exit 2
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

if [ ! -x "$QUOTH" ]; then
	echo "e2e: $QUOTH is not built (make quoth)"
	exit 1
fi
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is missing (sh tests/setup.sh installs it)"
	exit 1
fi

field() {
	sed -n "s/^$2:[ 	]*//p" "$1" | sed 's/[ 	]*$//' | head -n 1
}

# expect FILE SIZE KEYS OUT: the snapshot's text layer as tmux shows it:
# without the '|' edges and without trailing spaces.
expect() {
	"$QUOTH" snapshot --size "$2" --keys "$3" "$1" >"$TMP/snap" 2>"$TMP/snap.err" || {
		echo "e2e: quoth snapshot failed: $(cat "$TMP/snap.err")"
		return 1
	}
	awk 'NR > 1 && /^# cursor/ { exit } NR > 1 && !/^# screen/ { print }' "$TMP/snap" |
		sed 's/^|//; s/|$//; s/ *$//' >"$4"
}

capture() {
	tm capture-pane -p -t e2e 2>/dev/null | sed 's/ *$//' >"$1"
}

# await NAME WANT: polls the pane until it equals WANT; on timeout prints
# both screens and fails.
await() {
	i=0
	while [ $i -lt 100 ]; do
		capture "$TMP/got"
		cmp -s "$TMP/got" "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "e2e $1: the terminal did not show the expected screen within 5 s"
	echo "--- expected (quoth snapshot)"
	sed 's/^/|/' "$2"
	echo "--- tmux capture-pane"
	sed 's/^/|/' "$TMP/got"
	return 1
}

# tmux_key ITEM: sends one item of a key script (see keyscript.h).
tmux_key() {
	case $1 in
	'<Enter>') tm send-keys -t e2e Enter ;;
	'<Tab>') tm send-keys -t e2e Tab ;;
	'<S-Tab>') tm send-keys -t e2e BTab ;;
	'<Esc>') tm send-keys -t e2e Escape ;;
	'<Space>') tm send-keys -t e2e Space ;;
	'<Up>' | '<Down>' | '<Left>' | '<Right>' | '<Home>' | '<End>' | '<F1>')
		k=${1#<}; tm send-keys -t e2e "${k%>}" ;;
	'<PgUp>') tm send-keys -t e2e PPage ;;
	'<PgDn>') tm send-keys -t e2e NPage ;;
	'<BS>') tm send-keys -t e2e BSpace ;;
	'<lt>') tm send-keys -t e2e -l '<' ;;
	'<C-'?'>') k=${1#<}; tm send-keys -t e2e "${k%>}" ;;
	'<'*) echo "e2e: cannot send $1 to tmux"; return 1 ;;
	*) tm send-keys -t e2e -l "$1" ;;
	esac
}

# items KEYS: one item of the script per line.
items() {
	printf '%s\n' "$1" | sed 's/<[^>]*>/\n&\n/g' | while IFS= read -r part; do
		case $part in
		'<'*) printf '%s\n' "$part" ;;
		*) printf '%s' "$part" | fold -w 1; echo ;;  # byte-wise: ASCII keys
		esac
	done | sed '/^$/d'
}

run_scenario() {
	name=$1
	scn=tests/snapshots/$name.scn
	file=$(field "$scn" file)
	size=$(field "$scn" size)
	size=${size:-80x24}
	keys=$(field "$scn" keys)
	cols=${size%x*}
	rows=${size#*x}
	tm kill-session -t e2e 2>/dev/null
	tm new-session -d -s e2e -x "$cols" -y "$rows" \
		"env TERM=$TERM_TYPE LC_ALL=C.UTF-8 TZ=UTC $QUOTH $file; sleep 60" || return 1
	expect "$file" "$size" "" "$TMP/want" && await "$name (start)" "$TMP/want" || return 1
	done_keys=""
	items "$keys" >"$TMP/items"
	while IFS= read -r item; do
		case $item in
		'<resize '*)
			expect "$file" "$size" "$done_keys" "$TMP/want" &&
				await "$name (before $item)" "$TMP/want" || return 1
			sz=${item#<resize }
			sz=${sz%>}
			tm resize-window -t e2e -x "${sz%x*}" -y "${sz#*x}"
			;;
		*)
			tmux_key "$item" || return 1
			;;
		esac
		done_keys=$done_keys$item
		if [ "$item" = '<Esc>' ]; then
			expect "$file" "$size" "$done_keys" "$TMP/want" &&
				await "$name (after <Esc>)" "$TMP/want" || return 1
		fi
	done <"$TMP/items"
	expect "$file" "$size" "$keys" "$TMP/want" && await "$name" "$TMP/want"
}

# One server for every scenario; without a status line each pane is the
# whole COLSxROWS window.
tm start-server \; set-option -g exit-empty off \; set-option -g status off || exit 1
passed=0
failed=0
for name in $SCENARIOS; do
	if run_scenario "$name"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "e2e: $passed passed, $failed failed"
[ $failed -eq 0 ]

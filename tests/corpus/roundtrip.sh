#!/bin/sh
# tests/corpus/roundtrip.sh DIR: every brat .ann below DIR (its .txt found
# by quoth's pairing rule) imported to quoth YAML, exported back to brat,
# and compared: the same entity spans by type (pieces apart: a quoth
# mention is one range) and the same attributions, each as its type and
# its Source, Cue and Content spans (IDs are renumbered, so not compared).
# Prints one line per file that differs and a summary; exit 1 if any did.
set -u
QUOTH=${QUOTH:-./quoth}
dir=${1:?usage: tests/corpus/roundtrip.sh DIR}
work=build/roundtrip
rm -rf "$work" && mkdir -p "$work/out"

# The comparable lines of an .ann: "ENT TYPE s e" and
# "EVT TYPE source=... cue=... content=...".
norm() {
	awk -F'\t' '
	function role(r) { sub(/[0-9]+$/, "", r); return r }
	# The pieces of a role in text order: brat lists Content and Content2
	# in any order, quoth in the order of the text.
	function ordered(s,   p, n, i, j, t, x, y) {
		n = split(s, p, ";")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1; j--) {
				split(p[j - 1], x, " "); split(p[j], y, " ")
				if (x[1] + 0 < y[1] + 0 || (x[1] + 0 == y[1] + 0 && x[2] + 0 <= y[2] + 0)) break
				t = p[j]; p[j] = p[j - 1]; p[j - 1] = t
			}
		s = p[1]; for (i = 2; i <= n; i++) s = s ";" p[i]
		return s
	}
	function etype(l,   t) { t = toupper(l); gsub(/[^A-Z0-9_]/, "_", t)
		if (t == "PER") t = "PERSON"; if (t == "ORGANIZATION" || t == "ORGANISATION") t = "ORG"
		if (t == "LOCATION") t = "LOC"; return t }
	/^T/ { split($2, a, " "); lab[$1] = a[1]; sp[$1] = substr($2, length(a[1]) + 2) }
	/^E/ { ev[$1] = $2 }
	END {
		for (t in lab) {
			l = lab[t]
			if (l ~ /^(Source|Cue|Content|Attribution)[0-9]*$/ || l == "Attribution-no-source") continue
			n = split(sp[t], p, ";")
			for (i = 1; i <= n; i++) print "ENT " etype(l) " " p[i]
		}
		for (e in ev) {
			n = split(ev[e], a, " "); split(a[1], h, ":")
			src = ""; cue = ""; con = ""
			for (i = 2; i <= n; i++) {
				split(a[i], r, ":"); k = role(r[1])
				if (k == "Source") src = src (src == "" ? "" : ";") sp[r[2]]
				if (k == "Cue") cue = cue (cue == "" ? "" : ";") sp[r[2]]
				if (k == "Content") con = con (con == "" ? "" : ";") sp[r[2]]
			}
			if (cue == "") cue = sp[h[2]]
			if (con != "") print "EVT " h[1] " source=" ordered(src) " cue=" ordered(cue) " content=" ordered(con)
		}
	}' "$1" | sort -u
}

files=0 same=0 differ=0 failed=0
for ann in $(find "$dir" -name '*.ann' | sort); do
	files=$((files + 1))
	stem=$(basename "$ann" .ann)
	rm -f "$work/out/$stem.txt" "$work/out/$stem.ann"
	if ! "$QUOTH" import brat "$ann" >"$work/$stem.yaml" 2>"$work/$stem.import.err" ||
	   ! "$QUOTH" export --brat -o "$work/out" "$work/$stem.yaml" 2>"$work/$stem.export.err"; then
		failed=$((failed + 1))
		echo "roundtrip: FAILED $ann: $(head -1 "$work/$stem.export.err" "$work/$stem.import.err" 2>/dev/null | grep -v '^==' | grep . | head -1)"
		continue
	fi
	norm "$ann" >"$work/$stem.want"
	norm "$work/out/$stem.ann" >"$work/$stem.got"
	if cmp -s "$work/$stem.want" "$work/$stem.got"; then
		same=$((same + 1))
	else
		differ=$((differ + 1))
		echo "roundtrip: DIFFERS $ann: $(diff "$work/$stem.want" "$work/$stem.got" | grep -c '^<') lost, $(diff "$work/$stem.want" "$work/$stem.got" | grep -c '^>') added (diff $work/$stem.want $work/$stem.got)"
	fi
done
echo "roundtrip: $files files, $same the same, $differ differ, $failed failed"
[ $differ -eq 0 ] && [ $failed -eq 0 ]

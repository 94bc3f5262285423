#!/bin/sh
# The command line: exit codes (0 ok, 1 invalid input, 2 usage), what
# check prints, --help and --version, and the refusal to run the reader
# without a terminal.
set -u
QUOTH=${QUOTH:-./quoth}
out=build/cli
mkdir -p "$out"
fail=0
passed=0

# expect NAME STATUS COMMAND...: runs it, keeps stdout and stderr.
expect() {
	name=$1 want=$2
	shift 2
	"$@" >"$out/stdout" 2>"$out/stderr" </dev/null
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "cli: FAIL $name: exit $got, expected $want"
		sed 's/^/  /' "$out/stderr" | head -5
		fail=$((fail + 1))
		return 1
	fi
	passed=$((passed + 1))
}

# expect_in NAME STATUS INPUT COMMAND...: expect, with INPUT as standard input.
expect_in() {
	name=$1 want=$2 input=$3
	shift 3
	"$@" >"$out/stdout" 2>"$out/stderr" <"$input"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "cli: FAIL $name: exit $got, expected $want"
		sed 's/^/  /' "$out/stderr" | head -5
		fail=$((fail + 1))
		return 1
	fi
	passed=$((passed + 1))
}

# has NAME FILE TEXT: FILE holds the fixed string TEXT.
has() {
	if grep -qF -- "$3" "$2"; then
		passed=$((passed + 1))
	else
		echo "cli: FAIL $1: no '$3' in $(basename "$2")"
		fail=$((fail + 1))
	fi
}

expect "check of valid articles" 0 "$QUOTH" check articles/kerry-lavrov-moscow.yaml articles/format-tour.yaml
[ -s "$out/stdout" ] || [ -s "$out/stderr" ] && { echo "cli: FAIL check printed something for valid articles"; fail=$((fail + 1)); }

bad=tests/fixtures/screens/broken.yaml
expect "check of an invalid article" 1 "$QUOTH" check articles/format-tour.yaml "$bad"
has "check names file, line and column" "$out/stderr" "$bad:"
has "check says error" "$out/stderr" ": error: "
has "check shows a caret" "$out/stderr" "^"

expect "check without files" 2 "$QUOTH" check
expect "check --strict without files" 2 "$QUOTH" check --strict

# Warnings print as errors do, with their own word, and exit 0 unless
# --strict (or -Werror) is given; an error still exits 1 either way.
warn=tests/fixtures/loader/warn-entity-not-found.yaml
expect "check of an article with warnings" 0 "$QUOTH" check "$warn"
has "check says warning" "$out/stderr" "$warn:8:11: warning: entity 'lleida' is not found"
has "a warning shows its caret" "$out/stderr" "      |           ^"
expect "check --strict of an article with warnings" 1 "$QUOTH" check --strict "$warn"
has "check --strict still prints the warning" "$out/stderr" ": warning: "
expect "check -Werror after the file" 1 "$QUOTH" check "$warn" -Werror
expect "check --strict of valid articles" 0 "$QUOTH" check --strict articles
expect "check --strict with an error" 1 "$QUOTH" check --strict "$bad"
expect "check of an error and a warning" 1 "$QUOTH" check "$warn" "$bad"
has "both files are reported" "$out/stderr" "$bad:"
expect_in "check --strict of standard input with warnings" 1 "$warn" "$QUOTH" check --strict -
has "warnings of standard input" "$out/stderr" "<stdin>:8:11: warning: "
expect "unknown option" 2 "$QUOTH" --frobnicate
expect "bad colour" 2 "$QUOTH" --color=sometimes articles/format-tour.yaml
has "bad colour names the choices" "$out/stderr" "auto, always or never"
expect "export without --json" 2 "$QUOTH" export articles/format-tour.yaml
expect "export of an invalid article" 1 "$QUOTH" export --json "$bad"
expect "export" 0 "$QUOTH" export --json articles/format-tour.yaml
has "export is JSON" "$out/stdout" '"format":	"quoth-article"'
expect "snapshot with a bad key" 2 "$QUOTH" snapshot --keys '<Nope>' articles/format-tour.yaml
expect "snapshot with a bad size" 2 "$QUOTH" snapshot --size 80by24 articles/format-tour.yaml

# A typo of a command is told as one, not as a file that cannot be opened.
expect "misspelt command" 2 "$QUOTH" chek articles/format-tour.yaml
has "misspelt command suggests" "$out/stderr" "did you mean 'check'?"

# check DIR checks each article in it, *.yml as well as *.yaml.
expect "check of a directory" 0 "$QUOTH" check articles
dir=$out/articles-dir
rm -rf "$dir" && mkdir -p "$dir"
cp articles/format-tour.yaml "$dir/tour.yml"
cp "$bad" "$dir/broken.yaml"
expect "check of a directory with a broken article" 1 "$QUOTH" check "$dir"
has "check of a directory names the broken file" "$out/stderr" "$dir/broken.yaml:"
rm "$dir/broken.yaml"
expect "check of a directory of *.yml" 0 "$QUOTH" check "$dir"
rm "$dir/tour.yml"
expect "check of a directory without articles" 1 "$QUOTH" check "$dir"
has "check says the directory has no articles" "$out/stderr" "no articles in it"

# - reads the article from standard input, named <stdin> in messages.
expect_in "check of standard input" 0 articles/format-tour.yaml "$QUOTH" check -
expect_in "check of an invalid standard input" 1 "$bad" "$QUOTH" check -
has "standard input is named <stdin>" "$out/stderr" "<stdin>:"
expect_in "export of standard input" 0 articles/format-tour.yaml "$QUOTH" export --json -
has "export of standard input is JSON" "$out/stdout" '"format":	"quoth-article"'

# --color takes its mode as the next word too.
expect "--color MODE" 1 "$QUOTH" --color never articles/format-tour.yaml
has "--color MODE is accepted" "$out/stderr" "not a terminal"
expect "--color without a mode" 2 "$QUOTH" --color
expect "--color with a bad mode" 2 "$QUOTH" --color sometimes articles/format-tour.yaml

# quoth stats: counts made by hand in tests/fixtures/stats/*.yaml.
st=tests/fixtures/stats
expect "stats --csv" 0 "$QUOTH" stats --csv $st/one.yaml $st/outlet-b/two.yaml
printf '%s\n' 'speaker,entity,kb,type,quotes,words,articles' \
	'John Kerry,kerry,Q22316,PERSON,3,8,2' \
	'A senior official,,,,2,6,2' \
	'"Lavrov, Sergey",sl,,PERSON,2,3,1' >"$out/want.csv"
if cmp -s "$out/stdout" "$out/want.csv"; then passed=$((passed + 1)); else
	echo "cli: FAIL stats --csv:"; diff "$out/want.csv" "$out/stdout" | head; fail=$((fail + 1)); fi
expect "stats of a directory with a broken article" 1 "$QUOTH" stats --jsonl $st
has "stats reports the broken article" "$out/stderr" "$st/outlet-b/broken.yaml:5:12: error:"
has "stats says how many did not load" "$out/stderr" "1 of 3 articles did not load"
[ "$(wc -l <"$out/stdout")" -eq 3 ] && passed=$((passed + 1)) || {
	echo "cli: FAIL stats --jsonl: not one line per article"; fail=$((fail + 1)); }
has "stats --jsonl counts the broken article's problems" "$out/stdout" \
	'{"file":"tests/fixtures/stats/outlet-b/broken.yaml","id":null,"title":null,"source":null,"published":null,"quotes":0,"entities":0,"problems":2,"speakers":[]}'
has "stats --jsonl has an article's speakers" "$out/stdout" \
	'"quotes":3,"entities":2,"problems":0,"speakers":[{"speaker":"John Kerry","quotes":2,"words":7},{"speaker":"A senior official","quotes":1,"words":4}]}'
expect "stats --json" 1 "$QUOTH" stats --json $st
tr -d '\t\n' <"$out/stdout" >"$out/flat.json"
has "stats --json totals" "$out/flat.json" '"articles":3,"articles_with_errors":1,"entities":4,"quotes":7,"words":17,'
has "stats --json speaker" "$out/flat.json" '"speaker":"A senior official","entity":null,"kb":null,"type":null,"kind":"unnamed","quotes":2,"words":6,"articles":2,"share":0.2857142857142857,"by_kind":{"direct":0,"partial":0,"indirect":2,"mixed":0}'
expect "stats as a table" 1 "$QUOTH" stats $st
has "stats table" "$out/stdout" "3 articles (1 with errors), 7 quotes, 17 words quoted, 3 speakers"
has "stats table row" "$out/stdout" "John Kerry                             3       8        2  "
expect "stats without paths" 2 "$QUOTH" stats --csv
expect "stats with a bad option" 2 "$QUOTH" stats --xml $st
expect "stats of a missing path" 1 "$QUOTH" stats /nonexistent/quoth
has "stats names the missing path" "$out/stderr" "/nonexistent/quoth: error: cannot be read"

# quoth diff: figures worked out by hand in tests/fixtures/diff/README.md.
df=tests/fixtures/diff
expect "diff of a pair" 0 "$QUOTH" diff $df/pair/a.yaml $df/pair/b.yaml
has "diff table header" "$out/stdout" "tests/fixtures/diff/pair/a.yaml against tests/fixtures/diff/pair/b.yaml"
has "diff exact" "$out/stdout" "  exact        0.500  0.667  0.571        2       4       3"
has "diff overlap" "$out/stdout" "  overlap      0.750  1.000  0.857        3       4       3"
has "diff attribution" "$out/stdout" "  attribution  0.500  0.667  0.571        2       4       3"
has "diff entities" "$out/stdout" "  entities     0.500  0.500  0.500        1       2       2"
has "diff speaker" "$out/stdout" "  speaker      0.667  (2 of 3 overlap pairs)"
has "diff kind" "$out/stdout" "  kind         0.333  (1 of 3 overlap pairs)"
expect "diff --json" 0 "$QUOTH" diff --json $df/pair/a.yaml $df/pair/b.yaml
tr -d '\t\n' <"$out/stdout" >"$out/flat.json"
has "diff --json format" "$out/flat.json" '"format":"quoth-diff","version":1,'
has "diff --json reference" "$out/flat.json" '"reference":"tests/fixtures/diff/pair/b.yaml"'
has "diff --json figure" "$out/flat.json" '"overlap":{"matched":3,"in_a":4,"in_b":3,"precision":0.75,"recall":1,"f1":0.857142857142857}'
has "diff --json agreement" "$out/flat.json" '"kind":{"agree":1,"of":3,"ratio":0.33333333333333331}'
has "diff --json only in A" "$out/flat.json" '{"role":"only_a","differs":[],"overlap_chars":0,"a":{"index":2,"id":"a3","speaker":"name:john kerry","kind":"indirect","content":[{"start":24,"end":42,"start_char":24,"end_char":42,"text":"not based on trust"}],"source":[{"start":0,"end":5,"start_char":0,"end_char":5,"text":"Kerry"}],"cue":[]},"b":null}'
has "diff --json differs" "$out/flat.json" '"role":"differs","differs":["source", "cue", "speaker", "kind"],"overlap_chars":16,'
expect "diff of two directories" 0 "$QUOTH" diff $df/dir-a $df/dir-b
has "diff pairs by name without the suffix" "$out/stdout" "$df/dir-a/moscow_4b22.yaml against $df/dir-b/moscow_4e07.yaml"
has "diff pairs by id" "$out/stdout" "$df/dir-a/sub/zoe_4b22.yaml against $df/dir-b/zoe-renamed.yaml"
has "diff reports an article on one side" "$out/stderr" "$df/dir-a/only-here_4b22.yaml: no article with its id or file name in $df/dir-b; not compared"
has "diff total counts it" "$out/stdout" "total: 2 articles compared (counts added over articles); 1 only in $df/dir-a"
has "diff total overlap" "$out/stdout" "  overlap      0.800  1.000  0.889        4       5       4"
has "diff total kind" "$out/stdout" "  kind         0.250  (1 of 4 overlap pairs)"
expect "diff of different bodies" 1 "$QUOTH" diff $df/mismatch/a.yaml $df/mismatch/b.yaml
has "diff names the first difference" "$out/stderr" "the bodies differ from body line 2, column 21 (byte 36)"
has "diff shows the text escaped" "$out/stderr" "$df/mismatch/b.yaml: \"Kerry said “yes” on Tuesday\\u202E.\\n\""
# diff --view (issue 15): the compare view wants a terminal, two files.
expect "diff --view without a terminal" 1 "$QUOTH" diff --view $df/pair/a.yaml $df/pair/b.yaml </dev/null
has "diff --view says there is no terminal" "$out/stderr" "diff --view: standard input is not a terminal"
expect "diff --view of one file" 2 "$QUOTH" diff --view $df/pair/a.yaml
expect "snapshot --compare of different bodies" 1 "$QUOTH" snapshot --compare $df/mismatch/b.yaml $df/mismatch/a.yaml
has "snapshot --compare names the difference" "$out/stderr" "the bodies differ from body line 2, column 21"
expect "diff of three annotators" 0 "$QUOTH" diff $df/three/1.yaml $df/three/2.yaml $df/three/3.yaml
has "diff matrix row" "$out/stdout" "                   1  1.000  0.667  0.500"
has "diff matrix mean" "$out/stdout" "                mean  0.389 (of 6 ordered pairs)"
has "diff names the annotators" "$out/stdout" "  3 = $df/three/3.yaml"
expect "diff of an article that does not load" 1 "$QUOTH" diff $df/pair/a.yaml "$bad"
has "diff prints its errors" "$out/stderr" "$bad:"
expect "diff of a missing file" 1 "$QUOTH" diff $df/pair/a.yaml /nonexistent/quoth.yaml
expect "diff of one file" 2 "$QUOTH" diff $df/pair/a.yaml
expect "diff of a file and a directory" 2 "$QUOTH" diff $df/pair/a.yaml $df/dir-b
expect "diff with a bad option" 2 "$QUOTH" diff --csv $df/pair/a.yaml $df/pair/b.yaml
expect "diff of standard input" 2 "$QUOTH" diff - $df/pair/b.yaml
expect "misspelt diff" 2 "$QUOTH" dif $df/pair/a.yaml
has "misspelt diff suggests" "$out/stderr" "did you mean 'diff'?"
expect "--help" 0 "$QUOTH" --help
has "--help mentions diff" "$out/stdout" "quoth diff [--json] A B [C...]"

expect "--version" 0 "$QUOTH" --version
has "--version" "$out/stdout" "quoth "
expect "--help" 0 "$QUOTH" --help
for word in check export snapshot stats --csv --jsonl --color --strict -Werror warning "Exit status" "lines of *.jsonl"; do
	has "--help mentions $word" "$out/stdout" "$word"
done

# The reader needs a terminal: stdin here is /dev/null, stdout a file.
expect "reader without a terminal" 1 "$QUOTH" articles/format-tour.yaml
has "reader says why" "$out/stderr" "not a terminal"
# An article that does not load is reported before any terminal check.
expect "reader on an invalid article" 1 "$QUOTH" "$bad"
has "reader prints the errors like check" "$out/stderr" ": error: "

# The config file: --dump-config prints the settings in force, which read
# back as a config print the same again; a bad line is FILE:LINE:COL with
# a suggestion, and the rest still applies.
cfg=$out/config-home
rm -rf "$cfg"; mkdir -p "$cfg/quoth"
expect "--dump-config" 0 env XDG_CONFIG_HOME="$cfg" "$QUOTH" --dump-config
cp "$out/stdout" "$out/dump"
has "--dump-config: a binding" "$out/dump" "bind ] next-quote"
has "--dump-config: a colour" "$out/dump" "color entity.PERSON magenta default bold"
has "--dump-config: the mode" "$out/dump" "set color auto"
expect "--dump-config round trip" 0 "$QUOTH" --config "$out/dump" --dump-config
if cmp -s "$out/stdout" "$out/dump"; then passed=$((passed + 1))
else echo "cli: FAIL --dump-config round trip: the dump read back differs"; fail=$((fail + 1)); fi
printf 'bind x next-quote\nset color never\nbind q qiut\n' >"$cfg/quoth/config"
expect "config with a bad line" 1 env XDG_CONFIG_HOME="$cfg" "$QUOTH" --dump-config
has "config error at FILE:LINE:COL" "$out/stderr" "$cfg/quoth/config:3:8: error: unknown action 'qiut'; did you mean 'quit'?"
has "config: the rest applies" "$out/stdout" "bind x next-quote"
has "config: set color" "$out/stdout" "set color never"
expect "--color beats the config" 1 env XDG_CONFIG_HOME="$cfg" "$QUOTH" --color=always --dump-config
has "--color beats the config" "$out/stdout" "set color always"
expect "--config missing" 1 "$QUOTH" --config "$out/no-such-config" --dump-config
has "--config missing says so" "$out/stderr" "cannot read the config file"
expect "--config needs a FILE" 2 "$QUOTH" --config

# ---- import, direct reading, export --brat ----
imp=tests/fixtures/import
expect "import brat to stdout" 0 "$QUOTH" import brat $imp/attribution.ann
has "import writes the quotes" "$out/stdout" "speaker: {text: Mara Quill, span: [0, 10]}"
if cmp -s "$out/stdout" $imp/golden/attribution.yaml; then passed=$((passed + 1)); else
	echo "cli: FAIL import brat: not the golden YAML"; fail=$((fail + 1)); fi
expect "import with problems still writes" 0 "$QUOTH" import brat $imp/hostile.ann
has "import reports a line it could not use" "$out/stderr" "$imp/hostile.ann:2: error: T2:"
[ "$(grep -o '^[^ ]*hostile.ann:[0-9]*' "$out/stderr" | cut -d: -f2 | sort -n -c 2>&1)" = "" ] &&
	passed=$((passed + 1)) || { echo "cli: FAIL import: problems not sorted by line"; fail=$((fail + 1)); }
expect "import of a missing file" 1 "$QUOTH" import brat /nonexistent/x.ann
has "import says what is missing" "$out/stderr" "/nonexistent/x.ann: error: no .txt for it"
expect "import with an unknown format" 2 "$QUOTH" import conll $imp/attribution.ann
expect "import without a file" 2 "$QUOTH" import brat
rm -rf "$out/imp" && mkdir -p "$out/imp/pair"
cp $imp/attribution.txt "$out/imp/pair/story.txt"
cp $imp/attribution.ann "$out/imp/pair/story_4b22.ann"
expect "import pairs X_4b22.ann with X.txt" 0 "$QUOTH" import brat -o "$out/imp" "$out/imp/pair/story_4b22.ann"
[ -s "$out/imp/story_4b22.yaml" ] && passed=$((passed + 1)) || { echo "cli: FAIL import -o wrote no story_4b22.yaml"; fail=$((fail + 1)); }
expect "import -o does not overwrite" 1 "$QUOTH" import brat -o "$out/imp" "$out/imp/pair/story_4b22.ann"
has "import says which file exists" "$out/stderr" "$out/imp/story_4b22.yaml exists already"
has "import says how to overwrite" "$out/stderr" "--force"
expect "import --force overwrites" 0 "$QUOTH" import brat --force -o "$out/imp" "$out/imp/pair/story_4b22.ann"
expect "import jsonl -o: one file per line" 0 "$QUOTH" import auto -o "$out/imp" $imp/doccano.jsonl
[ -s "$out/imp/doccano-1.yaml" ] && [ -s "$out/imp/doccano-2.yaml" ] && passed=$((passed + 1)) ||
	{ echo "cli: FAIL import jsonl -o: not doccano-1.yaml and doccano-2.yaml"; fail=$((fail + 1)); }
expect "export --brat of a YAML article" 0 "$QUOTH" export --brat -o "$out/imp" articles/format-tour.yaml
has "export --brat writes T lines" "$out/imp/format-tour.ann" "	Content "
has "export --brat writes E lines" "$out/imp/format-tour.ann" "	Attribution:T"
expect "export --brat does not overwrite" 1 "$QUOTH" export --brat -o "$out/imp" articles/format-tour.yaml
has "export --brat says which file exists" "$out/stderr" "format-tour.txt exists already"
# The brat export read back: import gives as many quotes as the article has.
expect "import of the export" 0 "$QUOTH" import brat "$out/imp/format-tour.ann"
[ "$(grep -c '^  - id: E' "$out/stdout")" -eq "$(grep -c '^E' "$out/imp/format-tour.ann")" ] &&
	passed=$((passed + 1)) || { echo "cli: FAIL export then import: quotes lost"; fail=$((fail + 1)); }
# Direct reading: check and export take brat as they take YAML; check is
# strict, so a .ann whose import left a span out fails with that error.
expect "check of a .ann" 0 "$QUOTH" check $imp/attribution.ann
expect "check of a .txt beside a .ann" 0 "$QUOTH" check "$out/imp/pair/story.txt"
expect "export --json of a .ann" 0 "$QUOTH" export --json $imp/attribution.ann
has "export --json of a .ann has its quotes" "$out/stdout" "the ferry will run again"
# The well-formed pairs only: hostile.ann's refused lines are meant to
# be lost, with their errors.
rt=$out/roundtrip-in
rm -rf "$rt" && mkdir -p "$rt"
for f in attribution constructs bad-utf8 pieces; do cp $imp/$f.txt $imp/$f.ann "$rt/"; done
sh tests/corpus/roundtrip.sh "$rt" >"$out/roundtrip" 2>&1 && passed=$((passed + 1)) ||
	{ echo "cli: FAIL roundtrip.sh on the fixtures"; sed 's/^/  /' "$out/roundtrip" | tail -5; fail=$((fail + 1)); }
expect "snapshot --compare of two brat pairs" 0 "$QUOTH" snapshot --compare $imp/attribution.ann $imp/attribution.ann
has "the compare view of brat pairs" "$out/stdout" "attribution.ann vs attribution.ann"
expect "check of a .ann whose import left spans out" 1 "$QUOTH" check $imp/hostile.ann
has "check says the span it left out" "$out/stderr" "$imp/hostile.ann:2: error: T2:"
expect "export --json of such a .ann" 1 "$QUOTH" export --json $imp/hostile.ann

# A JSON Lines file is a library of its lines (issue 13): check, stats and
# export read every line; a blank line, a line that is not JSON, one of no
# known shape, invalid UTF-8 and a span past the end are each said at
# their line, and the other lines still count.
jl=tests/fixtures/jsonl/newsroom.jsonl
expect "check of a JSON Lines file with bad lines" 1 "$QUOTH" check $jl
has "check: a blank line at its line" "$out/stderr" "$jl:3: warning: a blank line"
has "check: not JSON at its line and column" "$out/stderr" "$jl:4:29: error: not valid JSON here"
has "check: no known shape at its line" "$out/stderr" "$jl:5: error: no format known by its keys"
has "check: invalid UTF-8 at its line" "$out/stderr" "$jl:6: warning: the text holds 2 bytes that are no UTF-8"
has "check: a span past the end at its line" "$out/stderr" "$jl:7: error: spans[1]: offsets 21 40"
has "check: the quoth YAML's warning at the file's line" "$out/stderr" "$jl:1: warning: quoted words no quote covers"
[ "$(grep -c ': error: ' "$out/stderr")" -eq 3 ] && passed=$((passed + 1)) ||
	{ echo "cli: FAIL check of JSON Lines: not 3 errors"; fail=$((fail + 1)); }
expect "stats of a JSON Lines file with bad lines" 1 "$QUOTH" stats $jl
has "stats counts every line as an article" "$out/stdout" "7 articles (3 with errors)"
expect "stats --jsonl of a JSON Lines file" 1 "$QUOTH" stats --jsonl $jl
[ "$(wc -l <"$out/stdout")" -eq 7 ] && passed=$((passed + 1)) ||
	{ echo "cli: FAIL stats --jsonl: not one line per line of the input"; fail=$((fail + 1)); }
has "stats --jsonl names a line by its place" "$out/stdout" "\"$jl:8\""
expect "export --json of a JSON Lines file" 1 "$QUOTH" export --json $jl
[ "$(wc -l <"$out/stdout")" -eq 4 ] && passed=$((passed + 1)) ||
	{ echo "cli: FAIL export --json of JSON Lines: not one line per good line"; fail=$((fail + 1)); }
has "export --json of JSON Lines: the line of each" "$out/stdout" '"line":8,'
has "export --json of JSON Lines: the title" "$out/stdout" '"title":"Osterby ferry terminal opens"'
has "export --json of JSON Lines: a bad line said" "$out/stderr" "$jl:5: error: no format known"
head -n 2 $jl >"$out/two.jsonl"
expect "check of good JSON Lines" 0 "$QUOTH" check "$out/two.jsonl"
expect "check --strict of JSON Lines with a warning" 1 "$QUOTH" check --strict "$out/two.jsonl"
# 100,000 lines: every one counted, none held.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{\"text\": \"Line %d of many.\", \"spans\": []}\n", i }' \
	>"$out/many.jsonl"
expect "stats of 100,000 lines" 0 "$QUOTH" stats "$out/many.jsonl"
has "stats of 100,000 lines counts them all" "$out/stdout" "100000 articles (0 with errors)"

echo "cli: $passed passed, $fail failed"
[ $fail -eq 0 ]

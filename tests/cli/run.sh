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

expect "--version" 0 "$QUOTH" --version
has "--version" "$out/stdout" "quoth "
expect "--help" 0 "$QUOTH" --help
for word in check export snapshot stats --csv --jsonl --color "Exit status"; do
	has "--help mentions $word" "$out/stdout" "$word"
done

# The reader needs a terminal: stdin here is /dev/null, stdout a file.
expect "reader without a terminal" 1 "$QUOTH" articles/format-tour.yaml
has "reader says why" "$out/stderr" "not a terminal"
# An article that does not load is reported before any terminal check.
expect "reader on an invalid article" 1 "$QUOTH" "$bad"
has "reader prints the errors like check" "$out/stderr" ": error: "

# ---- import, direct reading, export --brat (wt-import2) ----
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
# Direct reading needs the loader to take offsets: and span: (wt-model);
# until then quoth check of a .ann fails on those keys, and this is skipped.
printf 'title: t\noffsets: chars\nbody: |\n  x\n' >"$out/imp/probe.yaml"
if "$QUOTH" check "$out/imp/probe.yaml" 2>/dev/null; then
	expect "check of a .ann" 0 "$QUOTH" check $imp/attribution.ann
	expect "check of a .txt beside a .ann" 0 "$QUOTH" check "$out/imp/pair/story.txt"
	expect "export --json of a .ann" 0 "$QUOTH" export --json $imp/attribution.ann
	has "export --json of a .ann has its quotes" "$out/stdout" "the ferry will run again"
	sh tests/corpus/roundtrip.sh $imp >"$out/roundtrip" 2>&1 && passed=$((passed + 1)) ||
		{ echo "cli: FAIL roundtrip.sh on the fixtures"; sed 's/^/  /' "$out/roundtrip" | tail -5; fail=$((fail + 1)); }
else
	echo "cli: direct reading of .ann skipped: the loader does not take 'offsets:' yet"
fi

echo "cli: $passed passed, $fail failed"
[ $fail -eq 0 ]

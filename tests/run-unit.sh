#!/bin/sh
# Runs every cmocka test binary given; fails if any fails.
status=0
for t in "$@"; do
	"$t" || status=1
done
exit $status

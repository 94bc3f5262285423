#!/bin/sh
# Installs what quoth needs to build and test, when it is missing.
# Debian and Ubuntu: apt-get as root, through sudo otherwise.
# Elsewhere: prints the packages to install and fails.
set -u

missing=""
need_pkg() {  # pkg-config module, Debian package
	pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
need_cmd() {  # command, Debian package
	command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}

need_cmd pkg-config pkg-config
need_cmd cc gcc
if command -v pkg-config >/dev/null 2>&1; then
	need_pkg ncursesw libncurses-dev
	need_pkg yaml-0.1 libyaml-dev
	need_pkg cmocka libcmocka-dev
	need_pkg libcjson libcjson-dev
else
	missing="$missing libncurses-dev libyaml-dev libcmocka-dev libcjson-dev"
fi
need_cmd tmux tmux
need_cmd valgrind valgrind
need_cmd clang clang
need_cmd pgrep procps
# libFuzzer and clang's sanitizer runtimes are only recommended by clang.
if command -v clang >/dev/null 2>&1; then
	probe=$(mktemp -d)
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$probe/f.c"
	clang -fsanitize=fuzzer,address,undefined -o "$probe/f" "$probe/f.c" >/dev/null 2>&1 ||
		missing="$missing libclang-rt-dev"
	rm -rf "$probe"
else
	missing="$missing libclang-rt-dev"
fi
[ -z "$missing" ] && exit 0

echo "quoth: installing missing packages:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "quoth: no apt-get here; install the equivalents of:$missing" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "quoth: not root and no sudo; as root run: apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null &&
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "quoth: apt-get install$missing failed" >&2
	exit 1
}
echo "quoth: installed$missing"

#!/bin/bash
# Build the KUnit suites into User Mode Linux from Debian's linux-source-6.1
# and run them.  Prints one line per test case:
#   PASS: kunit/<suite>/<case>     FAIL: kunit/<suite>/<case>
#
# The kernel source is unpacked once into build/ and reused; the project's
# kernel/ and include/ are copied into drivers/wapi_preview_kunit/ of that
# tree and built with tests/kunit/Kbuild.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$TOP/build/kunit
SRC=$BUILD/linux-source-6.1
TARBALL=/usr/src/linux-source-6.1.tar.xz
JOBS=${JOBS:-$(nproc)}

if [ ! -d "$SRC" ]; then
	[ -r "$TARBALL" ] || { echo "FAIL: kunit/setup: $TARBALL missing (run scripts/deps.sh)"; exit 1; }
	mkdir -p "$BUILD"
	tar -xf "$TARBALL" -C "$BUILD" || { echo "FAIL: kunit/setup: cannot unpack $TARBALL"; exit 1; }
fi

# Graft the suites into the tree as an always-built driver directory.
DEST=$SRC/drivers/wapi_preview_kunit
rm -rf "$DEST"
mkdir -p "$DEST"
cp -a "$TOP/kernel" "$TOP/include" "$DEST/"
cp "$TOP/tests/kunit/Kbuild" "$DEST/Makefile"
cat > "$DEST/Kconfig" <<'KCONFIG'
config WAPI_PREVIEW_KUNIT_TEST
	bool "KUnit tests for wapi_preview" if !KUNIT_ALL_TESTS
	depends on KUNIT
	default KUNIT_ALL_TESTS
KCONFIG
grep -q wapi_preview_kunit "$SRC/drivers/Makefile" ||
	echo 'obj-$(CONFIG_WAPI_PREVIEW_KUNIT_TEST) += wapi_preview_kunit/' >> "$SRC/drivers/Makefile"
grep -q wapi_preview_kunit "$SRC/drivers/Kconfig" ||
	sed -i 's|^endmenu|source "drivers/wapi_preview_kunit/Kconfig"\n\nendmenu|' "$SRC/drivers/Kconfig"

LOG=$BUILD/kunit.log
cd "$SRC" || exit 1
python3 tools/testing/kunit/kunit.py run \
	--kunitconfig="$TOP/tests/kunit/.kunitconfig" \
	--build_dir="$BUILD/out" --jobs="$JOBS" --timeout=600 >"$LOG" 2>&1
rc=$?

# kunit.py prints "[PASSED] name" per case and "==== [PASSED] suite ====" per
# suite; report cases with their suite.
awk '
	/ \([0-9]+ subtests?\) =/ {
		match($0, /[A-Za-z0-9_]+ \(/)
		suite = substr($0, RSTART, RLENGTH - 2); next
	}
	/\[(PASSED|FAILED|SKIPPED)\]/ && !/====/ {
		n = $0; sub(/.*\] /, "", n)
		if ($0 ~ /\[PASSED\]/) print "PASS: kunit/" suite "/" n
		else if ($0 ~ /\[FAILED\]/) print "FAIL: kunit/" suite "/" n
		cases++
	}
	END { if (!cases) exit 1 }
' "$LOG"
parsed=$?

if [ $rc -ne 0 ] || [ $parsed -ne 0 ]; then
	[ $parsed -ne 0 ] && echo "FAIL: kunit/run: no test results (kunit.py exit $rc); log: $LOG"
	grep -E 'error|FAILED|Error|not ok|Expected|#' "$LOG" | head -40 | sed 's/^/    | /'
	exit 1
fi
exit 0

#!/bin/bash
# checkpatch.pl --strict (from Debian's linux-source-6.1) over the module's
# sources and the uapi header; any warning fails.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
SRC=$TOP/build/kunit/linux-source-6.1
if [ ! -x "$SRC/scripts/checkpatch.pl" ]; then
	mkdir -p "$TOP/build/kunit"
	tar -xf /usr/src/linux-source-6.1.tar.xz -C "$TOP/build/kunit" || exit 1
fi

cd "$TOP" || exit 1
# The module is out of tree, so the tree-relative checks do not apply.
# MACRO_ARG_REUSE is ignored: the table macros paste a field name twice,
# which has no side effects.  The portable header defines the kernel types
# from <stdint.h> for native builds, so it may name uint8_t and friends.
CP="$SRC/scripts/checkpatch.pl --strict --no-tree --terse --show-types
	--ignore FILE_PATH_CHANGES,MACRO_ARG_REUSE"
rc=0
$CP -f $(ls kernel/*.c kernel/*.h include/uapi/linux/*.h |
	grep -v wpv_portable.h) || rc=1
$CP --ignore PREFER_KERNEL_TYPES -f kernel/wpv_portable.h || rc=1
exit $rc

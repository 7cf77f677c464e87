#!/bin/bash
# The demo: installs what it needs, builds the module and tools, boots the
# test guest and tells, on this terminal, what happens to the stations.
#
# usage: scripts/demo.sh
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"

echo "== installing packages (first run only) =="
scripts/deps.sh
echo "== building the module and tools =="
make -s module userspace >build.log 2>&1 || { cat build.log; exit 1; }
rm -f build.log

KVER=$(scripts/kver)
OUT=$TOP/build/demo
mkdir -p "$OUT"
echo "== building the guest (Debian kernel $KVER) =="
scripts/vm/build-initramfs.sh "$KVER" "$OUT/initramfs.cpio.gz"

echo "== booting the guest; the story follows =="
set +e
scripts/vm/qemu.sh "/boot/vmlinuz-$KVER" "$OUT/initramfs.cpio.gz" demo.sh - \
	"$OUT/results" 280 quiet loglevel=1
rc=$?
set -e

if grep -q '^WPV-DONE' "$OUT/results" && ! grep -q '^FAIL' "$OUT/results"; then
	echo "== demo finished: every step went as told =="
	exit 0
fi
[ $rc -eq 124 ] && echo "== demo stopped: the guest did not finish in time =="
grep '^FAIL' "$OUT/results" || true
echo "== demo failed =="
exit 1

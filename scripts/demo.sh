#!/bin/bash
# The demo: installs what it needs, builds the module and tools, boots the
# test guest and tells, on this terminal, what happens to an honest
# station and an impostor that share the network key.
#
# usage: scripts/demo.sh [--wapi | --p256]
#   --wapi   stations and agent use WAPI certificates (the 192-bit WAPI
#            curve) instead of P-256; also WPV_DEMO_PKI=wapi
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"

PROFILE=${WPV_DEMO_PKI:-p256}
for a in "$@"; do
	case $a in
	--wapi) PROFILE=wapi ;;
	--p256) PROFILE=p256 ;;
	*) echo "usage: scripts/demo.sh [--wapi | --p256]" >&2; exit 2 ;;
	esac
done
case $PROFILE in
p256 | wapi) ;;
*) echo "WPV_DEMO_PKI must be p256 or wapi" >&2; exit 2 ;;
esac

echo "== installing packages (first run only) =="
scripts/deps.sh
echo "== building the module, wpv and the guest's test tools =="
mkdir -p build
make -s module userspace >build/demo-build.log 2>&1 &&
	make -s -C tests/vm/tools >>build/demo-build.log 2>&1 ||
	{ cat build/demo-build.log; exit 1; }

KVER=$(scripts/kver)
OUT=$TOP/build/demo
mkdir -p "$OUT"
echo "== building the guest (Debian kernel $KVER) =="
scripts/vm/build-initramfs.sh "$KVER" "$OUT/initramfs.cpio.gz"

echo "== booting the guest ($PROFILE certificates); the story follows =="
set +e
# The few kernel messages that pass loglevel=1 (the reboot at the end)
# are not part of the story.
scripts/vm/qemu.sh "/boot/vmlinuz-$KVER" "$OUT/initramfs.cpio.gz" demo.sh - \
	"$OUT/results" 280 quiet loglevel=1 "wpv.pki=$PROFILE" |
	grep --line-buffered -v '^\[ *[0-9]*\.[0-9]*\] '
rc=${PIPESTATUS[0]}
set -e

# qemu.sh runs QEMU in the foreground: when it has returned, nothing of
# the demo may be left.
if pgrep -f -- "$OUT/initramfs.cpio.gz" >/dev/null; then
	echo "FAIL: demo/nothing-left-running: a guest is still running"
	rc=1
fi

if [ $rc -eq 0 ] && grep -q '^WPV-DONE' "$OUT/results" &&
   ! grep -q '^FAIL' "$OUT/results"; then
	echo "== demo finished: every step went as told =="
	exit 0
fi
[ $rc -eq 124 ] && echo "== demo stopped: the guest did not finish in time =="
grep '^FAIL' "$OUT/results" || true
echo "== demo failed =="
exit 1

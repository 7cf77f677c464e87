#!/bin/bash
# Run end-to-end scenarios, each in a fresh QEMU guest booting Debian's
# packaged kernel under TCG, and print one result line per check:
#
#   PASS: vm/<scenario>/<check>
#   FAIL: vm/<scenario>/<check>: <why>
#
# A guest that hangs or crashes fails its scenario with its console log.
#
# usage: run-scenarios.sh [-j JOBS] [-k] [SCENARIO.sh ...]
#   default: every tests/vm/[0-9]*.sh; -k keeps the logs of passing ones.
# Environment: KVER (kernel release), WPV_VM_TIMEOUT (seconds, default from
# the scenario's "# timeout:" line), WPV_VM_OUT (log directory).
set -uo pipefail

TOP=$(cd "$(dirname "$0")/../.." && pwd)
KVER=${KVER:-$("$TOP/scripts/kver")}
OUT=${WPV_VM_OUT:-$TOP/build/vm}
JOBS=$(nproc)
KEEP=0

while getopts "j:k" opt; do
	case $opt in
	j) JOBS=$OPTARG ;;
	k) KEEP=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))

if [ $# -eq 0 ]; then
	set -- "$TOP"/tests/vm/[0-9]*.sh
else
	set -- $(realpath "$@")
fi

KERNEL=/boot/vmlinuz-$KVER
[ -r "$KERNEL" ] || { echo "FAIL: vm/setup: $KERNEL not found (run scripts/deps.sh)"; exit 1; }
[ -f "$TOP/wapi_preview.ko" ] || { echo "FAIL: vm/setup: wapi_preview.ko not built"; exit 1; }

mkdir -p "$OUT"
INITRD=$OUT/initramfs.cpio.gz
# Test-only helpers for the guest (build/vm/extra, copied into it).
if ! make -s -C "$TOP/tests/vm/tools" >"$OUT/tools.log" 2>&1; then
	echo "FAIL: vm/setup: test tools did not build (tests/vm/tools)"
	tail -20 "$OUT/tools.log"
	exit 1
fi
# A module that calls the exported WPI sk_buff API, as a driver would.
WPI_TEST=$TOP/tests/vm/wpi-skb
if ! make -s -C "/usr/src/linux-headers-$KVER" M="$WPI_TEST" \
	KBUILD_EXTRA_SYMBOLS="$TOP/Module.symvers" W=1 modules \
	>>"$OUT/tools.log" 2>&1; then
	echo "FAIL: vm/setup: tests/vm/wpi-skb did not build"
	tail -20 "$OUT/tools.log"
	exit 1
fi
mkdir -p "$TOP/build/vm/extra"
cp "$WPI_TEST/wpv_wpi_skb_test.ko" "$TOP/build/vm/extra/"
if ! "$TOP/scripts/vm/build-initramfs.sh" "$KVER" "$INITRD" >"$OUT/initramfs.log" 2>&1; then
	echo "FAIL: vm/setup: initramfs build failed"
	tail -20 "$OUT/initramfs.log"
	exit 1
fi

run_one() {
	local path=$1 name rel tmo console results rc
	rel=${path#"$TOP/tests/vm/"}
	name=${rel%.sh}
	name=${name//\//-}
	tmo=${WPV_VM_TIMEOUT:-$(sed -n 's/^# timeout: *\([0-9]*\).*/\1/p' "$path" | head -1)}
	tmo=${tmo:-180}
	console=$OUT/$name.console
	results=$OUT/$name.results
	rm -f "$console" "$results"

	"$TOP/scripts/vm/qemu.sh" "$KERNEL" "$INITRD" "$rel" "$console" \
		"$results" "$tmo" loglevel=6 >/dev/null 2>"$OUT/$name.qemu"
	rc=$?

	sed -n "s#^\(PASS\|FAIL\): #\1: vm/$name/#p" "$results" | tr -d '\r'
	if ! grep -q '^WPV-DONE' "$results"; then
		if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
			echo "FAIL: vm/$name/guest: did not finish within ${tmo}s (hung); console log: $console"
		else
			echo "FAIL: vm/$name/guest: stopped early (crash or panic, qemu exit $rc); console log: $console"
		fi
		tail -40 "$console" | sed 's/^/    | /'
	elif grep -q '^FAIL' "$results"; then
		echo "    console log: $console"
		grep -E '^(FAIL|### )' "$console" | head -20 | sed 's/^/    | /'
	elif [ $KEEP -eq 0 ]; then
		rm -f "$console" "$OUT/$name.qemu"
	fi
}

export -f run_one
export OUT KERNEL INITRD KEEP TOP
export WPV_VM_TIMEOUT=${WPV_VM_TIMEOUT:-}

# outfile PATH: where a scenario's result lines are collected.
outfile() {
	local rel=${1#"$TOP/tests/vm/"}
	rel=${rel%.sh}
	echo "$OUT/${rel//\//-}.out"
}
export -f outfile

printf '%s\n' "$@" | xargs -P "$JOBS" -I{} bash -c 'run_one "$1" > "$(outfile "$1")"; cat "$(outfile "$1")"' _ {}

failed=0
for p in "$@"; do
	grep -q '^FAIL' "$(outfile "$p")" && failed=1
done
exit $failed

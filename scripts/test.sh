#!/bin/bash
# Run every test of the project, from a fresh Debian 12 machine:
# installs the packages it needs, builds, then runs the static checks, the
# native unit tests, the fuzzers' smoke runs, the script suites, the KUnit
# suites under User Mode Linux and the end-to-end scenarios in QEMU.
#
# Prints one line per check (PASS: ... / FAIL: ...: why) and ends with
#   N passed, N failed
# The whole output is also kept in build/test.log.
#
# usage: scripts/test.sh [--quick]   (--quick: no KUnit, no VM)
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 1
mkdir -p build
LOG=build/test.log
: > "$LOG"
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1

say() { echo "$*" | tee -a "$LOG"; }
section() { say "== $* ($(date +%T))"; }

# record NAME STATUS [WHY]
record() {
	if [ "$2" = 0 ]; then
		say "PASS: $1"
	else
		say "FAIL: $1${3:+: $3}"
	fi
}

# suite CMD...: run a command that prints PASS:/FAIL: lines itself.
suite() {
	"$@" 2>&1 | tee -a "$LOG" | grep -E '^(PASS|FAIL): |^    '
	return "${PIPESTATUS[0]}"
}

section "packages"
if ! scripts/deps.sh >>"$LOG" 2>&1; then
	record setup/packages 1 "scripts/deps.sh failed, see $LOG"
	say "0 passed, 1 failed"
	exit 1
fi

section "build"
out=$(make module 2>&1)
rc=$?
echo "$out" >>"$LOG"
warn=$(echo "$out" | grep -c 'warning:')
record build/module-w1 $((rc || warn)) "exit $rc, $warn warnings"
out=$(make -C "/usr/src/linux-headers-$(scripts/kver)" M="$TOP" C=2 modules 2>&1)
rc=$?
echo "$out" >>"$LOG"
warn=$(echo "$out" | grep -cE 'warning:|error:')
record build/module-sparse $((rc || warn)) "exit $rc, $warn sparse reports"
out=$(make userspace 2>&1)
rc=$?
echo "$out" >>"$LOG"
warn=$(echo "$out" | grep -c 'warning:')
record build/userspace $((rc || warn)) "exit $rc, $warn warnings"

section "style"
out=$(scripts/style.sh 2>&1)
rc=$?
echo "$out" >>"$LOG"
record style/checkpatch-strict $rc "$(echo "$out" | head -3 | tr '\n' ' ')"

section "unit tests"
# cmocka prints "[       OK ] case" and "[  FAILED  ] case"; the failed
# cases are listed again after the summary, which is skipped here.
if make -C tests/unit all >>"$LOG" 2>&1; then
	for t in tests/unit/bin/*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		out=$("$t" 2>&1)
		rc=$?
		echo "$out" >>"$LOG"
		counted=$(echo "$out" | awk -v n="$name" '
			/test\(s\) run\./ { done = 1 }
			/Running [0-9]+ test/ { done = 0 }
			!done && /^\[       OK \]/ { sub(/^\[       OK \] /, ""); print "PASS: unit/" n "/" $0 }
			!done && /^\[  FAILED  \]/ { sub(/^\[  FAILED  \] /, ""); print "FAIL: unit/" n "/" $0 }')
		[ -n "$counted" ] && echo "$counted" | tee -a "$LOG"
		if [ $rc -ne 0 ] && ! echo "$counted" | grep -q '^FAIL'; then
			record "unit/$name" 1 "exit $rc without a failed case (crash or sanitizer report?)"
			echo "$out" | tail -15 | sed 's/^/    | /'
		fi
	done
else
	record unit/build 1 "tests/unit did not build, see $LOG"
fi

if [ -f tests/fuzz/Makefile ]; then
	section "fuzz smoke"
	suite make -s -C tests/fuzz smoke
fi

section "script suites"
# Every executable tests/<dir>/*.sh outside the VM bed is a suite that
# runs on this machine and prints PASS:/FAIL: lines.
for s in tests/*/*.sh; do
	case $s in tests/vm/* | tests/harness/*) continue ;; esac
	[ -x "$s" ] || continue
	suite "$s"
done

if [ $QUICK = 0 ]; then
	section "KUnit (User Mode Linux)"
	suite scripts/kunit.sh

	section "VM scenarios (QEMU)"
	suite scripts/vm/run-scenarios.sh
	suite tests/harness/selftest.sh
fi

passed=$(grep -c '^PASS: ' "$LOG")
failed=$(grep -c '^FAIL: ' "$LOG")
section "done"
if [ "$failed" -gt 0 ]; then
	say "failed checks:"
	grep '^FAIL: ' "$LOG"
fi
say "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

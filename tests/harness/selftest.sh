#!/bin/bash
# The VM bed must turn red on a broken module, a failing check and a hung
# guest: run the deliberately broken scenarios and expect their failures.
set -uo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$TOP/build/vm-selftest
out=$(WPV_VM_OUT=$OUT "$TOP/scripts/vm/run-scenarios.sh" \
	"$TOP"/tests/vm/selftest/*.sh 2>&1)
rc=$?

expect() {
	if echo "$out" | grep -q "$2"; then
		echo "PASS: harness/$1"
	else
		echo "FAIL: harness/$1: no line matching '$2' in the bed's output"
		echo "$out" | sed 's/^/    | /' | head -20
	fi
}

expect reports-broken-module '^FAIL: vm/selftest-broken-module/module-loads'
expect reports-failing-check '^FAIL: vm/selftest-failing-check/always-false'
expect reports-hung-guest '^FAIL: vm/selftest-hang/guest: did not finish'
if [ $rc -ne 0 ]; then
	echo "PASS: harness/exit-status-red"
else
	echo "FAIL: harness/exit-status-red: the bed exited 0 on failures"
fi

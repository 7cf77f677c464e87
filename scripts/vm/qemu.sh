#!/bin/bash
# Boot the test guest once: Debian's kernel under TCG with the initramfs,
# running one scenario.  The guest's console (kernel log and the scenario's
# output) goes to CONSOLE ("-" for this terminal), its result lines to
# RESULTS.  Stops the guest after TIMEOUT seconds.
#
# usage: qemu.sh KERNEL INITRD SCENARIO CONSOLE RESULTS TIMEOUT [APPEND...]
set -u
KERNEL=$1 INITRD=$2 SCENARIO=$3 CONSOLE=$4 RESULTS=$5 TMO=$6
shift 6

if [ "$CONSOLE" = - ]; then
	console=(-serial stdio)
else
	console=(-serial "file:$CONSOLE")
fi

# KVM is not usable on the machines this runs on (see the README), so the
# guest always runs under TCG with one virtual CPU.
exec timeout --kill-after=10 "$TMO" qemu-system-x86_64 \
	-accel tcg -cpu max -m 1024 -smp 1 \
	-kernel "$KERNEL" -initrd "$INITRD" \
	-append "console=ttyS0 panic=-1 oops=panic wpv.scenario=$SCENARIO $*" \
	-display none -nic none -no-reboot -monitor none \
	"${console[@]}" -serial "file:$RESULTS" </dev/null

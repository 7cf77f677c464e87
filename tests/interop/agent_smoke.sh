#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The agent's life cycle against the loaded wapi_preview module: it
# registers, a second agent is refused, SIGHUP reloads, SIGTERM exits
# cleanly and unregisters so the next agent can register.  Needs root and
# the module (the QEMU guest: tests/vm/53-agent-smoke.sh runs it there);
# prints SKIP without them.  Run from the top of the tree; prints PASS:/FAIL:
# lines.
set -u

WPV=${WPV:-userspace/wpv}
[ -x "$WPV" ] || make -s userspace >/dev/null || exit 1
tmp=$(mktemp -d /tmp/wpv-agent.XXXXXX)
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
# WPV_PKI: a PKI made beforehand by scripts/mkpki.sh (the test guest's).
pki=${WPV_PKI:-$tmp/pki}
if [ -z "${WPV_PKI:-}" ]; then
	scripts/mkpki.sh "$pki" || { echo "FAIL: mkpki: cannot make the test PKI"; exit 1; }
fi
cat >"$tmp/agent.conf" <<CONF
ca_file = $pki/ca.pem
crl_file = $pki/crl.pem
log_level = debug
CONF

failures=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; failures=$((failures + 1)); }

# wait_for FILE TEXT: up to 5 s for TEXT to appear in FILE
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# start_agent LOG: runs an agent in the background, sets $agent
start_agent() {
	"$WPV" agent -f -c "$tmp/agent.conf" 2>"$1" &
	agent=$!
	pids="$pids $agent"
}

# stop_agent: SIGTERM, then its exit status in $status (124 if it hangs)
stop_agent() {
	kill -TERM "$agent"
	i=0
	while kill -0 "$agent" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if kill -0 "$agent" 2>/dev/null; then
		status=124
		kill -KILL "$agent"
	else
		wait "$agent"
		status=$?
	fi
}

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: agent_smoke: needs root"
	exit 0
fi

start_agent "$tmp/a1.log"
if ! wait_for "$tmp/a1.log" "registered with wapi_preview"; then
	if grep -q "is wapi_preview loaded" "$tmp/a1.log"; then
		echo "SKIP: agent_smoke: the wapi_preview module is not loaded"
		exit 0
	fi
	fail agent_registers "$(cat "$tmp/a1.log")"
	exit 1
fi
pass agent_registers

name=second_agent_is_refused
if "$WPV" agent -f -c "$tmp/agent.conf" 2>"$tmp/a2.log"; then
	fail $name "it ran"
elif grep -q "another agent is running" "$tmp/a2.log"; then
	pass $name
else
	fail $name "$(cat "$tmp/a2.log")"
fi

name=sighup_reloads_trust_settings
kill -HUP "$agent"
if wait_for "$tmp/a1.log" "reloaded CA, CRL and key settings"; then
	pass $name
else
	fail $name "$(cat "$tmp/a1.log")"
fi

name=sigterm_exits_cleanly
stop_agent
if [ "$status" -eq 0 ]; then
	pass $name
else
	fail $name "exit status $status"
fi

name=next_agent_registers_after_exit
start_agent "$tmp/a3.log"
if wait_for "$tmp/a3.log" "registered with wapi_preview"; then
	pass $name
else
	fail $name "$(cat "$tmp/a3.log")"
fi
stop_agent

[ $failures -eq 0 ]

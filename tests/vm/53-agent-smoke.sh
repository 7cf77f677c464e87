# tests/interop/agent_smoke.sh where it can run: as root with the module
# loaded (register, second agent refused, SIGHUP reload, SIGTERM exit,
# the next agent registers).  Its result lines become this scenario's.
# timeout: 180

check module-loaded load_module
cd /wpv/extra || fail setup "no /wpv/extra"
WPV=/usr/bin/wpv WPV_PKI=/wpv/extra/pki/p256 \
	sh interop/agent_smoke.sh > /tmp/smoke.txt 2>&1
log "agent_smoke.sh exit $?"
cat /tmp/smoke.txt
while read -r word name rest; do
	case $word in
	PASS:) pass "smoke-$name" ;;
	FAIL:) fail "smoke-${name%:}" "$rest" ;;
	SKIP:) fail "smoke-skipped" "$name $rest" ;;
	esac
done < /tmp/smoke.txt
check smoke-ran-all-five test "$(grep -c '^PASS:' /tmp/smoke.txt)" -eq 5
cd /tmp
check module-unloads unload_module

# RADIUS unreachable: the agent's accounting must not hold up the module.
# With radius_server on a port where nothing listens, a station is still
# verified promptly and its traffic flows, its records wait in the spool;
# when FreeRADIUS comes up they arrive, in order, and the spool empties.
# Also: acct_interim_interval in the file sets the module's interval.
# timeout: 300

. /wpv/tests/gate-lib.sh
. /wpv/tests/charge-lib.sh

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
[ -r $PKI/ca.pem ] || fail setup "$PKI missing (make -C tests/vm/tools)"
check gate-attached gate_setup preview_bytes=4000 retry_ms=500 \
	verify_timeout_ms=20000 policy=0 holddown_ms=0
MAC=$(sta_mac 1)

spooled() { ls $SPOOL 2>/dev/null | grep -c '\.acct$'; }
spooled_ge() { [ "$(spooled)" -ge "$1" ]; }
spool_empty() { [ "$(spooled)" -eq 0 ]; }

radius_config
agent_conf "acct_interim_interval = 3"
check agent-started agent_start
check agent-sets-module-interval wait_for 10 grep -qx 3000 $SYS/acct_interval_ms

answer_as valid
check verified-promptly wait_for 10 sta_state_is authorised verified
check traffic-flows ping_sta 1 5
SID=$(sta_str session_id)
log "session $SID"
check session-open test -n "$SID"
check start-spooled wait_for 10 spooled_ge 1
check still-traffic ping_sta 1 5
wpv sta reset wlan0 "$MAC"
check stop-spooled wait_for 10 spooled_ge 2
check nothing-delivered test ! -e $RAD/detail
answer_as valid
check reverified-while-down wait_for 10 sta_state_is authorised verified

check radius-started radius_start
check start-delivered wait_for 40 count_ge 1 Start "$SID"
check stop-delivered wait_for 40 count_ge 1 Stop "$SID"
check stop-cause has_attrs "$(detail_records Stop "$SID")" \
	"Acct-Terminate-Cause = Admin-Reset"
check delay-time-counted rec_grep "$(detail_records Stop "$SID")" \
	'^Acct-Delay-Time = [1-9][0-9]*$'
check delivered-in-order test "$(detail_records '(Start|Stop)' "$SID" |
	sed -n 's/^Acct-Status-Type = //p' | tr '\n' ' ')" = "Start Stop "
check second-session-delivered wait_for 40 count_ge 2 Start
check spool-emptied wait_for 40 spool_empty

charge_cleanup
tail -20 $AGENT_LOG
check module-unloads unload_module

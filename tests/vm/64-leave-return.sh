# Stations that leave: one that leaves while it is challenged, its stream
# held, is forgotten (the agent sees it leave and tells the module) and
# comes back to a new preview; one that was refused and comes back inside
# the hold-down stays blocked, its stream cut, until the hold-down ends.
# The streams stop while a station is away: frames to an absent station
# would make the gate track it again at once.
# timeout: 300

. /wpv/tests/e2e-lib.sh

PKI=$PKIS/p256
HOLD=30000

{ radios 2 && start_ap && start_sta 1 && start_sta 2 && server_ns &&
  sta_routes 1 && sta_routes 2; } ||
	fail setup "AP, stations or server did not come up"
cache_macs
check gate-attached gate_setup preview_bytes=50000 policy=0 retry_ms=500 \
	verify_timeout_ms=120000 holddown_ms=$HOLD
check agent-registered agent_start "$PKI" "log_level = debug"

# forgotten K SINCE: station K is not in the table, or only as a new
# entry made after SINCE (seconds of uptime; the AP's own address
# resolution may make one).
forgotten() {
	local age
	wpv show wlan0 | grep -q "$(sta_mac "$1")" || return 0
	age=$(st "$1" age_ms)
	[ "$age" -le $(( ($(cut -d. -f1 /proc/uptime) - $2 + 1) * 1000 )) ]
}
now() { cut -d. -f1 /proc/uptime; }

log "station 1 leaves while challenged, its stream held"
recv_start 1
send_start 1 -r 50 -s 1000
check sta1-challenged wait_for 60 state_is 1 challenged
check sta1-frames-held wait_for 10 st_is 1 queued -ge 20
send_stop 1
t=$(now)
sta_disconnect 1
check sta1-leave-seen-by-agent wait_for 15 grep -q "station $(sta_mac 1) left" /tmp/agent.log
check sta1-forgotten wait_for 10 forgotten 1 "$t"
log "$(grep "left" /tmp/agent.log)"
check sta1-reassociates sta_reconnect 1
ping_sta 1 1
check sta1-new-preview wait_for 20 state_is 1 preview
check sta1-nothing-held st_is 1 queued -eq 0
send_start 1 -r 50 -s 1000
check sta1-stream-flows-again rx_grows 1 10

log "station 2 is refused, leaves and comes back inside the hold-down"
responder 2 "$PKI" wrongca
recv_start 2
send_start 2 -r 50 -s 1000
check sta2-blocked wait_for 60 state_is 2 blocked cert-untrusted
blocked_at=$(now)
send_stop 2
t=$(now)
sta_disconnect 2
check sta2-forgotten wait_for 15 forgotten 2 "$t"
check sta2-reassociates sta_reconnect 2
send_start 2 -r 50 -s 1000
check sta2-stays-blocked wait_for 20 state_is 2 blocked holddown
check sta2-stream-cut rx_flat 2 3
check sta2-no-traffic-up not ping_ap 2 2
responder_stop 2
send_stop 2
log "after the hold-down the station gets a new preview"
wait_for 60 sh -c "[ \$(cut -d. -f1 /proc/uptime) -ge $((blocked_at + HOLD / 1000)) ]"
ping_sta 2 1
check sta2-new-preview-after-holddown wait_for 10 state_is 2 preview
waited=$(( $(now) - blocked_at ))
log "new preview ${waited}s after the block (hold-down $((HOLD / 1000))s)"
check sta2-not-before-holddown-ends test "$waited" -ge $((HOLD / 1000 - 1))
send_start 2 -r 50 -s 1000
check sta2-stream-flows-again rx_grows 2 10

bg_stop
responders_stop
agent_stop
check module-unloads unload_module

# The agent's life around the stations: a silent station is blocked when
# the verification timer fires; killing the agent (SIGKILL) fails the
# stations waiting for it closed; a restarted agent verifies a station
# challenged anew; stations that leave (disconnect, supplicant gone) are
# forgotten because the agent reports nl80211's station deletions.
# timeout: 300

. /wpv/tests/agent-lib.sh

PKI=/wpv/extra/pki/p256

radios 3 && start_ap || fail setup "AP did not come up"
for k in 1 2 3; do
	start_sta $k || fail setup "station $k did not associate"
done
check gate-attached gate_setup preview_bytes=4000 retry_ms=1000 \
	verify_timeout_ms=8000 policy=0 holddown_ms=0
agent_conf $PKI
check agent-registered agent_start
# The module's own view, as a second log the agent's death cannot stop.
wpv events > /tmp/events.log 2>&1 &
EVENTS_PID=$!

# A station with no responder: challenged, then blocked by the timer.
preview_end 3
check silent-challenged wait_for 20 sta_is 3 challenged
check silent-pending-before-timer not sta_is 3 blocked
check silent-timeout wait_for 30 sta_is 3 blocked timeout
check silent-timeout-agent-log wait_for 5 agent_said 3 "module: .* -> blocked, reason timeout"

# Stations 1 and 2 answer while the agent is stopped, so their answers
# wait in its socket; then it is killed.
responder 1 $PKI/sta-valid.key $PKI/sta-valid.pem
responder 2 $PKI/sta-valid.key $PKI/sta-valid.pem
sleep 1
kill -STOP "$AGENT_PID"
preview_end 1
preview_end 2
check pending-1-verifying wait_for 30 sta_is 1 verifying
check pending-2-verifying wait_for 30 sta_is 2 verifying
kill -KILL "$AGENT_PID"
wait "$AGENT_PID" 2>/dev/null
AGENT_PID=
check agent-killed-1-agent-gone wait_for 10 sta_is 1 blocked agent-gone
check agent-killed-2-agent-gone wait_for 10 sta_is 2 blocked agent-gone
check agent-gone-events-log grep -q "$(sta_mac 1).*agent-gone" /tmp/events.log
check agent-gone-no-traffic not ping_sta 1 1

# A new agent; station 1 challenged anew is verified.
check agent-restarted agent_start
preview_end 1
check restarted-agent-verifies wait_for 30 sta_is 1 authorised verified
check restarted-agent-log agent_verdict 1 accepted verified
check restarted-held-stream-released held_released 1
check restarted-traffic ping_sta 1

# Stations leave: the agent hears nl80211 and the module forgets them.
check before-leave-listed not sta_gone 1
sta_disconnect 1
check disconnected-forgotten wait_for 20 sta_gone 1
check disconnected-agent-log agent_said 1 "left ifindex"
in_sta 2 wpa_cli -p /run/wpa_sta2 -i wlan2 terminate > /dev/null
check terminated-forgotten wait_for 20 sta_gone 2
check terminated-agent-log agent_said 2 "left ifindex"
check silent-still-listed not sta_gone 3

bg_stop
agent_stop
kill $EVENTS_PID
log "agent log"
cat $AGENT_LOG
log "events"
cat /tmp/events.log
check module-unloads unload_module

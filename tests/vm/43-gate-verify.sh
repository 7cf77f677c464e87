# The hand-over to the agent: a matching answer reaches the registered
# agent with the nonce that was sent and the verdict applies; answers that
# do not match are counted and ignored, a repeated one is dropped quietly;
# with no agent, a stale verdict or an agent that leaves, the station is
# blocked (fail closed).  Uses test stand-ins for the responder and agent.
# timeout: 300

. /wpv/tests/gate-lib.sh

PEER=/wpv/extra/wpv-testpeer

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
[ -x $PEER ] || fail setup "$PEER missing (make -C tests/vm/tools)"
check gate-attached gate_setup preview_bytes=4000 retry_ms=500 \
	verify_timeout_ms=30000 policy=0 holddown_ms=0
MAC=$(sta_mac 1)
ping_sta 1 1

# answer_next [ARGS]: the station answers the next challenge.
answer_next() {
	bg /usr/sbin/ip netns exec sta1 $PEER answer wlan1 "$@" > /tmp/answer.txt
	sleep 0.5
}

dump() {
	wpv show wlan0
	cat /tmp/answer.txt /tmp/agent.txt 2>/dev/null
}

# challenge [ARGS]: a new preview, the station ready to answer with ARGS,
# then enough traffic to end the preview.
challenge() {
	wpv sta reset wlan0 "$MAC"
	answer_next "$@"
	ping -c 6 -i 0.1 -s 1000 "$(sta_ip 1)" > /dev/null
	wait_for 10 field_is 1 state != preview
}

same_nonce() {
	local a b
	a=$(grep nonce /tmp/answer.txt)
	b=$(grep nonce /tmp/agent.txt)
	[ -n "$a" ] && [ "$a" = "$b" ]
}

log "an answer with the wrong nonce"
challenge bad-nonce
check wrong-nonce-counted wait_for 5 field_is 1 bad_responses -ge 1
check wrong-nonce-ignored sta_state_is challenged
dump
bg_stop

log "a good answer and no agent"
challenge
check no-agent-fails-closed wait_for 5 sta_state_is blocked agent-gone
dump
bg_stop

log "a good answer, sent twice, and an agent that accepts"
bad=$(sta_field 1 bad_responses)
bg $PEER agent accept > /tmp/agent.txt
challenge twice
check accepted wait_for 10 sta_state_is authorised verified
check agent-got-the-sent-nonce same_nonce
check agent-got-the-response grep -q "^response 84 bytes" /tmp/agent.txt
check identity-recorded test "$(sta_field 1 identity)" = "CN=test station"
check repeated-answer-not-counted field_is 1 bad_responses -eq "$bad"
check traffic-after-accept ping_sta 1
dump
bg_stop

log "an agent that rejects"
bg $PEER agent reject > /tmp/agent.txt
challenge
check rejected wait_for 10 sta_state_is blocked bad-signature
check rejected-no-traffic not ping_sta 1
dump
bg_stop

log "a verdict with the wrong cookie"
bg $PEER agent stale > /tmp/agent.txt
challenge
check stale-verdict-refused wait_for 10 grep -q "^verdict stale: -" /tmp/agent.txt
check stale-verdict-ignored not sta_state_is authorised
check agent-exit-fails-closed wait_for 5 sta_state_is blocked agent-gone
dump
bg_stop

log "an agent that leaves while the station is verified"
bg $PEER agent silent > /tmp/agent.txt
challenge
check verifying wait_for 10 sta_state_is verifying
check second-agent-refused not $PEER agent accept
dump
bg_stop
check agent-leaving-fails-closed wait_for 5 sta_state_is blocked agent-gone
check module-unloads unload_module

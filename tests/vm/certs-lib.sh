# The certificate cases with the real agent and responder, run once per
# certificate profile: 50-certs-p256.sh and 51-certs-wapi.sh call
# certs_run with p256 or wapi.  Every station answers at the same time,
# each with its own certificate and key from /wpv/extra/pki/PROFILE (the
# names scripts/mkpki.sh gives, the same in both profiles); each verdict
# must show in the agent's log and in wpv show with its reason.

. /wpv/tests/agent-lib.sh

# K CASE KEY CERT STATE REASON
CERTS_CASES="
1 valid sta-valid sta-valid authorised verified
2 wrong-key sta-valid sta-valid blocked bad-signature
3 expired sta-expired sta-expired blocked cert-expired
4 not-yet-valid sta-notyet sta-notyet blocked cert-not-yet-valid
5 revoked sta-revoked sta-revoked blocked cert-revoked
6 unknown-ca sta-wrongca sta-wrongca blocked cert-untrusted
7 key-usage sta-keyusage sta-keyusage blocked cert-key-usage
"
# Station 8 replays station 1's recorded answer.
CERTS_NSTA=8

# certs_verdict K STATE REASON: agent log line and wpv show agree.
certs_verdict() {
	local word=rejected
	[ "$2" = authorised ] && word=accepted
	wait_for 40 sta_is "$1" "$2" "$3" || return 1
	agent_verdict "$1" $word "$3"
}

certs_run() {
	local pki=/wpv/extra/pki/$1 k c key cert state reason opt

	radios $CERTS_NSTA && start_ap || fail setup "AP did not come up"
	for k in $(seq 1 $CERTS_NSTA); do
		start_sta "$k" || fail setup "station $k did not associate"
	done
	[ -r "$pki/ca.pem" ] || fail setup "$pki missing (make -C tests/vm/tools)"
	check gate-attached gate_setup preview_bytes=4000 retry_ms=1000 \
		verify_timeout_ms=20000 policy=0 holddown_ms=0
	uptime_log "stations up"
	agent_conf "$pki"
	check agent-registered agent_start

	while read -r k c key cert state reason; do
		[ -n "$k" ] || continue
		opt=
		[ "$k" = 1 ] && opt="--record /tmp/answer-1.bin"
		[ "$k" = 2 ] && opt="--sign-key $pki/sta-nocert.key"
		responder "$k" "$pki/$key.key" "$pki/$cert.pem" $opt
	done <<EOF
$CERTS_CASES
EOF
	sleep 1
	uptime_log "challenges"
	for k in $(seq 1 7); do
		preview_end "$k"
	done
	while read -r k c key cert state reason; do
		[ -n "$k" ] || continue
		check "$c-$reason" certs_verdict "$k" "$state" "$reason"
	done <<EOF
$CERTS_CASES
EOF
	uptime_log "verdicts"
	check valid-identity-recorded sh -c "wpv show wlan0 | grep -q 'CN=valid'"
	log "identity: $(sta_field 1 identity)"
	check valid-held-stream-released held_released 1
	check valid-traffic ping_sta 1
	check wrong-key-no-traffic not ping_sta 2 1
	check answer-recorded test -s /tmp/answer-1.bin

	# The replayed answer carries station 1's address and the nonce of
	# station 1's challenge: it must not get station 8 in.  The module
	# may drop it itself (it checks the echoed nonce), leaving it to the
	# timer, or pass it to the agent: whichever reason results must be
	# in the agent's log for station 8.
	responder 8 "$pki/sta-valid.key" "$pki/sta-valid.pem" \
		--replay /tmp/answer-1.bin
	sleep 1
	uptime_log "replay"
	preview_end 8
	check replayed-answer-blocked wait_for 40 sta_is 8 blocked
	reason=$(sta_field 8 reason)
	log "replayed answer: $reason, bad responses $(sta_field 8 bad_responses)"
	check replayed-answer-sent grep -q replaying /tmp/station-8.log
	check replayed-answer-not-verified test "$reason" != verified
	check "replayed-answer-$reason-agent-log" \
		agent_said 8 "(rejected|-> blocked), .*reason $reason"
	check replayed-answer-no-traffic not ping_sta 8 1
	uptime_log "done"

	bg_stop
	agent_stop
	log "agent log"
	cat $AGENT_LOG
	for k in $(seq 1 $CERTS_NSTA); do
		log "station $k"
		cat "/tmp/station-$k.log"
	done
	check module-unloads unload_module
}

# The module with the real agent and station responder: a station with a
# valid certificate is verified and its held stream released; revoked and
# untrusted certificates are blocked with their reasons.
# timeout: 300

. /wpv/tests/gate-lib.sh

PKI=/wpv/extra/pki

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
[ -r $PKI/ca.pem ] || fail setup "$PKI missing (make -C tests/vm/tools)"
check gate-attached gate_setup preview_bytes=4000 retry_ms=500 \
	verify_timeout_ms=20000 policy=0 holddown_ms=0
MAC=$(sta_mac 1)
ping_sta 1 1

cat > /tmp/agent.conf <<EOF2
ca_file = $PKI/ca.pem
crl_file = $PKI/crl.pem
log_level = debug
EOF2
bg wpv agent -c /tmp/agent.conf -f > /tmp/agent.log 2>&1
AGENT_PIDS=$WPV_BG
WPV_BG=
sleep 1

# answer_as NAME: a new preview, the responder using NAME's key and
# certificate, traffic to end the preview.
answer_as() {
	bg_stop
	wpv sta reset wlan0 "$MAC"
	bg /usr/sbin/ip netns exec sta1 wpv station -i wlan1 \
		-k "$PKI/$1.key" -c "$PKI/$1.pem" > "/tmp/station-$1.log" 2>&1
	sleep 0.5
	ping -c 8 -i 0.1 -s 1000 "$(sta_ip 1)" > /tmp/ping.txt
}

answer_as valid
check valid-verified wait_for 15 sta_state_is authorised verified
check valid-identity-recorded test -n "$(sta_field 1 identity)"
log "identity: $(sta_field 1 identity)"
check valid-held-stream-released grep -q "8 packets transmitted, 8 packets received" /tmp/ping.txt
check valid-traffic ping_sta 1

answer_as revoked
check revoked-blocked wait_for 15 sta_state_is blocked cert-revoked
check revoked-no-traffic not ping_sta 1

answer_as untrusted
check untrusted-blocked wait_for 15 sta_state_is blocked cert-untrusted

bg_stop
WPV_BG=$AGENT_PIDS
bg_stop
tail -20 /tmp/agent.log
check module-unloads unload_module

# OCSP with the real module, agent and responder and `openssl ocsp` in
# the guest: a good certificate passes; one revoked only in the OCSP
# responder's database (crl.pem does not list it) is blocked with
# cert-revoked, and hook_blocked cuts off the station's stream; with the
# responder stopped, fail-closed blocks with status-unknown and fail-open
# passes, each logged.
# timeout: 300

. /wpv/tests/gate-lib.sh
. /wpv/tests/charge-lib.sh

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
[ -r $PKI/ca.pem ] || fail setup "$PKI missing (make -C tests/vm/tools)"
check gate-attached gate_setup preview_bytes=4000 retry_ms=500 \
	verify_timeout_ms=20000 policy=0 holddown_ms=0
MAC=$(sta_mac 1)
BSSID=$(cat /sys/class/net/wlan0/address)
RESP_PKI=/tmp/pki
NO_RADIUS=1

check pki-made ocsp_pki
check crl-misses-ocsp-revoked openssl verify -crl_check -CAfile $PKI/ca.pem \
	-CRLfile $PKI/crl.pem /tmp/pki/sta-ocsprevoked.pem
check crl-lists-revoked not openssl verify -crl_check -CAfile $PKI/ca.pem \
	-CRLfile $PKI/crl.pem $PKI/sta-revoked.pem
check responder-started ocsp_start
hook_script
ocsp_conf() {
	agent_conf "ocsp_url = http://127.0.0.1:$OCSP_PORT/" \
		"ocsp_ca_file = /tmp/pki/ca.pem" "ocsp_timeout = 2" \
		"ocsp_policy = $1" "hook_blocked = /tmp/hook.sh"
}
ocsp_conf fail-closed
check agent-started agent_start

answer_as valid
check good-passes wait_for 30 sta_state_is authorised verified
check good-asked grep -q 'Received request' /tmp/ocsp.log

# The stream the operator's hook cuts when the station is blocked.
ping -i 0.3 "$(sta_ip 1)" > /tmp/stream.txt 2>&1 &
STREAM=$!
echo $STREAM > "/tmp/stream-$MAC.pid"
check stream-flows wait_for 10 grep -q 'bytes from' /tmp/stream.txt
answer_as ocsprevoked
check ocsp-revoked-blocked wait_for 30 sta_state_is blocked cert-revoked
check ocsp-revoked-logged grep -q 'ocsp: certificate .* is revoked' $AGENT_LOG
check hook-blocked-env wait_for 10 grep -qE "^blocked $MAC wlan0 $BSSID cert-revoked " $HOOKS_LOG
check hook-blocked-cut-stream wait_for 10 not kill -0 $STREAM
kill $STREAM 2>/dev/null
wait $STREAM 2>/dev/null
rm -f "/tmp/stream-$MAC.pid"

ocsp_stop
answer_as fresh1
check down-fail-closed-blocked wait_for 30 sta_state_is blocked status-unknown
check down-fail-closed-logged grep -q 'ocsp: status of certificate .* policy fail-closed: refusing' $AGENT_LOG
check hook-blocked-status-unknown wait_for 10 grep -qE "^blocked $MAC wlan0 $BSSID status-unknown " $HOOKS_LOG

agent_stop
ocsp_conf fail-open
check agent-restarted agent_start
answer_as fresh2
check down-fail-open-passes wait_for 30 sta_state_is authorised verified
check down-fail-open-logged grep -q 'ocsp: status of certificate .* policy fail-open: accepting' $AGENT_LOG
check traffic-after-fail-open ping_sta 1

cat $HOOKS_LOG
charge_cleanup
cat $AGENT_LOG
tail -5 /tmp/station-*.log
openssl x509 -noout -serial -subject -in /tmp/pki/sta-ocsprevoked.pem
cat /tmp/pki/ca.db/index.txt
check module-unloads unload_module

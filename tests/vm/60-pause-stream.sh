# Under the pause policy a stream sent while the station is challenged
# and verified (real agent and responder) arrives whole: every datagram,
# in order, the same SHA-256 as sent, although hundreds of its frames
# were held in the queue meanwhile and nothing reached the station then.
# timeout: 240

. /wpv/tests/e2e-lib.sh

PKI=$PKIS/p256
COUNT=1500

{ radios 1 && start_ap && start_sta 1 && server_ns && sta_routes 1; } ||
	fail setup "AP, station or server did not come up"
cache_macs
pin_neigh 1
check gate-attached gate_setup preview_bytes=100000 policy=0 retry_ms=500 \
	verify_timeout_ms=60000 queue_frames=2048 holddown_ms=0
check agent-registered agent_start "$PKI"

log "a numbered stream of $COUNT datagrams, 100 a second"
recv_start 1
send_start 1 -r 100 -s 1000 -n $COUNT
check preview-ends wait_for 60 state_is 1 challenged
check stream-held wait_for 30 st_is 1 queued -ge 200
before=$(rx 1 packets)
sleep 1
check held-frames-not-delivered test "$(rx 1 packets)" -eq "$before"
held=$(st 1 queued)
log "$held frames held, $before datagrams delivered so far"

responder 1 "$PKI" valid
check verified wait_for 30 state_is 1 authorised verified
check queue-released wait_for 10 st_is 1 queued -eq 0
check sender-finished wait_for 60 grep -q '^sent' /tmp/tx-1.out
sent=$(sed -n 's/^sent //p' /tmp/tx-1.out)
wait_for 10 sh -c "[ \$(sed -n 's/.*packets \([0-9]*\).*/\1/p' /tmp/rx-1.st) -ge $sent ]"
sleep 0.5
bg_stop
responders_stop
log "receiver: $(cat /tmp/rx-1.st)"
log "station's UDP counters: $(in_sta 1 grep '^Udp:' /proc/net/snmp | tail -1)"
check stream-nothing-lost test "$(rx 1 lost)" -eq 0
check stream-in-order test "$(rx 1 reordered)" -eq 0
check stream-every-datagram test "$(rx 1 packets)" -eq "$sent"
check stream-same-sha256 same_stream 1
check held-frames-counted st_is 1 queued_frames -ge "$held"
agent_stop
check module-unloads unload_module

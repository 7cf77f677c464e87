# The three policies with real streams, agent and responder, as the
# README's Tunables describe them: continue forwards both ways while a
# station is challenged; drop drops both ways (what is sent meanwhile is
# lost for good) while the challenge itself still gets through; pause
# holds the downstream, drops the upstream, and discards what it held
# when the station fails.
# timeout: 300

. /wpv/tests/e2e-lib.sh

PKI=$PKIS/p256

{ radios 2 && start_ap && start_sta 1 && start_sta 2 && server_ns &&
  sta_routes 1 && sta_routes 2; } ||
	fail setup "AP, stations or server did not come up"
cache_macs
pin_neigh 1
pin_neigh 2
check gate-attached gate_setup preview_bytes=60000 policy=1 retry_ms=500 \
	verify_timeout_ms=120000 queue_frames=1024 holddown_ms=0
check agent-registered agent_start "$PKI"
recv_start 1
send_start 1 -r 50 -s 1000
up_start 1 -r 20 -s 500

log "continue"
check continue-challenged wait_for 60 state_is 1 challenged
check continue-forwards-down rx_grows 1 5
check continue-forwards-up rx_grows up 5
check continue-nothing-queued st_is 1 queued -eq 0
check continue-still-challenged state_is 1 challenged
responder 1 "$PKI" valid
check continue-verified wait_for 20 state_is 1 authorised verified
check continue-nothing-lost test "$(rx 1 lost)" -eq 0

log "drop"
responder_stop 1
check set-drop wpv set wlan0 policy=drop
check drop-new-preview wpv sta reset wlan0 "$(sta_mac 1)"
check drop-challenged wait_for 60 state_is 1 challenged
lost=$(rx 1 lost)
dropped=$(st 1 dropped_frames)
lost=${lost:-0} dropped=${dropped:-0}
check drop-drops-down rx_flat 1 3
check drop-drops-up rx_flat up 2
check drop-nothing-queued st_is 1 queued -eq 0
check drop-drops-counted st_is 1 dropped_frames -ge $((dropped + 100))
responder 1 "$PKI" valid
check drop-challenge-still-passes wait_for 20 state_is 1 authorised verified
check drop-stream-resumes rx_grows 1 5
check drop-stream-has-a-gap test "$(rx 1 lost)" -ge $((lost + 100))
check drop-up-resumes rx_grows up 5
log "station 1: $(cat /tmp/rx-1.st)"

log "pause, and a station that fails"
check set-pause wpv set wlan0 policy=pause
recv_start 2
send_start 2 -r 50 -s 1000
check pause-challenged wait_for 60 state_is 2 challenged
check pause-holds wait_for 20 st_is 2 queued -ge 50
check pause-nothing-delivered rx_flat 2 2
held=$(st 2 queued)
got=$(rx 2 packets)
dropped=$(st 2 dropped_frames)
held=${held:-0} got=${got:-0} dropped=${dropped:-0}
responder 2 "$PKI" wrongca
check pause-failed-blocked wait_for 20 state_is 2 blocked cert-untrusted
check pause-queue-emptied st_is 2 queued -eq 0
check pause-held-discarded st_is 2 dropped_frames -ge $((dropped + held))
check pause-held-never-delivered rx_flat 2 3
check pause-received-nothing-more test "$(rx 2 packets)" -eq "$got"

bg_stop
responders_stop
agent_stop
check module-unloads unload_module

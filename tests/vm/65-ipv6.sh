# IPv6 is counted and gated exactly like IPv4: the same stream over IPv4
# to station 1 and over IPv6 to station 2 ends each preview at the same
# byte threshold (less than one frame over), is held under pause and
# released whole and in order, and is cut, both ways, when blocked.
# timeout: 240

. /wpv/tests/e2e-lib.sh

V=80000
FRAME4=$((1000 + 8 + 20 + 14))
FRAME6=$((1000 + 8 + 40 + 14))

{ radios 2 && start_ap && start_sta 1 && start_sta 2 && server_ns &&
  sta_routes 1 && sta_routes 2; } ||
	fail setup "AP, stations or server did not come up"
cache_macs
pin_neigh 1
pin_neigh 2
check gate-attached gate_setup preview_bytes=$V policy=0 retry_ms=1000 \
	verify_timeout_ms=120000 holddown_ms=0 queue_frames=1024

recv_start 1
recv_start 2
send_start 1 -r 50 -s 1000 -n 600
send_start 2 -6 -r 50 -s 1000 -n 600
check ipv4-challenged wait_for 60 state_is 1 challenged
check ipv6-challenged wait_for 60 state_is 2 challenged
pv4=$(preview_of 1)
pv6=$(preview_of 2)
log "preview: IPv4 $pv4 bytes, IPv6 $pv6 bytes, threshold $V"
check ipv4-preview-at-threshold test "$pv4" -ge $V -a "$pv4" -lt $((V + FRAME4))
check ipv6-preview-at-threshold test "$pv6" -ge $V -a "$pv6" -lt $((V + FRAME6))
# The preview was made of the IPv6 stream, not of anything else.
check ipv6-stream-counted test "$(rx 2 bytes)" -ge $(((V / FRAME6 - 2) * 1000))
check ipv6-held wait_for 20 st_is 2 queued -ge 50
check ipv4-held wait_for 20 st_is 1 queued -ge 50
check ipv6-held-not-delivered rx_flat 2 2
check ipv6-up-dropped-while-challenged not in_sta 2 ping -6 -c 2 -W 1 fd77::1

check authorise-both sh -c "wpv sta authorise wlan0 $(sta_mac 1) && wpv sta authorise wlan0 $(sta_mac 2)"
check senders-finished wait_for 60 sh -c "grep -q '^sent' /tmp/tx-1.out && grep -q '^sent' /tmp/tx-2.out"
sleep 1
for k in 1 2; do
	v=ipv4
	[ $k = 2 ] && v=ipv6
	log "$v: $(cat /tmp/rx-$k.st)"
	check "$v-released-in-order" test "$(rx $k lost)/$(rx $k reordered)" = 0/0
	check "$v-released-whole" same_stream $k
done
check ipv6-up-after-authorise in_sta 2 ping -6 -c 2 -W 2 fd77::1

log "blocked"
send_start 1 -r 50 -s 1000
send_start 2 -6 -r 50 -s 1000
check block-both sh -c "wpv sta block wlan0 $(sta_mac 1) && wpv sta block wlan0 $(sta_mac 2)"
sleep 1
check ipv4-cut rx_flat 1 3
check ipv6-cut rx_flat 2 3
check ipv6-down-blocked not ping -6 -c 2 -W 1 "$(sta_ip6 2)"
check ipv6-up-blocked not in_sta 2 ping -6 -c 2 -W 1 fd77::1
check ipv6-drops-counted st_is 2 dropped_frames -ge 100
check reset-lifts-block wpv sta reset wlan0 "$(sta_mac 2)"
check ipv6-flows-after-reset rx_grows 2 5

bg_stop
check module-unloads unload_module

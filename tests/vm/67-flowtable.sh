# Frames forwarded by an nftables software flow table (flow offload
# between wlan0 and the server's veth) bypass the forward chain, yet are
# counted and gated: the flow table is set up before the gate attaches,
# the streams both ways are offloaded (the forward chain's counter stops
# while they flow), and the preview, the pause queue and a block act on
# them as on any other frames.
# timeout: 240

. /wpv/tests/e2e-lib.sh

V=80000
FRAME=$((1000 + 8 + 20 + 14))

{ radios 1 && start_ap && start_sta 1 && server_ns && sta_routes 1; } ||
	fail setup "AP, station or server did not come up"
cache_macs
pin_neigh 1
in_srv /usr/sbin/ip neigh replace 10.78.0.1 lladdr "$(cat /sys/class/net/veth-srv/address)" \
	dev eth0 nud permanent
ip neigh replace 10.78.0.2 lladdr "$(in_srv cat /sys/class/net/eth0/address)" \
	dev veth-srv nud permanent
in_sta 1 ip neigh replace 10.77.0.1 lladdr "$(cat /sys/class/net/wlan0/address)" \
	dev wlan1 nud permanent

check flowtable-loaded nft -f - <<EOF2
table inet wpvft {
	flowtable f {
		hook ingress priority filter
		devices = { wlan0, veth-srv }
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		meta l4proto udp counter flow add @f
	}
}
EOF2

# slow_path: packets the forward chain has seen.
slow_path() {
	nft list chain inet wpvft forward | sed -n 's/.*counter packets \([0-9]*\).*/\1/p'
}
offloaded() {
	local a
	a=$(slow_path)
	sleep 2
	[ "$(slow_path)" -le $((a + 2)) ]
}

log "offload established before the gate"
recv_start 1
send_start 1 -r 50 -s 1000
up_start 1 -r 50 -s 1000
check down-flows rx_grows 1 5
check up-flows rx_grows up 5
check streams-offloaded wait_for 10 offloaded
log "forward chain saw $(slow_path) packets"
grep -q OFFLOAD /proc/net/nf_conntrack 2>/dev/null &&
	log "$(grep -c OFFLOAD /proc/net/nf_conntrack) conntrack entries offloaded"

bg_stop
check gate-attached gate_setup preview_bytes=$V policy=0 retry_ms=1000 \
	verify_timeout_ms=120000 holddown_ms=0 queue_frames=1024

log "the gate on offloaded flows"
recv_start 1
send_start 1 -r 50 -s 1000 -n 600
up_start 1 -r 10 -s 1000
check offloaded-challenged wait_for 60 state_is 1 challenged
pv=$(preview_of 1)
log "offloaded preview ended after $pv bytes (threshold $V)"
check offloaded-preview-at-threshold test "$pv" -ge $V -a "$pv" -lt $((V + FRAME))
check offloaded-upstream-counted st_is 1 preview_rx_bytes -ge $((FRAME * 5))
check offloaded-held wait_for 20 st_is 1 queued -ge 50
check offloaded-held-not-delivered rx_flat 1 2
check offloaded-up-dropped-while-challenged rx_flat up 3
check still-offloaded offloaded
check authorise wpv sta authorise wlan0 "$(sta_mac 1)"
check sender-finished wait_for 60 grep -q '^sent' /tmp/tx-1.out
sleep 1
log "station: $(cat /tmp/rx-1.st)"
check offloaded-released-in-order test "$(rx 1 lost)/$(rx 1 reordered)" = 0/0
check offloaded-released-whole same_stream 1

log "blocked"
send_start 1 -r 50 -s 1000
check block wpv sta block wlan0 "$(sta_mac 1)"
sleep 1
check offloaded-down-cut rx_flat 1 3
check offloaded-up-cut rx_flat up 3
check offloaded-drops-counted st_is 1 dropped_frames -ge 100

bg_stop
check module-unloads unload_module
nft delete table inet wpvft

# Frames that cross a Linux bridge are counted and gated like routed
# ones: the AP interface is a port of br0 (hostapd's bridge=), a veth to
# the server namespace the other; server and stations share one subnet,
# so the streams are bridged, not routed.  The preview ends at the byte
# threshold, the pause queue holds and releases the bridged stream whole,
# a block cuts it both ways.
# timeout: 240

. /wpv/tests/e2e-lib.sh

V=80000
FRAME=$((1000 + 8 + 20 + 14))
SRV_IP=10.77.0.2

# bridge_setup: br0 holds wlan0 (added by hostapd) and the server's veth.
bridge_setup() {
	ip link add br0 type bridge || return 1
	ip link set br0 up
	ip netns add srv || return 1
	ip link add veth-br type veth peer name eth0 netns srv || return 1
	ip link set veth-br master br0 up
	in_srv /usr/sbin/ip link set lo up
	in_srv /usr/sbin/ip link set eth0 up
	in_srv /usr/sbin/ip addr add $SRV_IP/24 dev eth0
}

{ radios 1 && bridge_setup && start_ap "bridge=br0"; } ||
	fail setup "bridge or AP did not come up"
ip addr flush dev wlan0
ip addr add 10.77.0.1/24 dev br0
echo 0 > /proc/sys/net/ipv4/ip_forward
start_sta 1 || fail setup "station did not associate"
cache_macs
check wlan0-is-a-bridge-port test "$(basename "$(readlink /sys/class/net/wlan0/master)")" = br0
check no-routing grep -qx 0 /proc/sys/net/ipv4/ip_forward
check gate-attached gate_setup preview_bytes=$V policy=0 retry_ms=1000 \
	verify_timeout_ms=120000 holddown_ms=0 queue_frames=1024
# The server resolves the station through the bridge once, then keeps it.
in_srv ping -c 1 -W 2 "$(sta_ip 1)" > /dev/null
in_srv /usr/sbin/ip neigh replace "$(sta_ip 1)" lladdr "$(sta_mac 1)" dev eth0 nud permanent
in_sta 1 ip neigh replace $SRV_IP lladdr "$(in_srv cat /sys/class/net/eth0/address)" \
	dev wlan1 nud permanent

recv_start 1
send_start 1 -r 50 -s 1000 -n 600
check bridged-challenged wait_for 60 state_is 1 challenged
check station-learnt-on-wlan0 sh -c "bridge fdb show br br0 | grep -q '$(sta_mac 1) dev wlan0'"
pv=$(preview_of 1)
log "bridged preview ended after $pv bytes (threshold $V)"
check bridged-preview-at-threshold test "$pv" -ge $V -a "$pv" -lt $((V + FRAME))
check bridged-held wait_for 20 st_is 1 queued -ge 50
check bridged-held-not-delivered rx_flat 1 2
check authorise wpv sta authorise wlan0 "$(sta_mac 1)"
check sender-finished wait_for 60 grep -q '^sent' /tmp/tx-1.out
sleep 1
log "station: $(cat /tmp/rx-1.st)"
check bridged-released-in-order test "$(rx 1 lost)/$(rx 1 reordered)" = 0/0
check bridged-released-whole same_stream 1
check bridged-charged st_is 1 auth_tx_bytes -ge 400000

log "blocked"
send_start 1 -r 50 -s 1000
up_start 1 -r 20 -s 500
check bridged-up-flows rx_grows up 5
check block wpv sta block wlan0 "$(sta_mac 1)"
sleep 1
check bridged-down-cut rx_flat 1 3
check bridged-up-cut rx_flat up 3
check bridged-drops-counted st_is 1 dropped_frames -ge 100
check reset wpv sta reset wlan0 "$(sta_mac 1)"
check bridged-flows-after-reset rx_grows 1 5

bg_stop
check module-unloads unload_module

# The preview ends at the byte threshold with at most one frame of
# overshoot; the challenge reaches the station as a WAI packet and is
# retransmitted; with no answer the station is blocked when the
# verification timer fires, and stays blocked when it associates again.
# timeout: 300

. /wpv/tests/gate-lib.sh

PREVIEW=102400
SIZE=1400
FRAME=$((SIZE + 8 + 20 + 14))	# ICMP, IPv4 and Ethernet headers

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
check gate-attached gate_setup preview_bytes=$PREVIEW retry_ms=500 \
	verify_timeout_ms=5000 holddown_ms=120000 policy=0
MAC=$(sta_mac 1)
AP_MAC=$(cat /sys/class/net/wlan0/address)

bg wpv events > /tmp/events.log
bg /usr/sbin/ip netns exec sta1 tcpdump -Z root -i wlan1 -n -e -l -x 'ether proto 0x88b4' > /tmp/wai.txt 2>/tmp/tcpdump.err
sleep 2

log "traffic until the preview ends"
bg ping -i 0.05 -s $SIZE "$(sta_ip 1)" > /dev/null
check preview-ends wait_for 90 sta_state_is challenged

pv_tx=$(sta_field 1 preview_tx_bytes)
pv_rx=$(sta_field 1 preview_rx_bytes)
pv=$((pv_tx + pv_rx))
log "preview forwarded $pv bytes ($pv_tx to, $pv_rx from), threshold $PREVIEW, frame $FRAME"
check preview-reaches-threshold test "$pv" -ge $PREVIEW
check preview-overshoot-below-one-frame test $((pv - PREVIEW)) -lt $FRAME

check challenge-captured-by-station wait_for 5 grep -q 0x88b4 /tmp/wai.txt
check challenge-retransmitted wait_for 5 \
	sh -c '[ "$(grep -c 0x88b4 /tmp/wai.txt)" -ge 3 ]'
# WAI header: version 1, type 1, subtype 0x20, reserved, length 57.
check challenge-is-a-sig-request grep -q '0x0000:  0001 0120 0000 0039' /tmp/wai.txt
check challenge-from-the-ap grep -q "$AP_MAC > $MAC" /tmp/wai.txt
log "capture on the station: $(grep -c 0x88b4 /tmp/wai.txt) WAI frames"
head -6 /tmp/wai.txt
# Bytes 32-47 of every copy (inside the AP nonce) are the same.
check retransmissions-carry-one-nonce \
	test "$(grep '0x0020:' /tmp/wai.txt | sort -u | wc -l)" -eq 1
check challenges-counted test "$(sta_field 1 challenges)" -ge 3

check blocked-when-timer-fires wait_for 10 sta_state_is blocked timeout
bg_stop
n=$(grep -c 0x88b4 /tmp/wai.txt)
sleep 2
check retransmission-stops-when-blocked test "$(grep -c 0x88b4 /tmp/wai.txt)" -eq "$n"
check blocked-no-traffic-to-sta not ping_sta 1
check blocked-no-traffic-from-sta not ping_ap 1
check blocked-drops-counted test "$(sta_field 1 dropped_frames)" -gt 0

check event-preview-to-challenged grep -q "$MAC preview -> challenged" /tmp/events.log
check event-challenged-to-blocked \
	grep -q "$MAC challenged -> blocked reason=timeout" /tmp/events.log

log "the station leaves and comes back"
sta_disconnect 1
check station-deleted wpv sta del wlan0 "$MAC"
check station-gone not sh -c "wpv show wlan0 | grep -q $MAC"
check station-reassociates sta_reconnect 1
ping -c 2 -W 1 "$(sta_ip 1)" >/dev/null
check reassociated-stays-blocked wait_for 5 sta_state_is blocked holddown
check reassociated-no-traffic not ping_ap 1
check reset-lifts-block wpv sta reset wlan0 "$MAC"
check traffic-after-reset ping_sta 1
check module-unloads unload_module

# Eight stations at once (nine radios), each with its own certificate
# case, verified by the real agent at the same time: P-256 and WAPI
# certificates and a provisioned key are accepted; revoked, rogue-CA,
# expired, unprovisioned and silent stations are blocked, each with its
# reason.  Afterwards only the accepted stations' streams flow.
# timeout: 300

. /wpv/tests/e2e-lib.sh

N=8
P=$PKIS/p256
W=$PKIS/wapi

{ radios $N && start_ap && server_ns; } || fail setup "AP or server did not come up"
k=1
while [ $k -le $N ]; do
	{ start_sta $k && sta_routes $k; } || fail setup "station $k did not associate"
	k=$((k + 1))
done
cache_macs
k=1
while [ $k -le $N ]; do
	pin_neigh $k
	k=$((k + 1))
done

# One line per station: PKI, certificate case, expected state and reason.
CASES="$P valid authorised verified
$W valid authorised verified
$P nocert authorised verified
$W revoked blocked cert-revoked
$P wrongca blocked cert-untrusted
$W expired blocked cert-expired
- - blocked timeout
$W nocert blocked no-key"

cat $P/ca.pem $W/ca.pem > /tmp/cas.pem
cat $P/crl.pem $W/crl.pem > /tmp/crls.pem
provision 3 "$P" nocert
check gate-attached gate_setup preview_bytes=40000 policy=0 retry_ms=500 \
	verify_timeout_ms=25000 holddown_ms=0 queue_frames=512
check agent-registered agent_start - "ca_file = /tmp/cas.pem" \
	"crl_file = /tmp/crls.pem" "keys_dir = /tmp/keys"

k=1
echo "$CASES" | while read -r pki c _; do
	[ "$pki" = - ] || echo "$k $pki $c"
	k=$((k + 1))
done > /tmp/answering
k=1
while [ $k -le $N ]; do
	recv_start $k
	k=$((k + 1))
done
while read -r k pki c; do
	responder "$k" "$pki" "$c"
done < /tmp/answering
k=1
while [ $k -le $N ]; do
	send_start $k -r 20 -s 1000
	k=$((k + 1))
done

all_decided() {
	local k=1 st
	snap
	while [ $k -le $N ]; do
		st=$(snap_field $k state)
		[ "$st" = authorised ] || [ "$st" = blocked ] || return 1
		k=$((k + 1))
	done
}
check all-decided wait_for 90 all_decided
snap
wpv show wlan0

k=1
echo "$CASES" > /tmp/cases
while read -r pki c state reason; do
	n=${pki##*/}-$c
	[ "$pki" = - ] && n=silent
	log "station $k ($n): $(snap_field $k state) $(snap_field $k reason)"
	check "station$k-$n-$state-$reason" \
		test "$(snap_field $k state)/$(snap_field $k reason)" = "$state/$reason"
	k=$((k + 1))
done < /tmp/cases
check provisioned-key-identity test "$(snap_field 3 identity)" = "key:$(sta_mac 3)"
check wapi-identity test "$(grep "\"mac\":\"$(sta_mac 2)\"" /tmp/snap |
	sed -n 's/.*"identity":"\([^"]*\)".*/\1/p')" = "CN=valid,O=wapi-preview test"

log "only the accepted stations' streams flow"
sleep 1
k=1
while read -r pki c state reason; do
	if [ "$state" = authorised ]; then
		check "station$k-stream-flows" rx_grows $k 5
	else
		check "station$k-stream-stopped" rx_flat $k 2
	fi
	k=$((k + 1))
done < /tmp/cases

bg_stop
responders_stop
agent_stop
check module-unloads unload_module

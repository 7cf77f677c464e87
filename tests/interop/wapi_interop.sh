#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# WAPI certificates end to end: the PKIs of scripts/mkpki.sh --all, the
# responder's signatures and the agent's verification core (through
# `wpv verify-response`), with the same agent configuration for both
# profiles except for the directory.  The last cases run the responder
# with WAPI keys on the loopback interface (root only; skipped
# otherwise).  Run from the top of the tree; prints PASS:/FAIL: lines.
set -u

WPV=${WPV:-userspace/wpv}
[ -x "$WPV" ] && [ -x userspace/wpv-wapi-pki ] ||
	make -s userspace >/dev/null || exit 1
tmp=$(mktemp -d /tmp/wpv-wapi-interop.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
scripts/mkpki.sh --all "$tmp/pki" >/dev/null ||
	{ echo "FAIL: mkpki: cannot make the test PKIs"; exit 1; }
pki=$tmp/pki

AP=02:00:00:00:01:00
STA=02:00:00:00:02:00
BSSID=02:00:00:00:01:00
NONCE_A=a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf
NONCE_B=0f0e0d0c0b0a090807060504030201000f0e0d0c0b0a09080706050403020100
SNONCE=5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a
# DER OBJECT IDENTIFIER 1.2.156.11235.1.1.2.1, the WAPI curve
WAPI_CURVE_OID=06092a811cd76301010201

failures=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; failures=$((failures + 1)); }

# conf NAME PROFILE_DIR [extra lines]: the agent configuration a VM
# scenario would write; only the directory differs between profiles.
conf() {
	name=$1 d=$2
	shift 2
	mkdir -p "$tmp/keys-$name"
	{
		echo "ca_file = $d/ca.pem"
		echo "crl_file = $d/crl.pem"
		echo "keys_dir = $tmp/keys-$name"
		for l in "$@"; do echo "$l"; done
	} >"$tmp/$name.conf"
}

# verify CONF BODY AP_NONCE [STA] -> prints the verify-response line
verify() {
	"$WPV" verify-response -c "$1" --ap $AP --sta "${4:-$STA}" \
		--bssid $BSSID --ap-nonce "$3" -i "$2"
}

"$WPV" transcript --ap $AP --sta $STA --bssid $BSSID --ap-nonce $NONCE_A \
	--sta-nonce $SNONCE -o "$tmp/t.bin"

# answer DIR CASE OUT [-p PUB]: the responder's signature, made into a
# body with the certificate sta-CASE.pem (or the public key given)
answer() {
	d=$1 c=$2 out=$3
	shift 3
	[ $# -gt 0 ] || set -- -c "$d/sta-$c.pem"
	"$WPV" sign -k "$d/sta-$c.key" -i "$tmp/t.bin" -o "$tmp/s.der" &&
	"$WPV" make-response --bssid $BSSID --sta $STA --ap-nonce $NONCE_A \
		--sta-nonce $SNONCE -s "$tmp/s.der" -o "$out" "$@"
}

# expect NAME CONF DIR CASE WANT [-p PUB]
expect() {
	name=$1 cf=$2 d=$3 c=$4 want=$5
	shift 5
	if ! answer "$d" "$c" "$tmp/body.bin" "$@" 2>"$tmp/err"; then
		fail "$name" "cannot build the answer: $(cat "$tmp/err")"
		return
	fi
	out=$(verify "$cf" "$tmp/body.bin" $NONCE_A)
	case $out in
	*"$want"*) pass "$name" ;;
	*) fail "$name" "$out" ;;
	esac
}

# The certificate cases, for each profile, with the same configuration.
for p in p256 wapi; do
	conf $p "$pki/$p"
	cf=$tmp/$p.conf
	expect ${p}_valid_certificate_is_accepted "$cf" "$pki/$p" valid \
		'verdict=accept reason=verified identity="CN=valid,O=wapi-preview test"'
	expect ${p}_expired_certificate_is_refused "$cf" "$pki/$p" expired \
		'reason=cert-expired'
	expect ${p}_not_yet_valid_certificate_is_refused "$cf" "$pki/$p" \
		notyet 'reason=cert-not-yet-valid'
	expect ${p}_revoked_certificate_is_refused "$cf" "$pki/$p" revoked \
		'reason=cert-revoked'
	expect ${p}_wrong_ca_certificate_is_refused "$cf" "$pki/$p" wrongca \
		'reason=cert-untrusted'
	expect ${p}_key_usage_without_signing_is_refused "$cf" "$pki/$p" \
		keyusage 'reason=cert-key-usage'
	cp "$pki/$p/sta-valid.pub" "$tmp/keys-$p/$STA.pem"
	expect ${p}_provisioned_key_without_certificate_is_accepted "$cf" \
		"$pki/$p" valid "verdict=accept reason=verified identity=\"key:$STA\"" \
		-p "$pki/$p/sta-valid.pub"
	expect ${p}_other_key_than_the_provisioned_one_is_refused "$cf" \
		"$pki/$p" nocert 'reason=bad-signature' -p "$pki/$p/sta-nocert.pub"
done

# The WAPI CA and CRL found through an OpenSSL hashed directory.
cat >"$tmp/dir.conf" <<CONF
ca_dir = $pki/wapi/hashed
CONF
expect wapi_valid_certificate_is_accepted_from_ca_dir "$tmp/dir.conf" \
	"$pki/wapi" valid 'verdict=accept reason=verified'
expect wapi_revoked_certificate_is_refused_from_ca_dir "$tmp/dir.conf" \
	"$pki/wapi" revoked 'reason=cert-revoked'

# Both profiles' CAs and CRLs in one file each: every certificate takes
# the path of its own profile.
cat "$pki/p256/ca.pem" "$pki/wapi/ca.pem" >"$tmp/both-ca.pem"
cat "$pki/p256/crl.pem" "$pki/wapi/crl.pem" >"$tmp/both-crl.pem"
cat >"$tmp/both.conf" <<CONF
ca_file = $tmp/both-ca.pem
crl_file = $tmp/both-crl.pem
CONF
for p in p256 wapi; do
	expect ${p}_valid_certificate_is_accepted_beside_the_other_profile \
		"$tmp/both.conf" "$pki/$p" valid 'verdict=accept reason=verified'
	expect ${p}_revoked_certificate_is_refused_beside_the_other_profile \
		"$tmp/both.conf" "$pki/$p" revoked 'reason=cert-revoked'
done

# Without a CRL for the WAPI CA, crl_check = yes fails closed.
cat >"$tmp/nocrl.conf" <<CONF
ca_file = $tmp/both-ca.pem
crl_file = $pki/p256/crl.pem
CONF
expect wapi_certificate_without_a_crl_is_status_unknown "$tmp/nocrl.conf" \
	"$pki/wapi" valid 'reason=status-unknown'

# A WAPI station under an intermediate CA: the intermediate and its CRL
# are configured beside the root's, as for OpenSSL's chains.
if scripts/mkpki-wapi.sh "$tmp/mid" >/dev/null 2>"$tmp/err"; then
	m=$tmp/mid
	cp "$m/sta-mid.pem" "$m/sta-chain.pem"
	cp "$m/sta-mid.key" "$m/sta-chain.key"
	cat "$m/ca.pem" "$m/mid.pem" >"$m/ca-mid.pem"
	cat "$m/crl.pem" "$m/crl-mid.pem" >"$m/crl-mid-all.pem"
	printf 'ca_file = %s\ncrl_file = %s\n' "$m/ca-mid.pem" \
		"$m/crl-mid-all.pem" >"$tmp/mid.conf"
	printf 'ca_file = %s\ncrl_file = %s\n' "$m/ca-mid.pem" \
		"$m/crl.pem" >"$tmp/mid-nocrl.conf"
	printf 'ca_file = %s\ncrl_file = %s\n' "$m/ca.pem" \
		"$m/crl-mid-all.pem" >"$tmp/mid-noca.conf"
	expect wapi_station_under_an_intermediate_is_accepted "$tmp/mid.conf" \
		"$m" chain 'verdict=accept reason=verified'
	expect wapi_intermediate_without_its_crl_is_status_unknown \
		"$tmp/mid-nocrl.conf" "$m" chain 'reason=status-unknown'
	expect wapi_intermediate_not_configured_is_untrusted \
		"$tmp/mid-noca.conf" "$m" chain 'reason=cert-untrusted'
else
	fail wapi_intermediate_pki "$(cat "$tmp/err")"
fi

name=wapi_raw_signature_is_24_plus_24_bytes_and_verifies
"$WPV" sign --raw -k "$pki/wapi/sta-valid.key" -i "$tmp/t.bin" \
	-o "$tmp/wapi.raw"
size=$(wc -c <"$tmp/wapi.raw")
if [ "$size" -eq 48 ] &&
   "$WPV" verify-sig --raw -p "$pki/wapi/sta-valid.pub" -i "$tmp/t.bin" \
	-s "$tmp/wapi.raw" >/dev/null &&
   "$WPV" verify-sig --raw -c "$pki/wapi/sta-valid.pem" -i "$tmp/t.bin" \
	-s "$tmp/wapi.raw" >/dev/null; then
	pass $name
else
	fail $name "r|s is $size bytes or does not verify"
fi

name=wapi_answer_names_the_wapi_curve
answer "$pki/wapi" valid "$tmp/body.bin"
if od -An -v -tx1 "$tmp/body.bin" | tr -d ' \n' | grep -q $WAPI_CURVE_OID
then
	pass $name
else
	fail $name "curve OID not in the answer"
fi

# The responder on the loopback interface, as in sig_interop.sh: a small
# AP stand-in sends the request from lo's all-zero address.
station_case() {
	name=$1 c=$2 want=$3 nonce=$4
	shift 4
	"$WPV" station -i lo -k "$pki/wapi/sta-$c.key" --once "$@" \
		2>"$tmp/station.log" &
	pid=$!
	sleep 0.3
	if ! python3 tests/interop/wai_ap.py lo $nonce "$tmp/answer.bin" \
		2>"$tmp/ap.log"; then
		kill $pid 2>/dev/null
		wait $pid 2>/dev/null
		fail $name "no answer: $(cat "$tmp/ap.log" "$tmp/station.log")"
		return
	fi
	wait $pid
	out=$(verify "$tmp/lo.conf" "$tmp/answer.bin" $nonce 00:00:00:00:00:00)
	case $out in
	*"$want"*) pass $name ;;
	*) fail $name "$out" ;;
	esac
}

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: wapi_responder_on_loopback: needs root for a packet socket"
	[ $failures -eq 0 ]
	exit
fi

conf lo "$pki/wapi"
cp "$pki/wapi/sta-valid.pub" "$tmp/keys-lo/00:00:00:00:00:00.pem"
BSSID=00:00:00:00:00:00 AP=00:00:00:00:00:00
station_case wapi_responder_valid_certificate_is_accepted valid \
	'verdict=accept reason=verified identity="CN=valid,O=wapi-preview test"' \
	$NONCE_A -c "$pki/wapi/sta-valid.pem" --record "$tmp/recorded.bin"
station_case wapi_responder_expired_certificate_is_refused expired \
	'reason=cert-expired' $NONCE_A -c "$pki/wapi/sta-expired.pem"
station_case wapi_responder_not_yet_valid_certificate_is_refused notyet \
	'reason=cert-not-yet-valid' $NONCE_A -c "$pki/wapi/sta-notyet.pem"
station_case wapi_responder_revoked_certificate_is_refused revoked \
	'reason=cert-revoked' $NONCE_A -c "$pki/wapi/sta-revoked.pem"
station_case wapi_responder_wrong_ca_certificate_is_refused wrongca \
	'reason=cert-untrusted' $NONCE_A -c "$pki/wapi/sta-wrongca.pem"
station_case wapi_responder_key_usage_certificate_is_refused keyusage \
	'reason=cert-key-usage' $NONCE_A -c "$pki/wapi/sta-keyusage.pem"
station_case wapi_responder_key_only_is_accepted valid \
	'verdict=accept reason=verified identity="key:00:00:00:00:00:00"' \
	$NONCE_A
station_case wapi_responder_replayed_answer_is_refused valid \
	'verdict=reject reason=malformed' $NONCE_B --replay "$tmp/recorded.bin"

name=wapi_responder_signature_verifies_on_its_own
if python3 tests/interop/wai_ap.py --split "$tmp/recorded.bin" $NONCE_A \
	"$tmp/rt.bin" "$tmp/rsig.der" 2>"$tmp/split.log" &&
   "$WPV" verify-sig -c "$pki/wapi/sta-valid.pem" -i "$tmp/rt.bin" \
	-s "$tmp/rsig.der" >/dev/null 2>>"$tmp/split.log"; then
	pass $name
else
	fail $name "$(cat "$tmp/split.log")"
fi

name=wapi_responder_refuses_a_certificate_of_another_key
if "$WPV" station -i lo -k "$pki/wapi/sta-valid.key" \
	-c "$pki/wapi/sta-revoked.pem" --once 2>"$tmp/station.log"; then
	fail $name "station started"
elif grep -q "does not match" "$tmp/station.log"; then
	pass $name
else
	fail $name "$(cat "$tmp/station.log")"
fi

[ $failures -eq 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Signatures cross-checked between wpv and the openssl command line:
# openssl's signatures verify in the agent's verification core, and the
# responder's verify with `openssl dgst -verify`.  The last cases run the
# responder itself on the loopback interface (root only; skipped
# otherwise).  Run from the top of the tree; prints PASS:/FAIL: lines.
set -u

WPV=${WPV:-userspace/wpv}
[ -x "$WPV" ] || make -s userspace >/dev/null || exit 1
tmp=$(mktemp -d /tmp/wpv-interop.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
scripts/mkpki.sh "$tmp/pki" || { echo "FAIL: mkpki: cannot make the test PKI"; exit 1; }
pki=$tmp/pki

AP=02:00:00:00:01:00
STA=02:00:00:00:02:00
BSSID=02:00:00:00:01:00
NONCE_A=a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf
NONCE_B=0f0e0d0c0b0a090807060504030201000f0e0d0c0b0a09080706050403020100
SNONCE=5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a

mkdir -p "$tmp/keys"
cp "$pki/valid.pub" "$tmp/keys/$STA.pem"
cat >"$tmp/agent.conf" <<CONF
# written by sig_interop.sh
ca_file = $pki/ca.pem
crl_file = $pki/crl.pem
keys_dir = $tmp/keys
CONF

failures=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; failures=$((failures + 1)); }

# transcript FILE AP_NONCE [STA]
transcript() {
	"$WPV" transcript --ap $AP --sta "${3:-$STA}" --bssid $BSSID \
		--ap-nonce "$2" --sta-nonce $SNONCE -o "$1"
}

# verify BODY AP_NONCE [STA] -> prints the verify-response line
verify() {
	"$WPV" verify-response -c "$tmp/agent.conf" --ap $AP \
		--sta "${3:-$STA}" --bssid $BSSID --ap-nonce "$2" -i "$1"
}

transcript "$tmp/t.bin" $NONCE_A
transcript "$tmp/t_other.bin" $NONCE_B

name=openssl_signature_verifies_in_agent_signature_check
openssl dgst -sha256 -sign "$pki/valid.key" -out "$tmp/ossl.der" "$tmp/t.bin"
if out=$("$WPV" verify-sig -c "$pki/valid.pem" -i "$tmp/t.bin" -s "$tmp/ossl.der"); then
	pass $name
else
	fail $name "$out"
fi

name=openssl_signature_over_other_transcript_is_bad
if out=$("$WPV" verify-sig -c "$pki/valid.pem" -i "$tmp/t_other.bin" -s "$tmp/ossl.der"); then
	fail $name "accepted: $out"
else
	pass $name
fi

name=openssl_signed_response_with_certificate_is_accepted
"$WPV" make-response --bssid $BSSID --sta $STA --ap-nonce $NONCE_A \
	--sta-nonce $SNONCE -s "$tmp/ossl.der" -c "$pki/valid.pem" \
	-o "$tmp/resp_cert.bin"
out=$(verify "$tmp/resp_cert.bin" $NONCE_A)
case $out in
*"verdict=accept reason=verified identity=\"CN=valid,O=wapi-preview test\""*)
	pass $name ;;
*) fail $name "$out" ;;
esac

name=openssl_signed_response_with_provisioned_key_is_accepted
"$WPV" make-response --bssid $BSSID --sta $STA --ap-nonce $NONCE_A \
	--sta-nonce $SNONCE -s "$tmp/ossl.der" -p "$pki/valid.pub" \
	-o "$tmp/resp_key.bin"
out=$(verify "$tmp/resp_key.bin" $NONCE_A)
case $out in
*"verdict=accept reason=verified identity=\"key:$STA\""*) pass $name ;;
*) fail $name "$out" ;;
esac

name=openssl_signed_response_replayed_to_new_challenge_is_refused
out=$(verify "$tmp/resp_cert.bin" $NONCE_B)
case $out in
*"verdict=reject reason=malformed"*) pass $name ;;
*) fail $name "$out" ;;
esac

name=openssl_signed_response_replayed_for_other_station_is_refused
out=$(verify "$tmp/resp_cert.bin" $NONCE_A 02:00:00:00:03:00)
case $out in
*"verdict=reject reason=malformed"*) pass $name ;;
*) fail $name "$out" ;;
esac

name=openssl_signature_of_other_challenge_with_matching_echo_is_bad
openssl dgst -sha256 -sign "$pki/valid.key" -out "$tmp/ossl_other.der" "$tmp/t_other.bin"
"$WPV" make-response --bssid $BSSID --sta $STA --ap-nonce $NONCE_A \
	--sta-nonce $SNONCE -s "$tmp/ossl_other.der" -c "$pki/valid.pem" \
	-o "$tmp/resp_bad.bin"
out=$(verify "$tmp/resp_bad.bin" $NONCE_A)
case $out in
*"verdict=reject reason=bad-signature"*) pass $name ;;
*) fail $name "$out" ;;
esac

name=openssl_signed_response_with_revoked_certificate_is_refused
openssl dgst -sha256 -sign "$pki/revoked.key" -out "$tmp/ossl_rev.der" "$tmp/t.bin"
"$WPV" make-response --bssid $BSSID --sta $STA --ap-nonce $NONCE_A \
	--sta-nonce $SNONCE -s "$tmp/ossl_rev.der" -c "$pki/revoked.pem" \
	-o "$tmp/resp_rev.bin"
out=$(verify "$tmp/resp_rev.bin" $NONCE_A)
case $out in
*"verdict=reject reason=cert-revoked"*) pass $name ;;
*) fail $name "$out" ;;
esac

name=responder_signature_verifies_with_openssl
"$WPV" sign -k "$pki/valid.key" -i "$tmp/t.bin" -o "$tmp/wpv.der"
if out=$(openssl dgst -sha256 -verify "$pki/valid.pub" \
	-signature "$tmp/wpv.der" "$tmp/t.bin" 2>&1); then
	pass $name
else
	fail $name "$out"
fi

name=responder_signature_fails_openssl_on_other_transcript
if openssl dgst -sha256 -verify "$pki/valid.pub" -signature "$tmp/wpv.der" \
	"$tmp/t_other.bin" >/dev/null 2>&1; then
	fail $name "openssl accepted it"
else
	pass $name
fi

name=responder_raw_signature_is_fixed_width
"$WPV" sign --raw -k "$pki/valid.key" -i "$tmp/t.bin" -o "$tmp/wpv.raw"
size=$(wc -c <"$tmp/wpv.raw")
if [ "$size" -eq 64 ] &&
   "$WPV" verify-sig --raw -p "$pki/valid.pub" -i "$tmp/t.bin" -s "$tmp/wpv.raw" >/dev/null; then
	pass $name
else
	fail $name "r|s is $size bytes or does not verify"
fi

# The responder on the loopback interface, driven by a small AP stand-in:
# it sends a request from (and to) lo's all-zero address and catches the
# answer.  The recorded answer then goes through the agent's core and its
# signature through openssl.
station_case() {
	name=$1 want=$2 nonce=$3
	shift 3
	"$WPV" station -i lo -k "$pki/valid.key" --once "$@" \
		2>"$tmp/station.log" &
	pid=$!
	sleep 0.3
	if ! python3 tests/interop/wai_ap.py lo $nonce "$tmp/answer.bin" 2>"$tmp/ap.log"; then
		kill $pid 2>/dev/null
		wait $pid 2>/dev/null
		fail $name "no answer: $(cat "$tmp/ap.log" "$tmp/station.log")"
		return
	fi
	wait $pid
	out=$(verify "$tmp/answer.bin" $nonce 00:00:00:00:00:00)
	case $out in
	*"$want"*) pass $name ;;
	*) fail $name "$out" ;;
	esac
}

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: responder_on_loopback: needs root for a packet socket"
else
	mkdir -p "$tmp/keys2"
	sed -i "s|^keys_dir = .*|keys_dir = $tmp/keys2|" "$tmp/agent.conf"
	cp "$pki/valid.pub" "$tmp/keys2/00:00:00:00:00:00.pem"
	BSSID=00:00:00:00:00:00 AP=00:00:00:00:00:00
	station_case responder_answer_with_certificate_is_accepted \
		'verdict=accept reason=verified identity="CN=valid' $NONCE_A \
		-c "$pki/valid.pem" --record "$tmp/recorded.bin"
	station_case responder_answer_with_key_only_is_accepted \
		'verdict=accept reason=verified identity="key:00:00:00:00:00:00"' \
		$NONCE_A

	name=responder_answer_signature_verifies_with_openssl
	# Take the recorded packet apart: the transcript and DER signature.
	if python3 tests/interop/wai_ap.py --split "$tmp/recorded.bin" \
		$NONCE_A "$tmp/rt.bin" "$tmp/rsig.der" 2>"$tmp/split.log" &&
	   openssl dgst -sha256 -verify "$pki/valid.pub" \
		-signature "$tmp/rsig.der" "$tmp/rt.bin" >/dev/null 2>&1; then
		pass $name
	else
		fail $name "$(cat "$tmp/split.log")"
	fi

	name=responder_ignores_request_for_another_station
	"$WPV" station -i lo -k "$pki/valid.key" --once 2>"$tmp/station.log" &
	pid=$!
	sleep 0.3
	if python3 tests/interop/wai_ap.py --other lo $NONCE_A 2>"$tmp/ap.log" &&
	   grep -q "not us; ignored" "$tmp/station.log"; then
		pass $name
	else
		fail $name "$(cat "$tmp/ap.log" "$tmp/station.log")"
	fi
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null

	station_case responder_replaying_a_recorded_answer_is_refused \
		'verdict=reject reason=malformed' $NONCE_B --replay "$tmp/recorded.bin"
fi

[ $failures -eq 0 ]

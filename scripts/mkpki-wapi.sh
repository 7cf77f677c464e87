#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mkpki-wapi.sh [--check] DIR
#
# Makes a WAPI test PKI in DIR with wpv-wapi-pki (build it first with
# `make userspace`; WPV_WAPI_PKI overrides the path).  Keys are SEC1 PEM
# with the WAPI curve OID, mode 0600; certificates and CRLs are PEM.
#
#   ca.pem ca.key               trusted WAPI CA, self-signed
#   sta.pem sta.key             station, valid for a year
#   expired.pem expired.key     station, expired ten days ago
#   notyet.pem notyet.key       station, valid from ten days on
#   revoked.pem revoked.key     station, listed in crl.pem
#   crl.pem                     the CA's CRL, valid for 30 days
#   wrongca.pem wrongca.key     station signed by wrong-ca.pem, a CA with
#                               the trusted CA's name but another key
#   wrong-ca.pem wrong-ca.key   that CA (not to be trusted)
#   mid.pem mid.key             intermediate CA under ca.pem
#   crl-mid.pem                 the intermediate's CRL (empty)
#   sta-mid.pem sta-mid.key     station under the intermediate
#
# With --check it then checks every file and prints one PASS or FAIL line
# per case.
set -e

check=
if [ "$1" = "--check" ]; then
	check=1
	shift
fi
dir=${1:?usage: mkpki-wapi.sh [--check] DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
pki=${WPV_WAPI_PKI:-$top/userspace/wpv-wapi-pki}
[ -x "$pki" ] || { echo "mkpki-wapi: $pki not built" >&2; exit 1; }

ca_name="/O=wapi-preview/CN=WAPI Test CA"
mkdir -p "$dir"
cd "$dir"

"$pki" ca -o ca.pem -k ca.key -s "$ca_name" -n 1 --start -1 --days 3650
"$pki" ca -o wrong-ca.pem -k wrong-ca.key -s "$ca_name" -n 1 --start -1 \
	--days 3650

station() {
	name=$1
	shift
	"$pki" cert -c ca.pem -K ca.key -o "$name.pem" -k "$name.key" \
		-s "/O=wapi-preview/CN=$name" "$@"
}
station sta -n 100 --start -1 --days 365
station expired -n 101 --start -40 --days 30
station notyet -n 102 --start 10 --days 365
station revoked -n 103 --start -1 --days 365
"$pki" crl -c ca.pem -K ca.key -o crl.pem --days 30 revoked.pem
"$pki" cert -c wrong-ca.pem -K wrong-ca.key -o wrongca.pem -k wrongca.key \
	-s "/O=wapi-preview/CN=wrongca" -n 104 --start -1 --days 365

"$pki" cert -c ca.pem -K ca.key -o mid.pem -k mid.key --ca \
	-s "/O=wapi-preview/CN=WAPI Test Intermediate" -n 2 --start -1 \
	--days 1825
"$pki" crl -c mid.pem -K mid.key -o crl-mid.pem --days 30
"$pki" cert -c mid.pem -K mid.key -o sta-mid.pem -k sta-mid.key \
	-s "/O=wapi-preview/CN=sta-mid" -n 200 --start -1 --days 365

[ -n "$check" ] || exit 0

set +e
fails=0
expect() {
	name=$1 want=$2
	shift 2
	out=$("$pki" verify "$@" 2>&1)
	case "$out" in
	*"$want"*) echo "PASS: wapi-pki $name" ;;
	*) echo "FAIL: wapi-pki $name: $out"; fails=$((fails + 1)) ;;
	esac
}
trust="-c ca.pem -l crl.pem"
expect "valid station verifies" ": OK" $trust sta.pem
expect "expired station refused" "expired" $trust expired.pem
expect "not-yet-valid station refused" "not yet valid" $trust notyet.pem
expect "revoked station refused" "revoked" $trust revoked.pem
expect "wrong-CA station refused" "does not verify" $trust wrongca.pem
expect "station via intermediate verifies" ": OK" $trust -l crl-mid.pem \
	-u mid.pem sta-mid.pem
expect "station via intermediate refused without it" "not a trusted" \
	$trust sta-mid.pem

for f in ca sta expired notyet revoked wrongca mid sta-mid; do
	if openssl x509 -in "$f.pem" -noout -text 2>/dev/null |
		grep -q "Signature Algorithm: 1.2.156.11235.1.1.1"; then
		echo "PASS: wapi-pki $f.pem parses with the WAPI algorithm"
	else
		echo "FAIL: wapi-pki $f.pem: openssl x509 cannot show it"
		fails=$((fails + 1))
	fi
done
if openssl asn1parse -in sta.pem | grep -q ":1.2.156.11235.1.1.2.1"; then
	echo "PASS: wapi-pki station key names the WAPI curve"
else
	echo "FAIL: wapi-pki station key: curve OID missing"
	fails=$((fails + 1))
fi
if [ "$(stat -c %a sta.key)" = 600 ] &&
	openssl asn1parse -in sta.key | grep -q ":1.2.156.11235.1.1.2.1"; then
	echo "PASS: wapi-pki station key is SEC1 with the curve OID, mode 0600"
else
	echo "FAIL: wapi-pki station key: wrong form or mode"
	fails=$((fails + 1))
fi
[ "$fails" = 0 ]

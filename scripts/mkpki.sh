#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make test PKIs: ECDSA P-256 with the openssl command line, WAPI (the
# 192-bit WAPI curve) with userspace/wpv-wapi-pki (`make userspace`;
# WPV_WAPI_PKI overrides the path).
#
#   scripts/mkpki.sh DIR                  P-256 in DIR (and older names)
#   scripts/mkpki.sh --profile P DIR      profile P (p256 or wapi) in DIR
#   scripts/mkpki.sh --all DIR            DIR/p256/ and DIR/wapi/
#
# Every profile has the same file names, so a test or an agent.conf can
# switch profile by changing only the directory:
#
# ca.pem, ca.key                  the trusted CA
# crl.pem                         its CRL, listing sta-revoked.pem
# wrong-ca.pem, wrong-ca.key      a CA nobody trusts
# sta-<case>.pem, sta-<case>.key  station certificates and keys, subject
#                                 /O=wapi-preview test/CN=<case>:
#   valid         valid now, digitalSignature
#   expired       validity over
#   notyet        validity still to come
#   revoked       otherwise valid, listed in crl.pem
#   wrongca       signed by wrong-ca
#   keyusage      keyUsage keyCertSign only (no digitalSignature)
# sta-valid.pub                   public key of sta-valid.key (PEM PUBLIC
#                                 KEY), for keys_dir
# sta-nocert.key, sta-nocert.pub  a key with no certificate
# hashed/                         ca.pem and crl.pem under their OpenSSL
#                                 hashes (for ca_dir)
#
# Keys are mode 0600.  WAPI keys are SEC1 with the curve OID, WAPI public
# keys SubjectPublicKeyInfo with the curve OID.  Without --profile the
# P-256 files are also linked under their older names: valid, expired,
# notyet, revoked, untrusted (= sta-wrongca), keyusage (.pem, .key),
# valid.pub, stranger.key/.pub (= sta-nocert), rogue-ca.pem/.key.
set -eu

usage() {
	echo "usage: mkpki.sh [--profile p256|wapi | --all] DIR" >&2
	exit 2
}

profile=
case ${1:-} in
--profile) [ $# -ge 2 ] || usage; profile=$2; shift 2 ;;
--all) profile=all; shift ;;
esac
[ $# -eq 1 ] || usage
case $profile in
'' | p256 | wapi | all) ;;
*) usage ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
pki=${WPV_WAPI_PKI:-$top/userspace/wpv-wapi-pki}
dir=$1

# openssl ca wants its dates as UTCTime, YYMMDDHHMMSSZ.
utc() { date -u -d "$1" +%y%m%d%H%M%SZ; }

newkey() {
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
		-out "$1.key" 2>/dev/null
	chmod 600 "$1.key"
}

# One minimal `openssl ca` set-up per CA: its own database and serial.
ca_init() {
	name=$1 cn=$2
	mkdir -p "$name.db"
	: >"$name.db/index.txt"
	echo 1000 >"$name.db/serial"
	echo 1000 >"$name.db/crlnumber"
	cat >"$name.cnf" <<CNF
[ ca ]
default_ca = this_ca
[ this_ca ]
dir = $name.db
database = \$dir/index.txt
serial = \$dir/serial
crlnumber = \$dir/crlnumber
new_certs_dir = \$dir
certificate = $name.pem
private_key = $name.key
default_md = sha256
default_days = 3650
default_crl_days = 3650
policy = any
unique_subject = no
copy_extensions = none
[ any ]
organizationName = optional
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = $cn
[ v3_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ station ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
authorityKeyIdentifier = keyid
[ wrong_usage ]
basicConstraints = critical, CA:false
keyUsage = critical, keyCertSign
authorityKeyIdentifier = keyid
CNF
	newkey "$name"
	openssl req -new -x509 -config "$name.cnf" -extensions v3_ca \
		-key "$name.key" -days 7300 -out "$name.pem" 2>/dev/null
}

# issue CA CASE EXTENSIONS [START END]: sta-CASE.pem and .key
issue() {
	ca=$1 name=sta-$2 cn=$2 ext=$3
	shift 3
	newkey "$name"
	openssl req -new -key "$name.key" -subj "/O=wapi-preview test/CN=$cn" \
		-out "$name.csr" 2>/dev/null
	if [ $# -eq 2 ]; then
		set -- -startdate "$1" -enddate "$2"
	fi
	openssl ca -batch -notext -config "$ca.cnf" -extensions "$ext" \
		-in "$name.csr" -out "$name.pem" "$@" 2>/dev/null
	rm -f "$name.csr"
}

rehash() {
	mkdir -p hashed
	cp ca.pem crl.pem hashed/
	openssl rehash hashed 2>/dev/null || c_rehash hashed >/dev/null
}

p256() {
	ca_init ca "wapi-preview test CA"
	ca_init wrong-ca "wapi-preview rogue CA"

	issue ca valid station
	issue ca expired station "$(utc '-2 years')" "$(utc '-1 year')"
	issue ca notyet station "$(utc '+1 year')" "$(utc '+2 years')"
	issue ca revoked station
	issue ca keyusage wrong_usage
	issue wrong-ca wrongca station

	openssl ca -config ca.cnf -revoke sta-revoked.pem \
		-crl_reason keyCompromise 2>/dev/null
	openssl ca -config ca.cnf -gencrl -out crl.pem 2>/dev/null

	openssl pkey -in sta-valid.key -pubout -out sta-valid.pub
	newkey sta-nocert
	openssl pkey -in sta-nocert.key -pubout -out sta-nocert.pub
	rehash
}

# The names older tests and scripts use.
p256_old_names() {
	for c in valid expired notyet revoked keyusage; do
		ln -f "sta-$c.pem" "$c.pem"
		ln -f "sta-$c.key" "$c.key"
	done
	ln -f sta-wrongca.pem untrusted.pem
	ln -f sta-wrongca.key untrusted.key
	ln -f sta-valid.pub valid.pub
	ln -f sta-nocert.key stranger.key
	ln -f sta-nocert.pub stranger.pub
	ln -f wrong-ca.pem rogue-ca.pem
	ln -f wrong-ca.key rogue-ca.key
}

# wapi_station CA CASE SERIAL START_DAY DAYS [wpv-wapi-pki options]
wapi_station() {
	ca=$1 c=$2 serial=$3 start=$4 days=$5
	shift 5
	"$pki" cert -c "$ca.pem" -K "$ca.key" -o "sta-$c.pem" -k "sta-$c.key" \
		-s "/O=wapi-preview test/CN=$c" -n "$serial" --start "$start" \
		--days "$days" "$@"
}

wapi() {
	[ -x "$pki" ] || { echo "mkpki: $pki not built (make userspace)" >&2
		exit 1; }
	# The wrong CA has the trusted CA's name and another key.
	for ca in ca wrong-ca; do
		"$pki" ca -o "$ca.pem" -k "$ca.key" -n 1 --start -1 \
			--days 7300 -s "/CN=wapi-preview WAPI test CA"
	done
	wapi_station ca valid 100 -1 3650
	wapi_station ca expired 101 -730 365
	wapi_station ca notyet 102 365 365
	wapi_station ca revoked 103 -1 3650
	wapi_station ca keyusage 104 -1 3650 --key-usage critical,keyCertSign
	wapi_station wrong-ca wrongca 105 -1 3650
	"$pki" crl -c ca.pem -K ca.key -o crl.pem --start -1 --days 3650 \
		sta-revoked.pem
	"$pki" pubkey -k sta-valid.key -o sta-valid.pub
	"$pki" key -k sta-nocert.key -o sta-nocert.pub
	rehash
}

# make PROFILE DIR
make_profile() {
	mkdir -p "$2"
	(cd "$2" && "$1")
}

case $profile in
'') make_profile p256 "$dir" && (cd "$dir" && p256_old_names) ;;
all) make_profile p256 "$dir/p256" && make_profile wapi "$dir/wapi" ;;
*) make_profile "$profile" "$dir" ;;
esac

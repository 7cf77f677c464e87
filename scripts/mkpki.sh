#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make a test PKI (ECDSA P-256) with the openssl command line.
#
#   scripts/mkpki.sh DIR
#
# DIR/ca.pem, ca.key          the trusted CA
# DIR/crl.pem                 its CRL, listing revoked.pem
# DIR/rogue-ca.pem, .key      a CA nobody trusts
# DIR/<name>.pem, <name>.key  station certificates and keys:
#   valid         good for ten years, digitalSignature
#   expired       valid two years ago to one year ago
#   notyet        valid from one year ahead
#   revoked       otherwise valid, listed in crl.pem
#   untrusted     signed by the rogue CA
#   keyusage      keyUsage keyCertSign only (no digitalSignature)
# DIR/valid.pub               the public key of valid.key (PEM PUBLIC KEY)
# DIR/stranger.key, .pub      a key with no certificate
# DIR/hashed/                 ca.pem and crl.pem under their OpenSSL hashes
#                             (for ca_dir)
set -eu

dir=${1:?usage: mkpki.sh DIR}
mkdir -p "$dir"
cd "$dir"

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

# issue CA NAME EXTENSIONS [START END]
issue() {
	ca=$1 name=$2 ext=$3
	shift 3
	newkey "$name"
	openssl req -new -key "$name.key" -subj "/O=wapi-preview test/CN=$name" \
		-out "$name.csr" 2>/dev/null
	if [ $# -eq 2 ]; then
		set -- -startdate "$1" -enddate "$2"
	fi
	openssl ca -batch -notext -config "$ca.cnf" -extensions "$ext" \
		-in "$name.csr" -out "$name.pem" "$@" 2>/dev/null
	rm -f "$name.csr"
}

ca_init ca "wapi-preview test CA"
ca_init rogue-ca "wapi-preview rogue CA"

issue ca valid station
issue ca expired station "$(utc '-2 years')" "$(utc '-1 year')"
issue ca notyet station "$(utc '+1 year')" "$(utc '+2 years')"
issue ca revoked station
issue ca keyusage wrong_usage
issue rogue-ca untrusted station

openssl ca -config ca.cnf -revoke revoked.pem -crl_reason keyCompromise \
	2>/dev/null
openssl ca -config ca.cnf -gencrl -out crl.pem 2>/dev/null

openssl pkey -in valid.key -pubout -out valid.pub
newkey stranger
openssl pkey -in stranger.key -pubout -out stranger.pub

mkdir -p hashed
cp ca.pem crl.pem hashed/
openssl rehash hashed 2>/dev/null || c_rehash hashed >/dev/null

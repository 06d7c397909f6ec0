#!/usr/bin/env bash
# The one place that installs (apt-get) and starts the real services the system tests need, on
# loopback, and writes their addresses to .ecloud/services.env for tests to source.
#
#   scripts/services.sh start   # idempotent: installs what is missing, starts what is not running
#   scripts/services.sh stop
#
# Each driver issue adds its service here (libvirtd, sshd, vcsim, slapd, PostgreSQL, tgtd, ...), as a
# start_<service> / stop_<service> pair; start_<service> appends its variables to the env file.
#
# Services so far:
#   slapd  OpenLDAP on ldap://127.0.0.1:3389 with a throwaway test directory (dc=ecloud,dc=test) for
#          @ecloud/auth-ldap, loaded from packages/auth-ldap/test/system/fixtures/directory.ldif.template;
#          state and generated test passwords under .ecloud/slapd/. A running slapd is left as it is:
#          `stop` then `start` rebuilds the directory after a fixture change.
#   libvirtd  libvirt 9.0 (test and QEMU/TCG drivers) for @ecloud/driver-kvm, on a unix socket (no auth)
#          under .ecloud/libvirt/sock/ and on TLS at 127.0.0.1:16514 (client certificate required and
#          verified, no further auth; no plain TCP), with its virtlogd (which real QEMU guests need);
#          config, pidfiles and logs under .ecloud/libvirt/. The TLS certificates are a throwaway CA, a
#          server certificate for 127.0.0.1 / localhost and a client certificate, made once with openssl
#          under .ecloud/libvirt/pki/ (libvirt's pkipath names), plus an unrelated CA for negative tests.
#          A running libvirtd that read another config or other certificates (an older script) is
#          restarted. `start` checks once that virsh reaches it over TLS. Starts no guest: the first
#          QEMU start takes ~45 s of capability probing and is left to the tests.
#   sshd   OpenSSH on 127.0.0.1:2222 for libvirt's SSH transport (qemu+ssh://: an SSH connection, then a
#          direct-streamlocal channel to the libvirt socket); root logs in with a throwaway ed25519 key,
#          and the throwaway host key is in .ecloud/sshd/known_hosts for clients to verify.
#   `start` checks once that virsh reaches libvirtd through sshd.
#   vcsim  govmomi's vCenter simulator (Debian's golang-github-vmware-govmomi-dev 0.24.2, vSphere API
#          6.5, apiType VirtualCenter) for @ecloud/driver-vmware, on https://127.0.0.1:8989/sdk. The
#          binary is our own packages/driver-vmware/test/vcsim/*.go, built offline with Debian's Go
#          (GOPATH mode on /usr/share/gocode, nothing fetched) into .ecloud/vcsim/vcsim, and rebuilt only
#          when its source, Go or govmomi changed. It serves TLS with a self-signed certificate it makes at
#          each start and writes to .ecloud/vcsim/ca.pem (clients trust that file; no -k anywhere), and
#          Login accepts only administrator@vsphere.local with a generated password (anything else gets
#          InvalidLogin). The tests' inventory: DC0, one cluster DC0_C0 of 3 hosts, 4 powered-on VMs,
#          datastore LocalDS_0. Pidfile, log and datastore directories under .ecloud/vcsim/. A running
#          simulator is kept (with whatever the tests changed in it) unless its binary or flags changed:
#          `stop` then `start` resets the inventory. `start` checks once that Login works and that a
#          wrong password is refused. A bench starts its own, larger simulator with $ECLOUD_VCSIM_BIN
#          (`$ECLOUD_VCSIM_BIN -h` lists the flags), e.g. 20 hosts and 1,000 VMs, serving after ~3 s in
#          ~50 MiB RSS:
#            TMPDIR=/dev/shm "$ECLOUD_VCSIM_BIN" -listen 127.0.0.1:0 -url-file DIR/url \
#              -cert-file DIR/ca.pem -username U -password-file FILE -dc 1 -cluster 2 -host 10 -vm 500
#          then reads the URL (with the port it got) from DIR/url once that file exists, and stops it with
#          SIGTERM (it removes its files and datastore folders). -vm counts VMs per cluster (spread at
#          random over its hosts) and per standalone host: -cluster 0 -standalone-host 20 -vm 50 gives
#          exactly 50 a host. TMPDIR gets the datastore folders (a folder and 5 files per VM): on tmpfs,
#          as above; on this machine's disk the same start takes 4-11 s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.ecloud"
ENV_FILE="$STATE/services.env"

# ---------------------------------------------------------------------------------------------------
# helpers

APT_UPDATED=0

# Installs the Debian packages of "$@" that are not installed yet (non-interactive, no recommends).
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "services: apt-get install ${missing[*]}"
  if ((APT_UPDATED == 0)); then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Appends `export NAME='value'` to the env file (values are ours: no single quotes in them).
env_line() {
  local name="$1" value="$2"
  if [[ "$value" == *"'"* ]]; then
    echo "services: refusing to write a quote into $name" >&2
    exit 1
  fi
  printf "export %s='%s'\n" "$name" "$value" >>"$ENV_FILE"
}

# Whether the process whose id is in pidfile "$1" is alive.
pidfile_alive() {
  local pid
  [[ -s "$1" ]] || return 1
  pid="$(<"$1")"
  kill -0 "$pid" 2>/dev/null
}

# Stops the process whose id is in pidfile "$1" (TERM, then KILL after 10 s) and removes the pidfile.
stop_pidfile() {
  local pidfile="$1" pid i
  if pidfile_alive "$pidfile"; then
    pid="$(<"$pidfile")"
    kill "$pid"
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
    fi
  fi
  rm -f "$pidfile"
}

# A random test-only password (hex, so it needs no quoting anywhere).
random_secret() {
  od -An -tx1 -N12 /dev/urandom | tr -d ' \n'
}

# ---------------------------------------------------------------------------------------------------
# slapd: OpenLDAP for @ecloud/auth-ldap

LDAP_PORT=3389
LDAP_URL="ldap://127.0.0.1:$LDAP_PORT"
LDAP_SUFFIX='dc=ecloud,dc=test'
LDAP_ROOT_DN="cn=admin,$LDAP_SUFFIX"
LDAP_READER_DN="cn=ecloud-reader,ou=services,$LDAP_SUFFIX"
LDAP_DIR="$STATE/slapd"
LDAP_SECRETS="$LDAP_DIR/secrets"
LDAP_CONF="$LDAP_DIR/slapd.conf"
LDAP_PIDFILE="$LDAP_DIR/slapd.pid"
LDAP_TEMPLATE="$ROOT/packages/auth-ldap/test/system/fixtures/directory.ldif.template"
# Accounts whose passwords the script generates: the root DN, the service account and the test users.
LDAP_ACCOUNTS=(root reader alice bob carol dave twin)

# The stored test password of account "$1", generated on first use (kept across restarts).
slapd_secret() {
  local file="$LDAP_SECRETS/$1"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$LDAP_SECRETS"
    chmod 700 "$LDAP_SECRETS"
    (
      umask 077
      random_secret >"$file"
    )
  fi
  cat "$file"
}

# Whether our slapd answers a simple bind as the service account.
slapd_answers() {
  [[ -s "$LDAP_SECRETS/reader" ]] || return 1
  ldapwhoami -x -H "$LDAP_URL" -D "$LDAP_READER_DN" -y "$LDAP_SECRETS/reader" >/dev/null 2>&1
}

# Writes slapd.conf: the schemas, one mdb database and the access rules.
slapd_write_conf() {
  local root_hash
  root_hash="$(slappasswd -h '{SSHA}' -T "$LDAP_SECRETS/root")"
  cat >"$LDAP_CONF" <<EOF
# written by scripts/services.sh; a throwaway test directory
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema

pidfile $LDAP_PIDFILE
argsfile $LDAP_DIR/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
loglevel none

database mdb
maxsize 16777216
suffix "$LDAP_SUFFIX"
rootdn "$LDAP_ROOT_DN"
rootpw $root_hash
directory $LDAP_DIR/data
index objectClass eq
index uid eq
index member eq

# Passwords: usable to bind, readable by no one (the root DN bypasses these rules).
access to attrs=userPassword
  by anonymous auth
  by * none

# Everything else: read by the service account only; anonymous users see nothing.
access to *
  by dn.exact="$LDAP_READER_DN" read
  by * none
EOF
}

# Writes the test LDIF from the template, with {SSHA} hashes of the generated passwords.
slapd_write_ldif() {
  local ldif="$1" account hash upper
  cp "$LDAP_TEMPLATE" "$ldif"
  for account in "${LDAP_ACCOUNTS[@]}"; do
    [[ "$account" == root ]] && continue
    slapd_secret "$account" >/dev/null
    hash="$(slappasswd -h '{SSHA}' -T "$LDAP_SECRETS/$account")"
    upper="${account^^}"
    # SSHA hashes are base64 ([A-Za-z0-9+/=]) behind "{SSHA}": no '|' to confuse sed.
    sed -i "s|@${upper}_PASSWORD_HASH@|$hash|g" "$ldif"
  done
  if grep -q '@[A-Z]*_PASSWORD_HASH@' "$ldif"; then
    echo "services: $LDAP_TEMPLATE has a placeholder without a password" >&2
    exit 1
  fi
}

start_slapd() {
  echo "services: preseed slapd (no directory of its own)"
  echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections
  apt_install slapd ldap-utils
  local account
  for account in "${LDAP_ACCOUNTS[@]}"; do
    slapd_secret "$account" >/dev/null
  done

  if slapd_answers; then
    echo "services: slapd already answers on $LDAP_URL"
  else
    # Not answering: rebuild the throwaway directory from the fixture and start afresh.
    stop_pidfile "$LDAP_PIDFILE"
    rm -rf "$LDAP_DIR/data"
    mkdir -p "$LDAP_DIR/data"
    slapd_write_conf
    slapd_write_ldif "$LDAP_DIR/directory.ldif"
    slapadd -q -f "$LDAP_CONF" -l "$LDAP_DIR/directory.ldif"
    # slapd daemonizes once it listens; its log goes to syslog, which this machine may not run.
    if ! slapd -f "$LDAP_CONF" -h "$LDAP_URL/"; then
      echo "services: slapd did not start on $LDAP_URL (is the port taken by another slapd?)" >&2
      exit 1
    fi
    local i
    for ((i = 0; i < 100; i++)); do
      slapd_answers && break
      sleep 0.1
    done
    if ! slapd_answers; then
      echo "services: slapd did not answer on $LDAP_URL" >&2
      exit 1
    fi
    echo "services: slapd started on $LDAP_URL (pid $(<"$LDAP_PIDFILE"))"
  fi

  env_line ECLOUD_LDAP_URL "$LDAP_URL"
  env_line ECLOUD_LDAP_BASE_DN "$LDAP_SUFFIX"
  env_line ECLOUD_LDAP_BIND_DN "$LDAP_READER_DN"
  env_line ECLOUD_LDAP_BIND_PASSWORD "$(slapd_secret reader)"
  for account in alice bob carol dave twin; do
    env_line "ECLOUD_LDAP_${account^^}_PASSWORD" "$(slapd_secret "$account")"
  done
}

stop_slapd() {
  stop_pidfile "$LDAP_PIDFILE"
  echo "services: slapd stopped"
}

# ---------------------------------------------------------------------------------------------------
# libvirtd: libvirt (test and QEMU drivers) for @ecloud/driver-kvm

LIBVIRT_DIR="$STATE/libvirt"
LIBVIRT_SOCK_DIR="$LIBVIRT_DIR/sock"
LIBVIRT_SOCK="$LIBVIRT_SOCK_DIR/libvirt-sock"
LIBVIRT_CONF="$LIBVIRT_DIR/libvirtd.conf"
LIBVIRT_PIDFILE="$LIBVIRT_DIR/libvirtd.pid"
VIRTLOGD_CONF="$LIBVIRT_DIR/virtlogd.conf"
VIRTLOGD_PIDFILE="$LIBVIRT_DIR/virtlogd.pid"
LIBVIRT_TEST_URI="test+unix:///default?socket=$LIBVIRT_SOCK"
LIBVIRT_QEMU_URI="qemu+unix:///system?socket=$LIBVIRT_SOCK"
# What the running libvirtd was started with (a checksum of its config and certificates).
LIBVIRT_STARTED_WITH="$LIBVIRT_DIR/libvirtd.started-with"
LIBVIRT_TLS_HOST=127.0.0.1
LIBVIRT_TLS_PORT=16514
# The client's files carry the names libvirt's ?pkipath= looks for (cacert.pem, clientcert.pem,
# clientkey.pem), so virsh can use this directory as it is.
LIBVIRT_PKI_DIR="$LIBVIRT_DIR/pki"
LIBVIRT_TLS_CA="$LIBVIRT_PKI_DIR/cacert.pem"
LIBVIRT_TLS_CA_KEY="$LIBVIRT_PKI_DIR/cakey.pem"
LIBVIRT_TLS_SERVER_CERT="$LIBVIRT_PKI_DIR/servercert.pem"
LIBVIRT_TLS_SERVER_KEY="$LIBVIRT_PKI_DIR/serverkey.pem"
LIBVIRT_TLS_CLIENT_CERT="$LIBVIRT_PKI_DIR/clientcert.pem"
LIBVIRT_TLS_CLIENT_KEY="$LIBVIRT_PKI_DIR/clientkey.pem"
LIBVIRT_TLS_WRONG_CA="$LIBVIRT_PKI_DIR/wrong-ca/cacert.pem"
LIBVIRT_TLS_URI="test+tls://$LIBVIRT_TLS_HOST:$LIBVIRT_TLS_PORT/default?pkipath=$LIBVIRT_PKI_DIR"

# Whether our libvirtd answers on its socket (the test driver's default host).
libvirtd_answers() {
  [[ -S "$LIBVIRT_SOCK" ]] || return 1
  virsh -q -c "$LIBVIRT_TEST_URI" list --all >/dev/null 2>&1
}

# Whether the certificates under $LIBVIRT_PKI_DIR are all there, chain to our CA, name 127.0.0.1, and
# stay valid for at least another day.
libvirt_pki_valid() {
  local file
  for file in "$LIBVIRT_TLS_CA" "$LIBVIRT_TLS_CA_KEY" "$LIBVIRT_TLS_SERVER_CERT" "$LIBVIRT_TLS_SERVER_KEY" \
    "$LIBVIRT_TLS_CLIENT_CERT" "$LIBVIRT_TLS_CLIENT_KEY" "$LIBVIRT_TLS_WRONG_CA"; do
    [[ -s "$file" ]] || return 1
  done
  for file in "$LIBVIRT_TLS_CA" "$LIBVIRT_TLS_SERVER_CERT" "$LIBVIRT_TLS_CLIENT_CERT" "$LIBVIRT_TLS_WRONG_CA"; do
    openssl x509 -in "$file" -noout -checkend 86400 >/dev/null 2>&1 || return 1
  done
  openssl verify -CAfile "$LIBVIRT_TLS_CA" "$LIBVIRT_TLS_SERVER_CERT" "$LIBVIRT_TLS_CLIENT_CERT" >/dev/null 2>&1 ||
    return 1
  openssl x509 -in "$LIBVIRT_TLS_SERVER_CERT" -noout -ext subjectAltName 2>/dev/null |
    grep -q "IP Address:$LIBVIRT_TLS_HOST"
}

# Makes the throwaway PKI afresh: a CA, the server's certificate (IP 127.0.0.1 and DNS localhost) and
# the client's, all RSA 2048 with the key usages libvirt's sanity checks want (a CA that may sign; leaf
# certificates with digitalSignature + keyEncipherment and serverAuth / clientAuth), and an unrelated
# CA with the very same name as ours, which signed none of them: trusting it must not be enough.
libvirt_make_pki() {
  local cnf="$LIBVIRT_PKI_DIR/openssl.cnf" ca_subject='/O=ecloud test/CN=ecloud test libvirt CA'
  rm -rf "$LIBVIRT_PKI_DIR"
  mkdir -p "$LIBVIRT_PKI_DIR/wrong-ca"
  chmod 700 "$LIBVIRT_PKI_DIR"
  cat >"$cnf" <<EOF
# written by scripts/services.sh; extensions of the throwaway libvirt test PKI
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:$LIBVIRT_TLS_HOST, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  local key
  for key in "$LIBVIRT_TLS_CA_KEY" "$LIBVIRT_TLS_SERVER_KEY" "$LIBVIRT_TLS_CLIENT_KEY" "$LIBVIRT_PKI_DIR/wrong-ca/cakey.pem"; do
    (
      umask 077
      openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key"
    )
  done
  openssl req -x509 -new -key "$LIBVIRT_TLS_CA_KEY" -subj "$ca_subject" -days 3650 \
    -config "$cnf" -extensions ca -out "$LIBVIRT_TLS_CA"
  openssl req -x509 -new -key "$LIBVIRT_PKI_DIR/wrong-ca/cakey.pem" -subj "$ca_subject" -days 3650 \
    -config "$cnf" -extensions ca -out "$LIBVIRT_TLS_WRONG_CA"
  # The wrong CA never signs anything: its key is of no use to anyone.
  rm -f "$LIBVIRT_PKI_DIR/wrong-ca/cakey.pem"
  local name cn out
  for name in server client; do
    if [[ "$name" == server ]]; then cn="$LIBVIRT_TLS_HOST"; else cn='ecloud test libvirt client'; fi
    openssl req -new -key "$LIBVIRT_PKI_DIR/${name}key.pem" -subj "/O=ecloud test/CN=$cn" -config "$cnf" \
      -out "$LIBVIRT_PKI_DIR/$name.csr"
    # openssl x509 -req chats on stderr even when it succeeds: shown only when it fails.
    if ! out="$(openssl x509 -req -in "$LIBVIRT_PKI_DIR/$name.csr" -CA "$LIBVIRT_TLS_CA" \
      -CAkey "$LIBVIRT_TLS_CA_KEY" -set_serial "0x$(random_secret)" -days 825 -extfile "$cnf" \
      -extensions "$name" -out "$LIBVIRT_PKI_DIR/${name}cert.pem" 2>&1)"; then
      echo "services: openssl could not sign the libvirt $name certificate: $out" >&2
      exit 1
    fi
    rm -f "$LIBVIRT_PKI_DIR/$name.csr"
  done
  if ! libvirt_pki_valid; then
    echo "services: the libvirt test certificates under $LIBVIRT_PKI_DIR do not verify" >&2
    exit 1
  fi
  echo "services: made the libvirt test PKI under $LIBVIRT_PKI_DIR"
}

# Whether something listens on libvirtd's TLS port.
libvirtd_listens_tls() {
  [[ -n "$(ss -ltnH "src $LIBVIRT_TLS_HOST:$LIBVIRT_TLS_PORT" 2>/dev/null)" ]]
}

# A checksum of what libvirtd reads at start: its config and the server's certificates.
libvirtd_config_sum() {
  cat "$LIBVIRT_CONF" "$LIBVIRT_TLS_CA" "$LIBVIRT_TLS_SERVER_CERT" "$LIBVIRT_TLS_SERVER_KEY" |
    sha256sum | cut -d' ' -f1
}

# Writes libvirtd.conf (unix socket in our state dir with no authentication; TLS on loopback with a
# verified client certificate and no further authentication; no plain TCP) and virtlogd.conf.
libvirtd_write_conf() {
  cat >"$LIBVIRT_CONF" <<EOF
# written by scripts/services.sh; a throwaway test daemon on a unix socket and TLS on loopback
unix_sock_dir = "$LIBVIRT_SOCK_DIR"
unix_sock_ro_perms = "0700"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
listen_tcp = 0
listen_tls = 1
listen_addr = "$LIBVIRT_TLS_HOST"
tls_port = "$LIBVIRT_TLS_PORT"
key_file = "$LIBVIRT_TLS_SERVER_KEY"
cert_file = "$LIBVIRT_TLS_SERVER_CERT"
ca_file = "$LIBVIRT_TLS_CA"
# libvirt's default, spelled out: the client's certificate is required and must chain to ca_file.
# It is the only credential on this port (auth_tls none, no tls_allowed_dn_list).
tls_no_verify_certificate = 0
auth_tls = "none"
log_outputs = "3:file:$LIBVIRT_DIR/libvirtd.log"
EOF
  cat >"$VIRTLOGD_CONF" <<EOF
# written by scripts/services.sh
log_outputs = "3:file:$LIBVIRT_DIR/virtlogd.log"
EOF
}

start_libvirtd() {
  # Debian 12 ships the QEMU driver as libvirt-daemon-driver-qemu (a dependency of libvirt-daemon);
  # libvirt-daemon-system (systemd units, /etc/libvirt/qemu.conf, the libvirt-qemu user) is not needed.
  apt_install libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 qemu-utils netcat-openbsd \
    openssl iproute2
  # The QEMU driver runs guests as libvirt-qemu:libvirt-qemu (Debian's build default, no qemu.conf
  # here) and needs that user and group; libvirt-daemon-system would create them.
  if ! getent group libvirt-qemu >/dev/null; then
    groupadd -r libvirt-qemu
  fi
  if ! getent passwd libvirt-qemu >/dev/null; then
    useradd -r -g libvirt-qemu -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
  fi
  # A unix socket path holds at most 107 bytes.
  if ((${#LIBVIRT_SOCK} > 100)); then
    echo "services: $LIBVIRT_SOCK is too long for a unix socket; use a shorter checkout path" >&2
    exit 1
  fi
  mkdir -p "$LIBVIRT_SOCK_DIR" /run/libvirt
  chmod 700 "$LIBVIRT_DIR"
  libvirt_pki_valid || libvirt_make_pki
  libvirtd_write_conf

  # virtlogd's socket is the system one (/run/libvirt/virtlogd-sock): the QEMU driver looks there.
  if pidfile_alive "$VIRTLOGD_PIDFILE"; then
    echo "services: virtlogd already runs (pid $(<"$VIRTLOGD_PIDFILE"))"
  elif ! virtlogd -d -f "$VIRTLOGD_CONF" -p "$VIRTLOGD_PIDFILE"; then
    echo "services: virtlogd did not start (another one on /run/libvirt/virtlogd-sock?)" >&2
    exit 1
  fi

  # libvirtd reads its config and certificates once: one started by an older script (no TLS) or
  # before the certificates were remade must be restarted, which loses the test driver's state.
  local config_sum
  config_sum="$(libvirtd_config_sum)"
  if pidfile_alive "$LIBVIRT_PIDFILE" &&
    { [[ "$(cat "$LIBVIRT_STARTED_WITH" 2>/dev/null)" != "$config_sum" ]] || ! libvirtd_listens_tls; }; then
    echo "services: libvirtd (pid $(<"$LIBVIRT_PIDFILE")) runs with another config; restarting it"
    stop_pidfile "$LIBVIRT_PIDFILE"
  fi
  if pidfile_alive "$LIBVIRT_PIDFILE"; then
    echo "services: libvirtd already runs (pid $(<"$LIBVIRT_PIDFILE"))"
  else
    rm -f "$LIBVIRT_PIDFILE" "$LIBVIRT_STARTED_WITH"
    # -d: forks into the background once started; it logs to $LIBVIRT_DIR/libvirtd.log.
    # -l: without it a libvirtd that is not socket-activated ignores listen_tls and opens no TCP port.
    if ! libvirtd -d -l -f "$LIBVIRT_CONF" -p "$LIBVIRT_PIDFILE"; then
      echo "services: libvirtd did not start (port $LIBVIRT_TLS_PORT taken?); see $LIBVIRT_DIR/libvirtd.log" >&2
      exit 1
    fi
    echo "$config_sum" >"$LIBVIRT_STARTED_WITH"
  fi
  local i
  for ((i = 0; i < 300; i++)); do
    libvirtd_answers && break
    sleep 0.1
  done
  if ! libvirtd_answers; then
    echo "services: libvirtd does not answer '$LIBVIRT_TEST_URI' after 30 s; see $LIBVIRT_DIR/libvirtd.log" >&2
    exit 1
  fi
  echo "services: libvirtd answers on $LIBVIRT_SOCK (pid $(<"$LIBVIRT_PIDFILE"))"
  check_libvirt_over_tls

  env_line ECLOUD_LIBVIRT_SOCKET "$LIBVIRT_SOCK"
  env_line ECLOUD_LIBVIRT_TEST_URI "$LIBVIRT_TEST_URI"
  env_line ECLOUD_LIBVIRT_QEMU_URI "$LIBVIRT_QEMU_URI"
  env_line ECLOUD_LIBVIRT_TLS_HOST "$LIBVIRT_TLS_HOST"
  env_line ECLOUD_LIBVIRT_TLS_PORT "$LIBVIRT_TLS_PORT"
  env_line ECLOUD_LIBVIRT_TLS_CA "$LIBVIRT_TLS_CA"
  env_line ECLOUD_LIBVIRT_TLS_CERT "$LIBVIRT_TLS_CLIENT_CERT"
  env_line ECLOUD_LIBVIRT_TLS_KEY "$LIBVIRT_TLS_CLIENT_KEY"
  env_line ECLOUD_LIBVIRT_TLS_WRONG_CA "$LIBVIRT_TLS_WRONG_CA"
}

# Checks once that virsh (libvirt's own GnuTLS client) reaches libvirtd over TLS with our client
# certificate, verifying the daemon's certificate and that it names 127.0.0.1.
check_libvirt_over_tls() {
  # stdin from /dev/null: nothing may wait at a prompt.
  if ! virsh -q -c "$LIBVIRT_TLS_URI" list --all </dev/null >/dev/null; then
    echo "services: virsh does not reach libvirtd over TLS ($LIBVIRT_TLS_URI); see $LIBVIRT_DIR/libvirtd.log" >&2
    exit 1
  fi
  echo "services: virsh reaches libvirtd over TLS on $LIBVIRT_TLS_HOST:$LIBVIRT_TLS_PORT (certificates verified)"
}

stop_libvirtd() {
  stop_pidfile "$LIBVIRT_PIDFILE"
  rm -f "$LIBVIRT_STARTED_WITH"
  stop_pidfile "$VIRTLOGD_PIDFILE"
  echo "services: libvirtd and virtlogd stopped"
}

# ---------------------------------------------------------------------------------------------------
# libvirt pair: two more libvirtd daemons, as two KVM hosts between which guests migrate

# Two root daemons would share compiled-in paths (/run/libvirt/qemu, /var/lib/libvirt/qemu), so each
# host of the pair is a session-mode libvirtd of its own throwaway user, with its own XDG directories,
# socket, host UUID (libvirt refuses to migrate to "the same host") and QEMU migration ports.
PAIR_DIR="$STATE/libvirt-pair"
PAIR_HOSTS=(a b)
declare -A PAIR_UUID=([a]=6d1c9a3e-0b1f-4c2a-9a51-5a0e3c1d0a01 [b]=6d1c9a3e-0b1f-4c2a-9a51-5a0e3c1d0a02)
declare -A PAIR_PORT_MIN=([a]=49400 [b]=49500)

pair_user() { echo "ecloud-kvm-$1"; }
pair_socket() { echo "$PAIR_DIR/$1/sock/libvirt-sock"; }
pair_uri() { echo "qemu+unix:///session?socket=$(pair_socket "$1")"; }

# Whether host "$1" of the pair answers on its socket.
pair_answers() {
  [[ -S "$(pair_socket "$1")" ]] && virsh -q -c "$(pair_uri "$1")" uri >/dev/null 2>&1
}

# Writes host "$1"'s libvirtd.conf and qemu.conf into its XDG config directory.
pair_write_conf() {
  local host="$1" dir="$PAIR_DIR/$1"
  local port_min="${PAIR_PORT_MIN[$host]}"
  local port_max=$((port_min + 99))
  cat >"$dir/config/libvirt/libvirtd.conf" <<EOF
# written by scripts/services.sh; session libvirtd of the pair's host $host
unix_sock_dir = "$dir/sock"
# The other host's daemon (another user) dials this socket during a peer-to-peer migration.
unix_sock_rw_perms = "0777"
unix_sock_admin_perms = "0700"
auth_unix_rw = "none"
host_uuid = "${PAIR_UUID[$host]}"
log_outputs = "3:file:$dir/libvirtd.log"
EOF
  cat >"$dir/config/libvirt/qemu.conf" <<EOF
# written by scripts/services.sh. libvirt refuses 127.0.0.1 and ::1 as a migration address ("the address
# of the local machine"); the rest of 127.0.0.0/8 is loopback too on Linux.
migration_address = "127.0.0.2"
migration_host = "127.0.0.2"
migration_port_min = $port_min
migration_port_max = $port_max
EOF
}

start_pair_host() {
  local host="$1" dir="$PAIR_DIR/$1" user
  user="$(pair_user "$host")"
  if ! getent passwd "$user" >/dev/null; then
    useradd -r -M -d "$dir/home" -s /usr/sbin/nologin "$user"
  fi
  mkdir -p "$dir"/{home,config/libvirt,cache,run,sock}
  chmod 0755 "$dir" "$dir/sock"
  chmod 0700 "$dir/run"
  pair_write_conf "$host"
  chown -R "$user:" "$dir"
  if pidfile_alive "$dir/libvirtd.pid"; then
    echo "services: libvirtd of pair host $host already runs (pid $(<"$dir/libvirtd.pid"))"
  else
    runuser -u "$user" -- env -i HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" \
      XDG_RUNTIME_DIR="$dir/run" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C \
      libvirtd -d -f "$dir/config/libvirt/libvirtd.conf" -p "$dir/libvirtd.pid"
  fi
  local i
  for ((i = 0; i < 300; i++)); do
    pair_answers "$host" && break
    sleep 0.1
  done
  if ! pair_answers "$host"; then
    echo "services: libvirtd of pair host $host does not answer; see $dir/libvirtd.log" >&2
    exit 1
  fi
  # QEMU's capabilities are probed once per daemon and cached: pay for it here, not in a test.
  virsh -q -c "$(pair_uri "$host")" domcapabilities --virttype qemu >/dev/null
  echo "services: libvirtd of pair host $host answers on $(pair_socket "$host") (pid $(<"$dir/libvirtd.pid"))"
}

start_libvirt_pair() {
  mkdir -p "$PAIR_DIR"
  chmod 0755 "$PAIR_DIR"
  local host
  for host in "${PAIR_HOSTS[@]}"; do
    start_pair_host "$host"
    env_line "ECLOUD_LIBVIRT_PAIR_${host^^}_SOCKET" "$(pair_socket "$host")"
    env_line "ECLOUD_LIBVIRT_PAIR_${host^^}_URI" "$(pair_uri "$host")"
  done
}

stop_libvirt_pair() {
  local host dir pidfile
  for host in "${PAIR_HOSTS[@]}"; do
    dir="$PAIR_DIR/$host"
    # The host's guests, its session virtlogd and itself, by the pidfiles under its directories (never
    # by process name: other daemons' guests run here too).
    for pidfile in "$dir"/run/libvirt/qemu/run/*.pid "$dir"/run/libvirt/virtlogd.pid "$dir/libvirtd.pid"; do
      if [[ -e "$pidfile" ]]; then stop_pidfile "$pidfile"; fi
    done
  done
  echo "services: libvirt pair stopped"
}

# ---------------------------------------------------------------------------------------------------
# sshd: OpenSSH for libvirt's SSH transport

SSH_HOST=127.0.0.1
SSH_PORT=2222
SSH_USER=root
SSH_DIR="$STATE/sshd"
SSH_CONF="$SSH_DIR/sshd_config"
SSH_PIDFILE="$SSH_DIR/sshd.pid"
SSH_HOST_KEY="$SSH_DIR/ssh_host_ed25519_key"
SSH_CLIENT_KEY="$SSH_DIR/id_ed25519"
SSH_AUTHORIZED_KEYS="$SSH_DIR/authorized_keys"
SSH_KNOWN_HOSTS="$SSH_DIR/known_hosts"

# Whether something listens on 127.0.0.1:2222.
sshd_listens() {
  [[ -n "$(ss -ltnH "src $SSH_HOST:$SSH_PORT" 2>/dev/null)" ]]
}

# Writes sshd_config: loopback only, public keys only, root allowed, streamlocal forwarding for libvirt.
sshd_write_conf() {
  cat >"$SSH_CONF" <<EOF
# written by scripts/services.sh; a throwaway test sshd on loopback
Port $SSH_PORT
ListenAddress $SSH_HOST
HostKey $SSH_HOST_KEY
PidFile $SSH_PIDFILE
AuthorizedKeysFile $SSH_AUTHORIZED_KEYS
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowStreamLocalForwarding yes
X11Forwarding no
EOF
}

start_sshd() {
  apt_install openssh-server openssh-client iproute2
  mkdir -p "$SSH_DIR" /run/sshd
  chmod 700 "$SSH_DIR"
  if [[ ! -s "$SSH_HOST_KEY" ]]; then
    ssh-keygen -q -t ed25519 -N '' -C 'ecloud-test-host' -f "$SSH_HOST_KEY"
  fi
  if [[ ! -s "$SSH_CLIENT_KEY" ]]; then
    ssh-keygen -q -t ed25519 -N '' -C 'ecloud-test-client' -f "$SSH_CLIENT_KEY"
  fi
  cp "$SSH_CLIENT_KEY.pub" "$SSH_AUTHORIZED_KEYS"
  # known_hosts: "[host]:port keytype key", the form clients look up for a non-standard port.
  printf '[%s]:%s %s\n' "$SSH_HOST" "$SSH_PORT" "$(cut -d' ' -f1,2 "$SSH_HOST_KEY.pub")" >"$SSH_KNOWN_HOSTS"
  sshd_write_conf
  /usr/sbin/sshd -t -f "$SSH_CONF"

  if pidfile_alive "$SSH_PIDFILE"; then
    echo "services: sshd already runs (pid $(<"$SSH_PIDFILE"))"
  else
    rm -f "$SSH_PIDFILE"
    # sshd binds, then daemonizes and writes its pidfile; -E: its log goes to a file, not syslog.
    if ! /usr/sbin/sshd -f "$SSH_CONF" -E "$SSH_DIR/sshd.log"; then
      echo "services: sshd did not start on $SSH_HOST:$SSH_PORT (port taken?); see $SSH_DIR/sshd.log" >&2
      exit 1
    fi
  fi
  local i
  for ((i = 0; i < 100; i++)); do
    sshd_listens && pidfile_alive "$SSH_PIDFILE" && break
    sleep 0.1
  done
  if ! sshd_listens || ! pidfile_alive "$SSH_PIDFILE"; then
    echo "services: sshd does not listen on $SSH_HOST:$SSH_PORT; see $SSH_DIR/sshd.log" >&2
    exit 1
  fi
  echo "services: sshd listens on $SSH_HOST:$SSH_PORT (pid $(<"$SSH_PIDFILE"))"

  env_line ECLOUD_SSH_HOST "$SSH_HOST"
  env_line ECLOUD_SSH_PORT "$SSH_PORT"
  env_line ECLOUD_SSH_USER "$SSH_USER"
  env_line ECLOUD_SSH_KEY "$SSH_CLIENT_KEY"
  env_line ECLOUD_SSH_KNOWN_HOSTS "$SSH_KNOWN_HOSTS"
  env_line ECLOUD_SSH_HOST_KEY_FINGERPRINT "$(ssh-keygen -lf "$SSH_HOST_KEY.pub" | cut -d' ' -f2)"
}

stop_sshd() {
  stop_pidfile "$SSH_PIDFILE"
  echo "services: sshd stopped"
}

# Checks once that virsh reaches libvirtd through sshd, verifying the host key against our known_hosts:
# ssh as root, then nc to the libvirt socket on the "remote" side (this machine). It uses libvirt's
# libssh transport, which takes the known_hosts file in the URI; the ssh-binary transport (test+ssh://)
# could only skip the check (no_verify=1), and would then write the key into ~/.ssh/known_hosts.
check_libvirt_over_ssh() {
  local uri="test+libssh://$SSH_USER@$SSH_HOST:$SSH_PORT/default?socket=$LIBVIRT_SOCK"
  uri+="&keyfile=$SSH_CLIENT_KEY&sshauth=privkey&known_hosts=$SSH_KNOWN_HOSTS&known_hosts_verify=normal"
  # stdin from /dev/null: an unknown host key is refused, never accepted at a prompt.
  if ! virsh -q -c "$uri" list --all </dev/null >/dev/null; then
    echo "services: virsh does not reach libvirtd through sshd ($uri); see $SSH_DIR/sshd.log" >&2
    exit 1
  fi
  echo "services: virsh reaches libvirtd through sshd (host key verified)"
}

# ---------------------------------------------------------------------------------------------------
# vcsim: govmomi's vCenter simulator for @ecloud/driver-vmware

VCSIM_HOST=127.0.0.1
VCSIM_PORT=8989
VCSIM_URL="https://$VCSIM_HOST:$VCSIM_PORT/sdk"
VCSIM_USERNAME='administrator@vsphere.local'
VCSIM_SRC="$ROOT/packages/driver-vmware/test/vcsim"
VCSIM_DIR="$STATE/vcsim"
VCSIM_BIN="$VCSIM_DIR/vcsim"
VCSIM_GOCACHE="$VCSIM_DIR/gocache"
# What the binary was built from (a checksum of its Go source, the Go toolchain and Debian's govmomi).
VCSIM_BUILT_FROM="$VCSIM_DIR/vcsim.built-from"
VCSIM_PIDFILE="$VCSIM_DIR/vcsim.pid"
VCSIM_LOG="$VCSIM_DIR/vcsim.log"
# What the running simulator was started with (a checksum of the binary, its flags and the password).
VCSIM_STARTED_WITH="$VCSIM_DIR/vcsim.started-with"
VCSIM_PASSWORD_FILE="$VCSIM_DIR/password"
# Written by the simulator itself once it serves (and removed when it stops): its self-signed TLS
# certificate, which clients trust as their CA, and its URL.
VCSIM_CA="$VCSIM_DIR/ca.pem"
VCSIM_URL_FILE="$VCSIM_DIR/url"
# The simulated datastores are temporary directories (one per datastore, a folder per VM in each):
# under our state dir, not /tmp, so a killed simulator leaves nothing elsewhere.
VCSIM_TMP="$VCSIM_DIR/tmp"
# The tests' inventory: DC0 with one cluster DC0_C0 of 3 hosts (DC0_C0_H0..2), 4 VMs
# (DC0_C0_RP0_VM0..3, powered on, spread over the hosts), one datastore LocalDS_0 and one
# distributed port group DC0_DVPG0.
VCSIM_FLAGS=(-dc 1 -cluster 1 -host 3 -standalone-host 0 -vm 4 -ds 1 -pg 1)
# The Go build: GOPATH mode against Debian's packaged sources, nothing fetched.
VCSIM_GO_ENV=(GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$VCSIM_GOCACHE" GOPROXY=off GOFLAGS=)
VCSIM_SOAP_HEADERS=(-H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: urn:vim25/6.5')

# Wraps SOAP body "$1" in an envelope.
vcsim_envelope() {
  printf '%s' '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"' \
    ' xmlns:vim25="urn:vim25"><soapenv:Body>' "$1" '</soapenv:Body></soapenv:Envelope>'
}

# Whether our simulator answers RetrieveServiceContent as a vCenter, over TLS verified with the
# certificate it wrote (no -k).
vcsim_answers() {
  local answer
  [[ -s "$VCSIM_CA" ]] || return 1
  answer="$(curl -sS --max-time 5 --cacert "$VCSIM_CA" "${VCSIM_SOAP_HEADERS[@]}" --data "$(vcsim_envelope \
    '<vim25:RetrieveServiceContent><vim25:_this type="ServiceInstance">ServiceInstance</vim25:_this></vim25:RetrieveServiceContent>')" \
    "$VCSIM_URL" 2>/dev/null)" || return 1
  [[ "$answer" == *'<apiType>VirtualCenter</apiType>'* ]]
}

# Prints the simulator's answer to a Login as user "$1" with password "$2" (the body goes through
# stdin, so the password is in no process's arguments).
vcsim_login() {
  vcsim_envelope "<vim25:Login><vim25:_this type=\"SessionManager\">SessionManager</vim25:_this><vim25:userName>$1</vim25:userName><vim25:password>$2</vim25:password></vim25:Login>" |
    curl -sS --max-time 5 --cacert "$VCSIM_CA" "${VCSIM_SOAP_HEADERS[@]}" --data-binary @- "$VCSIM_URL"
}

# A checksum of what the binary is built from: the source, the Go toolchain, Debian's govmomi and
# uuid packages, and the build environment.
vcsim_source_sum() {
  {
    cat "$VCSIM_SRC"/*.go
    go version
    dpkg-query -W -f='${Package} ${Version}\n' golang-github-vmware-govmomi-dev golang-github-google-uuid-dev
    echo "${VCSIM_GO_ENV[@]}"
  } | sha256sum | cut -d' ' -f1
}

# Builds the binary when it is missing or its source or toolchain changed (offline: GOPATH mode on
# /usr/share/gocode, GOPROXY=off; a cold build takes ~45 s, the Go cache stays under .ecloud/vcsim/).
vcsim_build() {
  local sum
  sum="$(vcsim_source_sum)"
  if [[ -x "$VCSIM_BIN" && "$(cat "$VCSIM_BUILT_FROM" 2>/dev/null)" == "$sum" ]]; then
    return 0
  fi
  echo "services: building $VCSIM_BIN from $VCSIM_SRC"
  rm -f "$VCSIM_BUILT_FROM"
  (
    cd "$VCSIM_SRC"
    env "${VCSIM_GO_ENV[@]}" go build -o "$VCSIM_BIN.new" .
  )
  mv -f "$VCSIM_BIN.new" "$VCSIM_BIN"
  echo "$sum" >"$VCSIM_BUILT_FROM"
}

start_vcsim() {
  apt_install golang-go golang-github-vmware-govmomi-dev curl
  mkdir -p "$VCSIM_DIR"
  chmod 700 "$VCSIM_DIR"
  if [[ ! -s "$VCSIM_PASSWORD_FILE" ]]; then
    (
      umask 077
      random_secret >"$VCSIM_PASSWORD_FILE"
    )
  fi
  vcsim_build

  # A simulator started from another binary, with other flags or another password is restarted (a
  # restart loses whatever the tests changed in the inventory); so is one that stopped answering.
  local started_with
  started_with="$(
    {
      sha256sum "$VCSIM_BIN"
      echo "$VCSIM_HOST:$VCSIM_PORT $VCSIM_USERNAME ${VCSIM_FLAGS[*]}"
      cat "$VCSIM_PASSWORD_FILE"
    } | sha256sum | cut -d' ' -f1
  )"
  if pidfile_alive "$VCSIM_PIDFILE" &&
    { [[ "$(cat "$VCSIM_STARTED_WITH" 2>/dev/null)" != "$started_with" ]] || ! vcsim_answers; }; then
    echo "services: vcsim (pid $(<"$VCSIM_PIDFILE")) runs another build or config, or does not answer; restarting it"
    stop_vcsim >/dev/null
  fi
  if pidfile_alive "$VCSIM_PIDFILE"; then
    echo "services: vcsim already runs (pid $(<"$VCSIM_PIDFILE"))"
  else
    rm -f "$VCSIM_PIDFILE" "$VCSIM_STARTED_WITH" "$VCSIM_CA" "$VCSIM_URL_FILE"
    rm -rf "$VCSIM_TMP"
    mkdir -p "$VCSIM_TMP"
    # setsid: its own session, so no terminal's or process group's signal reaches it; it logs its
    # inventory, then errors only, to $VCSIM_LOG, and stops cleanly on SIGTERM.
    TMPDIR="$VCSIM_TMP" setsid "$VCSIM_BIN" -listen "$VCSIM_HOST:$VCSIM_PORT" -url-file "$VCSIM_URL_FILE" \
      -cert-file "$VCSIM_CA" -username "$VCSIM_USERNAME" -password-file "$VCSIM_PASSWORD_FILE" \
      "${VCSIM_FLAGS[@]}" </dev/null >>"$VCSIM_LOG" 2>&1 &
    echo "$!" >"$VCSIM_PIDFILE"
    echo "$started_with" >"$VCSIM_STARTED_WITH"
  fi
  local i
  for ((i = 0; i < 300; i++)); do
    vcsim_answers && break
    if ! pidfile_alive "$VCSIM_PIDFILE"; then
      rm -f "$VCSIM_PIDFILE" "$VCSIM_STARTED_WITH"
      echo "services: vcsim exited (port $VCSIM_PORT taken?); the end of $VCSIM_LOG:" >&2
      tail -n 5 "$VCSIM_LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  if ! vcsim_answers; then
    stop_vcsim >/dev/null
    echo "services: vcsim does not answer on $VCSIM_URL after 30 s (stopped it); see $VCSIM_LOG" >&2
    exit 1
  fi
  echo "services: vcsim answers on $VCSIM_URL (pid $(<"$VCSIM_PIDFILE"), certificate verified)"
  check_vcsim_login

  env_line ECLOUD_VCSIM_URL "$VCSIM_URL"
  env_line ECLOUD_VCSIM_USERNAME "$VCSIM_USERNAME"
  env_line ECLOUD_VCSIM_PASSWORD "$(<"$VCSIM_PASSWORD_FILE")"
  env_line ECLOUD_VCSIM_CA "$VCSIM_CA"
  env_line ECLOUD_VCSIM_BIN "$VCSIM_BIN"
}

# Checks once that the simulator accepts our credentials and refuses a wrong password (InvalidLogin).
check_vcsim_login() {
  local answer
  answer="$(vcsim_login "$VCSIM_USERNAME" "$(<"$VCSIM_PASSWORD_FILE")")" || true
  if [[ "$answer" != *'<LoginResponse'* ]]; then
    echo "services: vcsim refuses Login as $VCSIM_USERNAME: $answer" >&2
    exit 1
  fi
  answer="$(vcsim_login "$VCSIM_USERNAME" "wrong-$(random_secret)")" || true
  if [[ "$answer" != *'<InvalidLoginFault'* ]]; then
    echo "services: vcsim does not refuse a wrong password with InvalidLogin: $answer" >&2
    exit 1
  fi
  echo "services: vcsim accepts $VCSIM_USERNAME and refuses a wrong password"
}

stop_vcsim() {
  stop_pidfile "$VCSIM_PIDFILE"
  rm -f "$VCSIM_STARTED_WITH" "$VCSIM_CA" "$VCSIM_URL_FILE"
  rm -rf "$VCSIM_TMP"
  echo "services: vcsim stopped"
}

# ---------------------------------------------------------------------------------------------------

start() {
  mkdir -p "$STATE"
  {
    echo "# written by scripts/services.sh start; source it before running system tests"
    echo "export ECLOUD_SERVICES_STARTED=1"
  } >"$ENV_FILE"
  start_slapd
  start_libvirtd
  start_libvirt_pair
  start_sshd
  check_libvirt_over_ssh
  start_vcsim
  echo "services: wrote $ENV_FILE"
}

stop() {
  stop_vcsim
  stop_sshd
  stop_libvirt_pair
  stop_libvirtd
  stop_slapd
  rm -f "$ENV_FILE"
  echo "services: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

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

start() {
  mkdir -p "$STATE"
  {
    echo "# written by scripts/services.sh start; source it before running system tests"
    echo "export ECLOUD_SERVICES_STARTED=1"
  } >"$ENV_FILE"
  start_slapd
  echo "services: wrote $ENV_FILE"
}

stop() {
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

#!/usr/bin/env bash
# The one place that installs (apt-get) and starts the real services the system tests need, on
# loopback, and writes their addresses to .ecloud/services.env for tests to source.
#
#   scripts/services.sh start   # idempotent: installs what is missing, starts what is not running
#   scripts/services.sh stop
#
# Each driver issue adds its service here (libvirtd, sshd, vcsim, slapd, PostgreSQL, tgtd, ...).
# The foundation needs none yet, so `start` only prepares the state folder and an empty env file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.ecloud"
ENV_FILE="$STATE/services.env"

start() {
  mkdir -p "$STATE"
  {
    echo "# written by scripts/services.sh start; source it before running system tests"
    echo "export ECLOUD_SERVICES_STARTED=1"
  } >"$ENV_FILE"
  echo "services: none needed yet; wrote $ENV_FILE"
}

stop() {
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

#!/usr/bin/env bash
# Starts the local services the integration tests use when they are not running, and installs
# Debian's chromium for the browser tests when it is missing. Safe to run repeatedly.
set -uo pipefail
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open 5432 && command -v pg_ctlcluster >/dev/null; then
  echo "ensure-services: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
if ! port_open 4222 && [ -x /usr/sbin/nats-server ]; then
  echo "ensure-services: starting NATS with JetStream"
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || true
fi
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  echo "ensure-services: installing Debian chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "ensure-services: chromium install failed"
fi
for i in $(seq 1 20); do port_open 5432 && port_open 4222 && break; sleep 0.5; done
port_open 5432 && echo "ensure-services: PostgreSQL up" || echo "ensure-services: PostgreSQL not reachable"
port_open 4222 && echo "ensure-services: NATS up" || echo "ensure-services: NATS not reachable"
exit 0

#!/usr/bin/env bash
# CI check of the image and the topology (called by .ci/run; about 3-5 minutes):
#   build the image with podman, run the release step (migrate) and load the demo content into a fresh
#   PostgreSQL database, start two read-only containers on the host network behind Debian's nginx with
#   deploy/nginx.conf and a certificate made on the fly, and check what a sysadmin relies on:
#   home, a Land page and a static file through nginx (TLS, redirect, request id, static cache), /healthz
#   200 and 503 for a container whose database goes away, the HEALTHCHECK, non-root, --read-only, no
#   tests/docs/compilers in the image, a publish through one container visible on the other, JSON logs.
# Needs root (podman, apt-get for nginx), PostgreSQL at CI_POSTGRES_ADMIN_URL and redis-server.
# Prints the image size and the build time. Fails on the first check that fails.
set -euo pipefail
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$(date +%s)

TAG=${IMAGE_TAG:-localhost/starkimamt:ci}
PG_ADMIN_URL=${CI_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB_NAME=${IMAGE_CHECK_DB:-sia_image_check}
NAME=sia-image-check
WORK=$(mktemp -d /tmp/starkimamt-image.XXXXXX)
chmod 755 "$WORK"

say() { printf '  %s\n' "$*"; }
fail() { printf 'FEHLER: %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

cleanup() {
    set +e
    for c in web1 web2 web3; do podman rm -f -t 5 "$NAME-$c" >/dev/null 2>&1; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
    [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
    [ -n "${FORWARDER_PID:-}" ] && kill "$FORWARDER_PID" 2>/dev/null
    [ -n "${PROXY_PORT:-}" ] && pkill -f "socat TCP-LISTEN:$PROXY_PORT," 2>/dev/null
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1
    if [ -n "${KEEP_WORK:-}" ]; then echo "Arbeitsverzeichnis: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- Tools -------------------------------------------------------------------------------------------------
for prepare in ../shared/container/prepare ${CONTAINER_PREPARE:-}; do
    if [ -x "$prepare" ]; then "$prepare"; break; fi
done
command -v podman >/dev/null || fail "podman fehlt (../shared/container/prepare oder apt-get install podman)"
if ! command -v nginx >/dev/null; then
    # Install without starting Debian's own site on port 80 (policy-rc.d 101: no service starts); this
    # check runs its own nginx only.
    as_root sh -c '[ -e /usr/sbin/policy-rc.d ] || { printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; touch /tmp/.sia-policy-rc; }'
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    as_root sh -c '[ ! -e /tmp/.sia-policy-rc ] || rm -f /usr/sbin/policy-rc.d /tmp/.sia-policy-rc'
fi
command -v redis-server >/dev/null || fail "redis-server fehlt"

# --- Build ---------------------------------------------------------------------------------------------------
BUILD_START=$(date +%s)
podman build --network host --format docker --quiet -t "$TAG" . >/dev/null
BUILD_SECONDS=$(( $(date +%s) - BUILD_START ))
IMAGE_BYTES=$(podman image inspect --format '{{.Size}}' "$TAG")
echo "Image $TAG: $(( IMAGE_BYTES / 1000000 )) MB, gebaut in ${BUILD_SECONDS} s"

run_once() { podman run --rm --no-healthcheck --network host --env-file "$WORK/env" -v "$WORK/media:/app/media" "$TAG" "$@"; }

# --- The image itself ----------------------------------------------------------------------------------------
[ "$(podman run --rm --no-healthcheck "$TAG" id -u)" = 10001 ] || fail "das Image läuft nicht als uid 10001"
podman run --rm --no-healthcheck "$TAG" sh -c '
    for p in tests bench docs .ci deploy README.md conftest.py .git; do [ ! -e "/app/$p" ] || { echo "/app/$p im Image"; exit 1; }; done
    for t in gcc cc make curl wget; do ! command -v $t >/dev/null || { echo "$t im Image"; exit 1; }; done
    ! touch /app/x 2>/dev/null || { echo "/app ist für uid 10001 schreibbar"; exit 1; }
    [ "$(stat -c %u /app/manage.py)" = 0 ] || { echo "Code gehört nicht root"; exit 1; }' || fail "Inhalt des Images"
say "Image: uid 10001, Code gehört root und ist nur lesbar, keine Tests/Doku/Compiler/curl"

# --- Services: a private Redis, a fresh database ------------------------------------------------------------
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --maxmemory 64mb \
    --maxmemory-policy allkeys-lru --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $DB_NAME" >/dev/null
DB_URL="${PG_ADMIN_URL%/*}/$DB_NAME"
PORT1=$(free_port); PORT2=$(free_port); PORT3=$(free_port); HTTPS_PORT=$(free_port); HTTP_PORT=$(free_port)
mkdir -p "$WORK/media" && chown 10001:10001 "$WORK/media"
cat > "$WORK/env" <<ENV
SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
ALLOWED_HOSTS=localhost
CSRF_TRUSTED_ORIGINS=https://localhost:$HTTPS_PORT
DATABASE_URL=$DB_URL
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
TRUSTED_PROXY_COUNT=1
GUNICORN_WORKERS=2
GUNICORN_THREADS=2
ENV

# --- Release step --------------------------------------------------------------------------------------------
T=$(date +%s); run_once python manage.py migrate --noinput >"$WORK/migrate.log" 2>&1 || { tail -20 "$WORK/migrate.log"; fail "migrate"; }
say "Release-Schritt: migrate auf frischer Datenbank in $(( $(date +%s) - T )) s"
T=$(date +%s); run_once python manage.py load_demo_content >"$WORK/demo.log" 2>&1 || { tail -20 "$WORK/demo.log"; fail "load_demo_content"; }
say "Demo-Inhalte geladen in $(( $(date +%s) - T )) s"

# --- Two web instances, read-only ----------------------------------------------------------------------------
start_web() {  # name port [extra podman args...]
    local name=$1 port=$2; shift 2
    podman run -d --name "$NAME-$name" --network host --env-file "$WORK/env" -e PORT="$port" \
        --read-only --read-only-tmpfs=false --tmpfs /tmp:size=64m -v "$WORK/media:/app/media" \
        --health-interval disable "$@" "$TAG" >/dev/null
}
wait_healthz() {  # port expected-status
    for _ in $(seq 1 60); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' "http://127.0.0.1:$1/healthz" || true)
        [ "$code" = "$2" ] && return 0
        sleep 0.5
    done
    fail "/healthz auf Port $1 antwortet $code statt $2"
}
start_web web1 "$PORT1"; start_web web2 "$PORT2"
wait_healthz "$PORT1" 200; wait_healthz "$PORT2" 200
[ "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$NAME-web1")" = true ] || fail "nicht read-only"
[ "$(podman exec "$NAME-web1" id -u)" = 10001 ] || fail "Prozess läuft nicht als uid 10001"
podman exec "$NAME-web1" sh -c '! touch /app/x /venv/x 2>/dev/null && touch /tmp/upload /dev/shm/probe' \
    || fail "read-only: /app und /venv dürfen nicht, /tmp und /dev/shm müssen schreibbar sein"
say "Zwei Instanzen mit --read-only (nur /tmp als tmpfs, gunicorn in /dev/shm), uid 10001, /healthz 200"
podman healthcheck run "$NAME-web1" >/dev/null || fail "HEALTHCHECK von web1 schlägt fehl"
podman healthcheck run "$NAME-web2" >/dev/null || fail "HEALTHCHECK von web2 schlägt fehl"
say "HEALTHCHECK (python -m core.healthcheck) besteht auf beiden"

# --- nginx in front, TLS with a certificate made now -----------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
mkdir -p "$WORK/nginx-cache" "$WORK/nginx-tmp"
SERVER_NAME=localhost WEB_1=127.0.0.1:$PORT1 WEB_2=127.0.0.1:$PORT2 TLS_CERTIFICATE=$WORK/cert.pem \
TLS_CERTIFICATE_KEY=$WORK/key.pem HTTP_PORT=$HTTP_PORT HTTPS_PORT=$HTTPS_PORT NGINX_CACHE_DIR=$WORK/nginx-cache \
    envsubst '${SERVER_NAME} ${WEB_1} ${WEB_2} ${TLS_CERTIFICATE} ${TLS_CERTIFICATE_KEY} ${HTTP_PORT} ${HTTPS_PORT} ${NGINX_CACHE_DIR}' \
    < deploy/nginx.conf | sed "s#/dev/stdout#$WORK/nginx-access.log#" > "$WORK/site.conf"
[ -e /proc/net/if_inet6 ] || sed -i '/listen \[::\]/d' "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<NGINX
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    include $WORK/site.conf;
}
NGINX
nginx -q -t -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" || { cat "$WORK/nginx-error.log"; fail "nginx -t"; }
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
HTTPS="https://localhost:$HTTPS_PORT"
fetch() { curl -s --cacert "$WORK/cert.pem" --resolve "localhost:$HTTPS_PORT:127.0.0.1" "$@"; }

# --- Through nginx ---------------------------------------------------------------------------------------------
# A client's own X-Forwarded-For must not become its address: the app takes what nginx appended.
fetch -D "$WORK/home.h" -o "$WORK/home.html" -H 'X-Forwarded-For: 203.0.113.66' "$HTTPS/"
grep -q '^HTTP/[0-9.]* 200' "$WORK/home.h" || fail "Startseite über nginx: $(head -1 "$WORK/home.h")"
grep -q 'Stark im Amt' "$WORK/home.html" || fail "Startseite ohne Inhalt"
grep -qi '^strict-transport-security:' "$WORK/home.h" || fail "kein HSTS über TLS (X-Forwarded-Proto nicht angekommen?)"
REQUEST_ID=$(grep -i '^x-request-id:' "$WORK/home.h" | tr -d '\r' | awk '{print $2}')
[[ "$REQUEST_ID" =~ ^[0-9a-f]{32}$ ]] || fail "keine X-Request-ID von nginx: '$REQUEST_ID'"
say "Startseite über nginx mit TLS: 200, HSTS, X-Request-ID $REQUEST_ID"

LAND_LIST=$(grep -o 'href="/hilfe-in-ihrem-bundesland/"' "$WORK/home.html" | head -1 | cut -d'"' -f2)
fetch -o "$WORK/laender.html" "$HTTPS${LAND_LIST:-/hilfe-in-ihrem-bundesland/}"
LAND=$(grep -o 'href="/hilfe-in-ihrem-bundesland/[a-z-]*/"' "$WORK/laender.html" | head -1 | cut -d'"' -f2)
[ -n "$LAND" ] || fail "keine Seite eines Landes verlinkt"
[ "$(fetch -o "$WORK/land.html" -w '%{http_code}' "$HTTPS$LAND")" = 200 ] || fail "Landesseite $LAND"
say "Landesseite $LAND über nginx: 200"

CSS=$(grep -o 'href="/static/[^"]*\.css"' "$WORK/home.html" | head -1 | cut -d'"' -f2)
[ -n "$CSS" ] || fail "kein Stylesheet auf der Startseite"
fetch -o /dev/null -D "$WORK/css1.h" -H 'Accept-Encoding: gzip' "$HTTPS$CSS"
fetch -o /dev/null -D "$WORK/css2.h" -H 'Accept-Encoding: gzip' "$HTTPS$CSS"
grep -q '^HTTP/[0-9.]* 200' "$WORK/css1.h" || fail "statische Datei $CSS"
grep -qi '^content-type: text/css' "$WORK/css1.h" || fail "statische Datei ohne text/css"
grep -qi '^cache-control:.*immutable' "$WORK/css1.h" || fail "statische Datei ohne immutable"
grep -qi '^x-cache-status: HIT' "$WORK/css2.h" || fail "statische Datei beim zweiten Mal nicht aus dem nginx-Cache"
say "Statische Datei $CSS: 200, text/css, immutable, zweiter Abruf aus dem nginx-Cache"

[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/" -H 'Host: localhost')" = 301 ] || fail "http → https"
[ "$(fetch -o /dev/null -w '%{http_code}' -X POST --data-binary @<(head -c 12000000 /dev/zero) "$HTTPS/")" = 413 ] \
    || fail "12 MB-POST nicht von nginx abgewiesen"
say "HTTP leitet auf HTTPS um; ein Upload über 11 MiB endet an nginx mit 413"

sleep 1  # the access lines are written after the response
podman logs "$NAME-web1" >"$WORK/web1.log" 2>&1; podman logs "$NAME-web2" >"$WORK/web2.log" 2>&1
grep -h "\"request_id\": \"$REQUEST_ID\"" "$WORK/web1.log" "$WORK/web2.log" | grep -q '"client": "127.0.0.1"' \
    || fail "die Request-ID von nginx fehlt im JSON-Log der Instanz"
python3 - "$WORK/web1.log" <<'PY' || fail "Log-Zeilen sind kein JSON"
import json, sys
lines = [line for line in open(sys.argv[1]) if line.strip() and not line.startswith("time=")]  # podman's own notes
assert lines and all(json.loads(line)["time"].endswith("Z") for line in lines)
PY
say "Logs: JSON-Zeilen in UTC, die Request-ID von nginx und die echte Client-Adresse in der Zeile der Instanz"

# --- A publish through one instance shows on the other -----------------------------------------------------------
section_on_web2() { curl -s -H 'Host: localhost' -H 'X-Forwarded-Proto: https' "$@" "http://127.0.0.1:$PORT2/hilfe-in-ihrem-bundesland/"; }
section_on_web2 -o /dev/null; section_on_web2 -o /dev/null -D "$WORK/section.h"
grep -qi '^x-cache: hit' "$WORK/section.h" || fail "die Seite kommt auf web2 nicht aus dem Seiten-Cache"
MARK="Geprüft $(date +%s)"
podman exec -e MARK="$MARK" "$NAME-web1" python manage.py shell -c "
import os
from wagtail.models import Page
page = Page.objects.get(slug='hilfe-in-ihrem-bundesland').specific
page.title = page.title + ' – ' + os.environ['MARK']
page.save_revision().publish()
" >/dev/null || fail "Veröffentlichen in web1"
section_on_web2 | grep -q "$MARK" || fail "die Veröffentlichung über web1 ist auf web2 nicht zu sehen"
say "Veröffentlicht über web1, sofort auf web2 zu sehen (gemeinsamer Redis-Cache)"

# --- /healthz 503 and a failing HEALTHCHECK when a container loses its database ---------------------------------
PROXY_PORT=$(free_port)
socat TCP-LISTEN:"$PROXY_PORT",bind=127.0.0.1,fork,reuseaddr TCP:127.0.0.1:5432 &
FORWARDER_PID=$!
sed "s#^DATABASE_URL=.*#DATABASE_URL=${DB_URL/:5432/:$PROXY_PORT}#" "$WORK/env" > "$WORK/env3"
podman run -d --name "$NAME-web3" --network host --env-file "$WORK/env3" -e PORT="$PORT3" --read-only \
    --health-interval disable "$TAG" >/dev/null
wait_healthz "$PORT3" 200
# socat forks a child per connection, and web3's workers keep theirs open (DB_CONN_MAX_AGE): stopping only
# the listener left those working, so a probe could still pass. Stop the listener and every child.
kill "$FORWARDER_PID"; wait "$FORWARDER_PID" 2>/dev/null || true; FORWARDER_PID=
pkill -f "socat TCP-LISTEN:$PROXY_PORT," 2>/dev/null || true
wait_healthz "$PORT3" 503
! podman healthcheck run "$NAME-web3" >/dev/null 2>&1 || fail "HEALTHCHECK besteht trotz fehlender Datenbank"
[ "$(fetch -o /dev/null -w '%{http_code}' "$HTTPS/healthz")" = 200 ] || fail "/healthz über nginx"
say "Datenbank für web3 weg: /healthz 503, HEALTHCHECK schlägt fehl; die anderen antworten weiter"

echo "Image-Prüfung bestanden: $(( IMAGE_BYTES / 1000000 )) MB, Build ${BUILD_SECONDS} s, gesamt $(( $(date +%s) - START )) s"

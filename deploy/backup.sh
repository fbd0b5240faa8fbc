#!/usr/bin/env bash
# Back up and restore the PostgreSQL database (docs/operations.md, "Backups").
#   deploy/backup.sh dump    DATABASE_URL FILE   pg_dump in custom format (compressed, restorable per table)
#   deploy/backup.sh restore FILE DATABASE_URL   into a new, empty database (created here; refuses an existing one)
#   deploy/backup.sh check   DATABASE_URL        dump, restore into a scratch database, compare row counts, drop it
# Needs pg_dump/pg_restore/psql of the server's major version or newer. Media live in the bucket: see its versioning.
set -euo pipefail

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

die() { echo "backup.sh: $*" >&2; exit 1; }
# The database name is the URL's path; the server URL without it reaches the maintenance database.
db_name() { local rest=${1#*://}; rest=${rest#*/}; echo "${rest%%\?*}"; }
server_url() { local url=$1 name; name=$(db_name "$url"); echo "${url%/"$name"*}/postgres"; }
counts() {
    psql "$1" -XAtqc "SELECT 'seiten=' || (SELECT count(*) FROM wagtailcore_page)
        || ' revisionen=' || (SELECT count(*) FROM wagtailcore_revision)
        || ' kontakte=' || (SELECT count(*) FROM contacts_contact)
        || ' bilder=' || (SELECT count(*) FROM portal_portalimage)
        || ' benutzer=' || (SELECT count(*) FROM auth_user)"
}

dump() {
    local url=$1 file=$2
    pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$url"
    mv "$file.partial" "$file"  # a dump that broke off never looks complete
    echo "Gesichert: $file ($(du -h "$file" | cut -f1))"
}

restore() {
    local file=$1 url=$2 name server
    name=$(db_name "$url"); server=$(server_url "$url")
    [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || die "ungültiger Datenbankname: $name"
    [ -z "$(psql "$server" -XAtqc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ] \
        || die "Datenbank $name gibt es schon: in eine neue, leere Datenbank zurückspielen"
    psql "$server" -Xqc "CREATE DATABASE $name" >/dev/null
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$url" "$file"
    echo "Zurückgespielt nach $name: $(counts "$url")"
}

check() {
    local url=$1 name scratch file before after
    name=$(db_name "$url"); scratch="${name}_restore_check"
    file=$(mktemp /tmp/starkimamt-backup.XXXXXX.dump)
    local scratch_url="${url%/"$name"*}/$scratch"
    trap 'rm -f "$file"; psql "$(server_url "$url")" -Xqc "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1' RETURN
    psql "$(server_url "$url")" -Xqc "DROP DATABASE IF EXISTS $scratch" >/dev/null
    before=$(counts "$url")
    dump "$url" "$file" >/dev/null
    restore "$file" "$scratch_url" >/dev/null
    after=$(counts "$scratch_url")
    [ "$before" = "$after" ] || die "nach dem Zurückspielen anders: vorher $before, nachher $after"
    echo "Sicherung geprüft: $before"
}

case "${1:-}" in
    dump) [ $# = 3 ] || die "dump DATABASE_URL FILE"; dump "$2" "$3" ;;
    restore) [ $# = 3 ] || die "restore FILE DATABASE_URL"; restore "$2" "$3" ;;
    check) [ $# = 2 ] || die "check DATABASE_URL"; check "$2" ;;
    *) sed -n '2,6p' "$0"; exit 2 ;;
esac

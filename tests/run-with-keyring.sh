#!/bin/sh
# Runs a command (a keychain test) with a D-Bus session bus and an unlocked gnome-keyring of its own, the
# Secret Service QtKeychain talks to on Linux, so that the test needs no desktop session and never touches
# the user's keyrings:
#     tests/run-with-keyring.sh COMMAND [ARGUMENTS...]
# This is `dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock ...; exec "$0"'` with the
# loose ends tied: the bus and the keyring run in the foreground as children of this script, are stopped by
# their PIDs and waited for, so nothing is left running or unreaped; both live in a temporary directory (their
# own XDG_DATA_HOME and XDG_RUNTIME_DIR), so concurrent runs cannot find each other's daemons.
set -eu

dir=$(mktemp -d "${TMPDIR:-/tmp}/fleet-keyring.XXXXXX")
bus=
keyring=
stop() {
    for pid in $keyring $bus; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM
fail() {
    echo "run-with-keyring.sh: $1" >&2
    cat "$dir"/*.log >&2 2>/dev/null || true
    exit 1
}

export XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run"
mkdir -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"

dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$dir/address" 2>"$dir/dbus.log" &
bus=$!
tries=0
until [ -s "$dir/address" ]; do
    tries=$((tries + 1))
    [ "$tries" -le 200 ] || fail "dbus-daemon did not start"
    sleep 0.05
done
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$dir/address")
export DBUS_SESSION_BUS_ADDRESS

# --unlock reads the new login keyring's password from stdin; with a fresh XDG_DATA_HOME it creates that
# keyring unlocked, and it becomes the default collection.
printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets >"$dir/keyring.log" 2>&1 &
keyring=$!
# Until the daemon owns the Secret Service name, a request would make D-Bus activate a second, locked one.
gdbus wait --session --timeout 10 org.freedesktop.secrets || fail "gnome-keyring-daemon did not start"

status=0
"$@" || status=$?
exit "$status"

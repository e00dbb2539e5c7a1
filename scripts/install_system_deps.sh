#!/usr/bin/env bash
# Debian packages the test suite uses for real: PostgreSQL (a throwaway cluster on
# loopback, started by the tests) and Chromium (renders the evaluation report).
# Installs only what is missing; needs root and apt-get. Without them it says so
# and the tests that need the packages skip (or fail under CI=true).
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# a CJK font, so the report screenshot shows Chinese rather than boxes
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || missing+=(fonts-wqy-microhei)
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: ${missing[*]} not installed and this is not a root Debian shell;" \
         "install them to run the PostgreSQL and browser tests" >&2
    exit 0
fi
echo "installing ${missing[*]} (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

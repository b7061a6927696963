#!/usr/bin/env bash
# Builds Loopwise and starts it on its embedded default database (SQLite, ./data/loopwise.db in the repository
# root) with the Northwind Outfitters demo workspace: a year of feedback, accounts for every role. It prints the
# address to open and how to sign in. Run it again and the demo is reused; pass --reset to rebuild it.
#
# Usage: scripts/start.sh [--urls http://localhost:5000] [--responses 50000] [--seed 42] [--reset]
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "error: $*" >&2
  exit 1
}

command -v dotnet >/dev/null 2>&1 || fail "dotnet not found. Install the .NET 10 SDK: https://dot.net/download"
dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || fail "the .NET 10 SDK is needed (found: $(dotnet --list-sdks | tr '\n' ' '))"
command -v node >/dev/null 2>&1 || fail "node not found. Install Node.js (e.g. sudo apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "npm not found. Install it (e.g. sudo apt-get install npm)"

echo "Building Loopwise (Release)..."
dotnet build src/Loopwise -c Release --nologo -v quiet -clp:ErrorsOnly

# The server listens on http://localhost:5000 unless --urls is given.
urls=(--urls http://localhost:5000)
for arg in "$@"; do
  case "$arg" in
    --urls | --urls=*) urls=() ;;
  esac
done

exec dotnet artifacts/bin/Loopwise/release/loopwise.dll demo "${urls[@]}" "$@"

#!/usr/bin/env bash
# Runs the whole test suite: core, integration (SQLite and PostgreSQL), and browser tests.
# On a fresh Debian machine (as root) it installs what it needs: PostgreSQL and Chromium from apt,
# npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "Missing: ${need[*]}. Install them (sudo apt-get install ${need[*]}) or run as root." >&2
    exit 1
  fi
  echo "Installing ${need[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi

export LOOPWISE_TEST_PG=$(scripts/postgres.sh start)
export LOOPWISE_CHROMIUM=${LOOPWISE_CHROMIUM:-$(command -v chromium)}
trap 'scripts/postgres.sh stop' EXIT

# The build runs `npm ci` (from package-lock.json) and esbuild itself: src/Loopwise/Assets/Assets.targets.
dotnet build Loopwise.slnx -c Release
status=0
for project in tests/Loopwise.Core.Tests tests/Loopwise.Tests tests/Loopwise.EndToEnd; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "/tmp/loopwise-test-$(basename "$project").log" || status=1
done

# One closing line for the whole run, summed over the three test projects.
passed=0; failed=0; skipped=0
for log in /tmp/loopwise-test-Loopwise.Core.Tests.log /tmp/loopwise-test-Loopwise.Tests.log /tmp/loopwise-test-Loopwise.EndToEnd.log; do
  if ! grep -qE '^Total tests: [0-9]+' "$log"; then
    echo "no test summary in $log" >&2
    status=1
    continue
  fi
  p=$(sed -nE 's/^ +Passed: +([0-9]+).*/\1/p' "$log" | tail -n 1)
  f=$(sed -nE 's/^ +Failed: +([0-9]+).*/\1/p' "$log" | tail -n 1)
  s=$(sed -nE 's/^ +Skipped: +([0-9]+).*/\1/p' "$log" | tail -n 1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status

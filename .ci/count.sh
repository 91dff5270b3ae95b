#!/usr/bin/env bash
# The closing line of .ci/run from the log of `npm test`: "N passed, N failed".
#   bash .ci/count.sh LOG STATUS   (STATUS: npm test's exit code; non-zero with nothing counted failed is 1 failed)
# Counts vitest "Tests  N passed | M failed", playwright "N passed (…)" / "N failed" / "N flaky", and the type
# check and lint gates. Every grep reads the whole stripped log: `grep -q` would stop at the first match, and
# with pipefail the SIGPIPE it leaves sed with made a found gate count as not found at random.
set -uo pipefail
log=$1
status=${2:-0}
stripped=$(sed -r 's/\x1B\[[0-9;]*[A-Za-z]//g' "$log")
vitest_line=$(grep -E '^\s+Tests\s+' <<< "$stripped" | tail -1 || true)
vp=$(grep -oE '[0-9]+ passed' <<< "$vitest_line" | grep -oE '[0-9]+' || true)
vf=$(grep -oE '[0-9]+ failed' <<< "$vitest_line" | grep -oE '[0-9]+' || true)
pw_pass=$(grep -E '^\s+[0-9]+ passed \(' <<< "$stripped" | tail -1 | grep -oE '[0-9]+' | head -1 || true)
pw_fail=$(grep -E '^\s+[0-9]+ failed$' <<< "$stripped" | tail -1 | grep -oE '[0-9]+' | head -1 || true)
pw_flaky=$(grep -E '^\s+[0-9]+ flaky$' <<< "$stripped" | tail -1 | grep -oE '[0-9]+' | head -1 || true)
gates_pass=0
if [ "$(grep -c 'EVENTFLOW-GATE typecheck ok' <<< "$stripped")" -gt 0 ]; then gates_pass=$((gates_pass+1)); fi
if [ "$(grep -c 'EVENTFLOW-GATE lint ok' <<< "$stripped")" -gt 0 ]; then gates_pass=$((gates_pass+1)); fi
passed=$(( ${vp:-0} + ${pw_pass:-0} + ${pw_flaky:-0} + gates_pass ))
failed=$(( ${vf:-0} + ${pw_fail:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed"

#!/usr/bin/env bash
# Runs test/leak-driver.cjs (every binding call, many times, against test:///default) under
# valgrind and prints PASS or FAIL:
#   PASS = the driver succeeded, no definite leak has a frame in the binding or in libvirt, and
#          there are no invalid reads, writes or frees anywhere.
# Definite leaks elsewhere (Node/V8 internals) are listed but do not fail the check.
# Usage: scripts/leak-check.sh [iterations]   (default 50; ~0.5 s of valgrind time per round)
set -uo pipefail

cd "$(dirname "$0")/.."
ITER=${1:-50}
LOG=${LEAK_LOG:-$(mktemp /tmp/nbh-libvirt-valgrind.XXXXXX.log)}
ADDON=build/Release/nbh_libvirt.node

command -v valgrind >/dev/null || { echo "leak-check: FAIL (valgrind is not installed)"; exit 2; }
[ -f "$ADDON" ] || { echo "leak-check: FAIL ($ADDON missing; run npm install)"; exit 2; }

echo "leak-check: running $ITER rounds under valgrind (log: $LOG)"
valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --num-callers=40 --suppressions=test/valgrind.supp --log-file="$LOG" \
  node --expose-gc test/leak-driver.cjs "$ITER"
driver=$?

# One block per valgrind error/loss record; classify each.
summary=$(awk '
  function flush() {
    if (rec == "") return
    ours = (rec ~ /nbh_libvirt\.node|libvirt\.so/)
    if (kind == "leak") { if (ours) ownLeaks++; else otherLeaks++ }
    if (kind == "invalid") invalid++
    if ((kind == "leak" || kind == "invalid") && (ours || kind == "invalid")) print rec > "/dev/stderr"
    rec = ""; kind = ""
  }
  /^==[0-9]+== $/ { flush(); next }
  /definitely lost in loss record/ { flush(); kind = "leak" }
  /Invalid (read|write|free)|Mismatched free|Source and destination overlap|Use of uninitialised value of size/ { flush(); kind = "invalid" }
  { if (kind != "") rec = rec $0 "\n" }
  END { flush(); printf "%d %d %d\n", ownLeaks, otherLeaks, invalid }
' "$LOG")
read -r own other invalid <<<"$summary"

echo "leak-check: valgrind $(grep -m1 -o 'ERROR SUMMARY: .*' "$LOG")"
grep -A5 'LEAK SUMMARY' "$LOG" | sed -e 's/^==[0-9]*==/leak-check:/'
echo "leak-check: definite leaks in binding/libvirt: $own, elsewhere (Node): $other; invalid accesses: $invalid; driver exit: $driver"
if [ "$driver" = 0 ] && [ "$own" = 0 ] && [ "$invalid" = 0 ]; then
  echo "leak-check: PASS"
else
  echo "leak-check: FAIL"
  exit 1
fi

#!/usr/bin/env bash
# Validates SARIF logs with Microsoft's SARIF Multitool, using the rules
# GitHub code scanning applies on upload and the SARIF spec rules
# (--rule-kind "Gh;Sarif"). The Multitool exits 0 whatever it finds, so
# its output log is read instead: any result of level error or warning
# (warning being the SARIF default when a result gives no level) fails.
#
# Usage: validate-sarif.sh MULTITOOL FILE.sarif...
set -euo pipefail

multitool=${1:?usage: $0 MULTITOOL FILE...}
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The Multitool is a .NET program; without ICU it needs invariant mode.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

status=0
for f in "$@"; do
  out="$work/$(basename "$f").validation.sarif"
  if ! "$multitool" validate --rule-kind "Gh;Sarif" --log ForceOverwrite --output "$out" "$f" >"$work/log" 2>&1 || [ ! -s "$out" ]; then
    cat "$work/log"
    echo "FAIL: the Multitool did not validate $f"
    status=1
    continue
  fi
  python3 - "$f" "$out" <<'PY' || status=1
import json, sys

name, path = sys.argv[1], sys.argv[2]
log = json.load(open(path, encoding="utf-8"))
bad, notes = [], 0
for run in log.get("runs", []):
    rules = {r.get("id"): r for r in run.get("tool", {}).get("driver", {}).get("rules", [])}
    for res in run.get("results", []):
        level = res.get("level", "warning")
        msg = res.get("message", {})
        text = msg.get("text")
        if text is None:
            rule = rules.get(res.get("ruleId"), {})
            text = rule.get("messageStrings", {}).get(msg.get("id"), {}).get("text", msg.get("id", ""))
            for i, arg in enumerate(msg.get("arguments", [])):
                text = text.replace("{%d}" % i, str(arg))
        if level in ("error", "warning"):
            bad.append(f"  {level}: {res.get('ruleId')}: {text}")
        else:
            notes += 1
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            if n.get("level", "warning") in ("error", "warning"):
                bad.append(f"  Multitool {n.get('level', 'warning')}: {n.get('message', {}).get('text')}")
if bad:
    print(f"FAIL: {name}: {len(bad)} errors or warnings")
    print("\n".join(bad))
    sys.exit(1)
print(f"ok: {name}: 0 errors, 0 warnings ({notes} notes)")
PY
done
exit "$status"

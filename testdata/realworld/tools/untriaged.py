#!/usr/bin/env python3
"""Write the default-rule findings of a TestRealWorld output that need a
verdict, as numbered blocks for a blind reviewer.

usage: untriaged.py OUT.json LIST.txt [repo:rule:path:line ...]

A finding needs a verdict when it has none (triage "new"), or when it is
named on the command line (a triaged finding whose flow changed, to be
reviewed again). Each block gives the repository, rule, location, message
and its first flows, step by step; never the earlier verdict.
"""
import json
import sys

# Flows listed in full per finding; the others are named by source.
MAX_FLOWS = 3


def main():
    out, dest, again = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    data = json.load(open(out))
    blocks = []
    for r in data["repos"]:
        for f in r.get("findings") or []:
            key = f"{r['repo']}:{f['rule']}:{f['path']}:{f['line']}"
            if f.get("triage") != "new" and key not in again:
                continue
            lines = [f"[{len(blocks) + 1}] {r['repo']} {f['rule']} {f['path']}:{f['line']}",
                     f"    message: {f['message']}",
                     f"    code: /work/rw/corpus/{r['repo'].replace('/', '+')}/{f['path']}"]
            flows = f.get("flows") or []
            for i, fl in enumerate(flows[:MAX_FLOWS]):
                lines.append(f"    flow {i + 1} from {fl['source']} ({fl['class']}):")
                lines.extend("      " + s for s in fl["steps"])
            if len(flows) > MAX_FLOWS:
                lines.append(f"    ... and {len(flows) - MAX_FLOWS} more flows from: "
                             + "; ".join(sorted({fl['source'][:80] for fl in flows[MAX_FLOWS:]})))
            blocks.append("\n".join(lines))
    with open(dest, "w") as fh:
        fh.write("\n\n".join(blocks) + "\n")
    print(f"{len(blocks)} findings -> {dest}")


if __name__ == "__main__":
    main()

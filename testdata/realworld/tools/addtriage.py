#!/usr/bin/env python3
"""Add a reviewer's verdicts to triage.json.

usage: addtriage.py VERDICTS.json

VERDICTS.json is a list of {"repo", "rule", "path", "line", "verdict",
"reason"}. A verdict for a finding already in triage.json replaces it
(a re-review after the finding's flow changed); the rest are appended.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRIAGE = os.path.join(HERE, "..", "triage.json")


def key(e):
    return (e["repo"], e["rule"], e["path"], int(e["line"]))


def main():
    new = json.load(open(sys.argv[1]))
    old = json.load(open(TRIAGE))
    index = {key(e): i for i, e in enumerate(old)}
    added = replaced = 0
    for e in new:
        if e["verdict"] not in ("TP", "FP", "debatable"):
            sys.exit(f"{key(e)}: verdict {e['verdict']!r} is not TP, FP or debatable")
        entry = {"repo": e["repo"], "rule": e["rule"], "path": e["path"], "line": int(e["line"]),
                 "verdict": e["verdict"], "reason": e["reason"]}
        if key(e) in index:
            old[index[key(e)]] = entry
            replaced += 1
        else:
            index[key(e)] = len(old)
            old.append(entry)
            added += 1
    old.sort(key=lambda e: (e["repo"], e["path"], e["line"], e["rule"]))
    with open(TRIAGE, "w") as fh:
        json.dump(old, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"added {added}, replaced {replaced}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check the SARIF 2.1.0 properties lockgraph promises, then print a summary.

usage: check-sarif.py REPORT.sarif

Checks (exit 1 and one "sarif error: ..." line per problem when any fails):
  - top level: "version" == "2.1.0", "$schema" names the 2.1.0 schema,
    "runs" is a list with exactly one run;
  - runs[0].tool.driver.name == "lockgraph", driver.rules is a list of
    objects with a unique string "id";
  - runs[0].results is a list; every result has ruleId (one of the rule ids),
    ruleIndex (when present) pointing at that rule, level in
    none/note/warning/error, message.text, and a non-empty locations list
    whose physicalLocation has artifactLocation.uri and an integer
    region.startLine >= 1; relatedLocations (when present) likewise;
  - a relative uri has uriBaseId "%SRCROOT%" declared in
    run.originalUriBaseIds; an absolute uri starts with file:///.
On success prints, for FileCheck:
  rule: ID
  result: RULEID LEVEL URI:LINE:COL MESSAGE   (URI with %SRCROOT%/ in front when relative)
  related: URI:LINE:COL MESSAGE
  fingerprint: VALUE
"""
import json
import re
import sys

problems = []


def problem(msg):
    problems.append(msg)


def location(loc, where, base_ids):
    phys = loc.get("physicalLocation") if isinstance(loc, dict) else None
    if not isinstance(phys, dict):
        problem(where + ".physicalLocation: missing")
        return "?"
    art = phys.get("artifactLocation")
    uri = art.get("uri") if isinstance(art, dict) else None
    if not isinstance(uri, str) or not uri:
        problem(where + ".physicalLocation.artifactLocation.uri: missing")
        return "?"
    shown = uri
    if re.match(r"^[a-z]+:", uri):
        if not uri.startswith("file:///"):
            problem(where + ": absolute uri is not a file:/// uri: " + uri)
        if "uriBaseId" in art:
            problem(where + ": absolute uri with a uriBaseId")
    else:
        base = art.get("uriBaseId")
        if base != "%SRCROOT%":
            problem(where + ": relative uri without uriBaseId %SRCROOT%: " + uri)
        elif base not in base_ids:
            problem(where + ": uriBaseId %SRCROOT% not in originalUriBaseIds")
        shown = "%SRCROOT%/" + uri
    region = phys.get("region")
    line = region.get("startLine") if isinstance(region, dict) else None
    if not isinstance(line, int) or isinstance(line, bool) or line < 1:
        problem(where + ".physicalLocation.region.startLine: missing or not a positive integer")
        return shown
    col = region.get("startColumn", 0)
    return "%s:%d:%d" % (shown, line, col)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: check-sarif.py REPORT.sarif\n")
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        print("sarif error: %s: %s" % (sys.argv[1], e))
        return 1
    out = []
    if log.get("version") != "2.1.0":
        problem("version: expected \"2.1.0\", got %r" % log.get("version"))
    schema = log.get("$schema")
    if not isinstance(schema, str) or "sarif" not in schema or "2.1.0" not in schema:
        problem("$schema: expected the SARIF 2.1.0 schema, got %r" % schema)
    runs = log.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        problem("runs: expected exactly one run")
        runs = [{}]
    run = runs[0] if isinstance(runs[0], dict) else {}
    driver = run.get("tool", {}).get("driver", {}) if isinstance(run.get("tool"), dict) else {}
    if driver.get("name") != "lockgraph":
        problem("runs[0].tool.driver.name: expected \"lockgraph\", got %r" % driver.get("name"))
    rules = driver.get("rules")
    ids = []
    if not isinstance(rules, list):
        problem("runs[0].tool.driver.rules: missing")
        rules = []
    for i, r in enumerate(rules):
        rid = r.get("id") if isinstance(r, dict) else None
        if not isinstance(rid, str) or not rid:
            problem("rules[%d].id: missing" % i)
            continue
        if rid in ids:
            problem("rules[%d].id: duplicate %s" % (i, rid))
        ids.append(rid)
        out.append("rule: " + rid)
    base_ids = run.get("originalUriBaseIds", {})
    if not isinstance(base_ids, dict):
        base_ids = {}
    results = run.get("results")
    if not isinstance(results, list):
        problem("runs[0].results: missing")
        results = []
    for i, res in enumerate(results):
        where = "results[%d]" % i
        if not isinstance(res, dict):
            problem(where + ": not an object")
            continue
        rid = res.get("ruleId")
        if rid not in ids:
            problem(where + ".ruleId: %r is not a rule id" % rid)
        if "ruleIndex" in res and (not isinstance(res["ruleIndex"], int) or
                                   not 0 <= res["ruleIndex"] < len(ids) or
                                   ids[res["ruleIndex"]] != rid):
            problem(where + ".ruleIndex: does not point at rule %r" % rid)
        level = res.get("level")
        if level not in ("none", "note", "warning", "error"):
            problem(where + ".level: %r" % level)
        msg = res.get("message", {}).get("text") if isinstance(res.get("message"), dict) else None
        if not isinstance(msg, str) or not msg:
            problem(where + ".message.text: missing")
        locs = res.get("locations")
        if not isinstance(locs, list) or not locs:
            problem(where + ".locations: missing or empty")
            locs = [{}]
        out.append("result: %s %s %s %s" % (rid, level, location(locs[0], where + ".locations[0]", base_ids), msg))
        for k, rel in enumerate(res.get("relatedLocations", [])):
            rwhere = "%s.relatedLocations[%d]" % (where, k)
            rmsg = rel.get("message", {}).get("text") if isinstance(rel, dict) else None
            out.append("related: %s %s" % (location(rel, rwhere, base_ids), rmsg))
        fp = res.get("partialFingerprints", {})
        if isinstance(fp, dict):
            for key in sorted(fp):
                out.append("fingerprint: %s=%s" % (key, fp[key]))
    if problems:
        for p in problems:
            print("sarif error: " + p)
        return 1
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

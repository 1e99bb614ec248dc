#!/usr/bin/env python3
"""ormlint's CI formats checked by what reads them: --format=github against GitHub's own
toolkit (@actions/core, installed into the build by scripts/setup.sh), --format=gitlab
against the Code Quality report's schema (python3-jsonschema). The findings live in a
directory whose name holds the characters the formats must escape (',', ':', '%').

ci_formats_test.py <ormlint> <node_modules> <include dir> <test inputs dir>
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

ormlint, modules, include, inputs = (os.path.abspath(p) for p in sys.argv[1:5])
here = os.path.dirname(os.path.abspath(__file__))
if not os.path.isfile(os.path.join(modules, "@actions", "core", "lib", "core.js")):
    sys.exit(f"@actions/core is not installed under {modules}: run scripts/setup.sh")


def run(*arguments, cwd):
    result = subprocess.run([ormlint, *arguments, "--quiet", "first.cpp", "--", "-std=c++20", "-I" + include, "-I."],
                            cwd=cwd, capture_output=True, text=True)
    if result.returncode != 1:
        sys.exit(f"ormlint {' '.join(arguments)} exited {result.returncode}, not 1:\n{result.stderr}")
    return result.stdout


with tempfile.TemporaryDirectory() as temporary:
    root = os.path.join(temporary, "checkout")
    work = os.path.join(root, "src, v2:100%")
    os.makedirs(work)
    os.mkdir(os.path.join(root, ".git"))  # the checkout's root: where the reports' paths start
    for name in ("first.cpp", "blog_schema.hpp"):
        shutil.copy(os.path.join(inputs, name), work)

    # GitHub: the same bytes as the toolkit's for the same findings.
    findings = os.path.join(temporary, "findings.json")
    with open(findings, "w") as out:
        out.write(run("--format=json", cwd=work))
    ours = run("--format=github", cwd=work)
    theirs = subprocess.run(["node", os.path.join(here, "github_annotations.mjs"), modules, findings, root],
                            capture_output=True, text=True, check=True).stdout
    if ours != theirs:
        sys.exit(f"--format=github differs from @actions/core's annotations:\normlint:\n{ours}\n@actions/core:\n{theirs}")
    if ours.count("\n") != 2 or "::error " not in ours or "::warning " not in ours or "%2C" not in ours:
        sys.exit(f"--format=github: expected an error and a warning on an escaped path:\n{ours}")

    # GitLab: valid against the schema, paths relative to the checkout, fingerprints unique.
    schema = json.load(open(os.path.join(here, "gitlab-codequality.schema.json")))
    report = json.loads(run("--format=gitlab", cwd=work))
    jsonschema.validate(report, schema)
    paths = {issue["location"]["path"] for issue in report}
    if paths != {"src, v2:100%/blog_schema.hpp"}:
        sys.exit(f"--format=gitlab: paths are not relative to the checkout: {paths}")
    fingerprints = [issue["fingerprint"] for issue in report]
    if len(report) != 2 or len(set(fingerprints)) != 2:
        sys.exit(f"--format=gitlab: expected 2 issues with distinct fingerprints: {report}")

    # An edit above the findings moves their lines, not their fingerprints (GitLab would
    # otherwise call them new in the merge request).
    header = os.path.join(work, "blog_schema.hpp")
    text = open(header).read()
    with open(header, "w") as out:
        out.write("// a line added above\n" + text)
    moved = json.loads(run("--format=gitlab", "--no-cache", cwd=work))
    if [i["fingerprint"] for i in moved] != fingerprints:
        sys.exit("--format=gitlab: an edit above the findings changed their fingerprints")
    if [i["location"]["lines"]["begin"] for i in moved] != [i["location"]["lines"]["begin"] + 1 for i in report]:
        sys.exit(f"--format=gitlab: the lines did not follow the edit: {moved}")
print("github annotations match @actions/core's; the gitlab report is valid and its fingerprints stable")

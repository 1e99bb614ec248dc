#!/usr/bin/env python3
"""Fails when a documentation snippet drifts from the tested file it shows: a line
`<!-- file: PATH -->` must be followed by a fenced block whose text is PATH's content.

Usage: check_doc_snippets.py DOC...
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MARKER = re.compile(r"<!-- file: (?P<path>\S+) -->\n```\w*\n(?P<body>.*?)```\n", re.S)

problems, count = [], 0
for doc in sys.argv[1:]:
    text = open(os.path.join(ROOT, doc)).read()
    for m in MARKER.finditer(text):
        count += 1
        if open(os.path.join(ROOT, m["path"])).read() != m["body"]:
            problems.append(f"{doc}: the snippet of {m['path']} differs from the file")
if problems:
    sys.exit("\n".join(problems))
print(f"{count} snippets match their tested files")

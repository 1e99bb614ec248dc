#!/usr/bin/env python3
"""Speaks LSP to ormlint-clangd as an editor does, on a fixture project, and asserts the
orm-* diagnostics (code, severity, range) and the quick fix offered for them.

Usage: lsp_test.py <ormlint-clangd> <orm include dir>
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class Client:
    def __init__(self, command, cwd, env, log):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=log, env=env)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("clangd closed its output")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics_for(self, uri, deadline_seconds=120):
        """The first publishDiagnostics for `uri` that carries clang-tidy results, or the last one seen."""
        last = None
        deadline = time.time() + deadline_seconds
        while time.time() < deadline:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                last = message["params"]["diagnostics"]
                return last
        raise RuntimeError("no diagnostics for " + uri)

    def open_file(self, uri):
        """Opens the file as an editor does; returns its orm-* diagnostics."""
        with open(uri[len("file://"):]) as f:
            self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "cpp", "version": 1,
                                                                  "text": f.read()}})
        return [d for d in self.diagnostics_for(uri) if str(d.get("code", "")).startswith("orm-")]

    def quick_fix_edits(self, uri, diagnostic):
        """The edits of the first quick fix offered for the diagnostic."""
        actions = self.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}})
        fixes = [a for a in actions if a.get("kind") == "quickfix" and "edit" in a]
        assert fixes, actions
        return fixes[0]["edit"]["changes"][uri]

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=30)


def run(clangd, include, user_config):
    """Opens schema.cpp with clangd's user configuration `user_config` (None: the user has
    none), and no .clangd in the project."""
    project = tempfile.mkdtemp(prefix="orm-lsp-")
    try:
        source = os.path.join(project, "schema.cpp")
        queries = os.path.join(project, "queries.cpp")
        shutil.copy(os.path.join(HERE, "project", "schema.cpp"), source)
        shutil.copy(os.path.join(HERE, "project", "queries.cpp"), queries)
        app = os.path.join(project, "app.cpp")
        shutil.copy(os.path.join(HERE, "project", "app.cpp"), app)
        shutil.copy(os.path.join(HERE, "project", "blog_schema.hpp"), os.path.join(project, "blog_schema.hpp"))
        split = os.path.join(project, "split.cpp")
        shutil.copy(os.path.join(HERE, "project", "split.cpp"), split)
        shutil.copy(os.path.join(HERE, "project", "tables.hpp"), os.path.join(project, "tables.hpp"))
        includes_only = os.path.join(project, "includes_only.cpp")
        shutil.copy(os.path.join(HERE, "project", "includes_only.cpp"), includes_only)
        shared_fix = os.path.join(project, "shared_fix.cpp")
        shutil.copy(os.path.join(HERE, "..", "lit", "cli", "Inputs", "shared_fix.cpp"), shared_fix)  # ormlint's case too
        xdg = os.path.join(project, "xdg")  # clangd reads the user's configuration from here
        os.makedirs(os.path.join(xdg, "clangd"))
        if user_config is not None:
            with open(os.path.join(xdg, "clangd", "config.yaml"), "w") as f:
                f.write(user_config)
        env = dict(os.environ, XDG_CONFIG_HOME=xdg)
        log = open(os.path.join(project, "clangd.log"), "w")
        with open(os.path.join(project, "compile_commands.json"), "w") as f:
            json.dump([{"directory": project, "file": f_,
                        "arguments": ["clang++", "-std=c++20", "-I" + include, "-c", f_]} for f_ in (source, queries, app, split, includes_only, shared_fix)], f)
        uri = "file://" + source
        client = Client([clangd, "--log=error", "--pch-storage=memory", "--background-index=false"], project, env, log)
        client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + project,
                                      "capabilities": {"textDocument": {"publishDiagnostics": {"codeDescriptionSupport": True},
                                                                        "codeAction": {"codeActionLiteralSupport": {
                                                                            "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
        client.notify("initialized", {})
        result = (client, uri, client.open_file(uri))
        return result, project
    except Exception:
        shutil.rmtree(project, ignore_errors=True)
        raise


def main():
    clangd, include = sys.argv[1], sys.argv[2]

    # A user configuration that leaves clangd's FastCheckFilter at Strict skips our checks:
    # ormlint-clangd says so in clangd's log, with the lines to add.
    (client, _, orm), project = run(clangd, include, "Diagnostics:\n  ClangTidy:\n    Add: ['orm-*']\n")
    client.close()
    with open(os.path.join(project, "clangd.log")) as f:
        log = f.read()
    shutil.rmtree(project)
    assert orm == [], "expected no orm-* diagnostics under FastCheckFilter: Strict, got %s" % orm
    assert "leaves clangd's FastCheckFilter at Strict, which skips the orm-* checks" in log, log
    assert "FastCheckFilter: Loose" in log, log

    # With no configuration of the user's own, and no .clangd, the checks run by default.
    (client, uri, orm), project = run(clangd, include, None)
    try:
        assert len(orm) == 1, orm
        d = orm[0]
        assert d["code"] == "orm-missing-relation-index", d
        assert d["source"] == "clang-tidy", d
        assert d["severity"] == 1, d  # error
        assert d["range"]["start"] == {"line": 8, "character": 27}, d["range"]
        # clangd capitalizes messages and appends their notes.
        assert d["message"].startswith("Relation 'users.posts' loads 'posts' rows by (authorId)"), d["message"]
        assert "note: table 'posts' is defined here" in d["message"], d["message"]

        edits = client.quick_fix_edits(uri, d)
        assert len(edits) == 1, edits
        assert edits[0]["newText"] == ',\n    index("by_authorId").on("authorId")', edits[0]
        assert edits[0]["range"]["start"] == {"line": 6, "character": 46}, edits[0]["range"]

        # A call site in an ordinary .cpp: the misspelt relation of a `with`, with its fix.
        queries_uri = uri.replace("schema.cpp", "queries.cpp")
        at_call = client.open_file(queries_uri)
        assert len(at_call) == 1, at_call
        d = at_call[0]
        assert d["code"] == "orm-unknown-relation", d
        assert d["severity"] == 1, d
        assert d["range"]["start"] == {"line": 9, "character": 100}, d["range"]
        assert d["message"].startswith("Table 'users' has no relation 'post'"), d["message"]
        assert [e["newText"] for e in client.quick_fix_edits(queries_uri, d)] == ['"posts"']

        # The schema in a header, queried by the open file: its finding is shown at the
        # #include, naming the header.
        in_header = client.open_file(uri.replace("schema.cpp", "app.cpp"))
        assert len(in_header) == 1, in_header
        d = in_header[0]
        assert d["code"] == "orm-missing-relation-index", d
        assert d["range"]["start"]["line"] == 0, d["range"]  # the #include line
        assert "In included file " in d["message"] and "blog_schema.hpp:11: relation 'users.posts'" in d["message"], d["message"]
        assert 'add index("by_authorId").on("authorId") to \'posts\'' in d["message"], d["message"]

        # The schema in a header the open file includes without querying it: its finding is
        # still shown at the #include.
        included = client.open_file(uri.replace("schema.cpp", "includes_only.cpp"))
        assert len(included) == 1, included
        d = included[0]
        assert d["code"] == "orm-missing-relation-index", d
        assert d["range"]["start"] == {"line": 2, "character": 0}, d["range"]  # the #include, on line 3
        assert "In included file " in d["message"] and "blog_schema.hpp:11: relation 'users.posts'" in d["message"], d["message"]

        # One index fixes two relations: the edit is offered once, on the first finding; the
        # second says so (it used to say that the fix edits another file).
        shared = client.open_file(uri.replace("schema.cpp", "shared_fix.cpp"))
        assert sorted(d["range"]["start"]["line"] for d in shared) == [9, 10], shared
        second = [d for d in shared if d["range"]["start"]["line"] == 10][0]
        assert "its fix is the one offered on line 10 (one edit serves both)" in second["message"], second["message"]
        assert "another file" not in second["message"], second["message"]

        # Tables in a header, relations in the open file: the finding is shown here and names
        # the index and the table to add it to; no quick fix is offered (it would edit the
        # header, outside clangd's reach from this file).
        split_uri = uri.replace("schema.cpp", "split.cpp")
        cross = client.open_file(split_uri)
        assert len(cross) == 1, cross
        d = cross[0]
        assert d["code"] == "orm-missing-relation-index", d
        assert d["range"]["start"]["line"] == 4, d["range"]
        assert 'add index("by_userId").on("userId") to \'orders\'' in d["message"], d["message"]
        assert "the fix edits " in d["message"] and "the fix edits another file, which the editor cannot change from here" in d["message"], d["message"]
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": split_uri}, "range": d["range"], "context": {"diagnostics": [d], "only": ["quickfix"]}})
        assert not [a for a in actions if a.get("kind") == "quickfix" and "edit" in a], actions
        client.close()
    finally:
        shutil.rmtree(project, ignore_errors=True)
    print("lsp ok: orm-missing-relation-index at 9:28 and orm-unknown-relation at a call site, each with its quick fix; "
          "a header's finding at the #include; none under FastCheckFilter: Strict")


if __name__ == "__main__":
    main()

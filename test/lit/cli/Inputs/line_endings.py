"""Line endings of a file: `crlf IN OUT` writes IN with CRLF line endings; `check FILE`
prints how many lines end in CRLF and how many in a bare LF."""
import sys

if sys.argv[1] == "crlf":
    text = open(sys.argv[2], newline="").read().replace("\r\n", "\n")
    open(sys.argv[3], "w", newline="").write(text.replace("\n", "\r\n"))
else:
    data = open(sys.argv[2], "rb").read()
    crlf = data.count(b"\r\n")
    print("crlf=%d bare-lf=%d" % (crlf, data.count(b"\n") - crlf))

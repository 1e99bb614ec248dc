#pragma once
// Which lines a run reports findings on: --line-filter, as clang-tidy spells it
// ([{"name": "file.cpp", "lines": [[1, 3], [5, 7]]}, {"name": "other.h"}]: a file without
// "lines" is reported whole; a file not named is not reported), or the lines `git diff`
// says were added or changed since a revision (--diff), so that a pre-commit hook or a
// pull request gates the lines it touches.
#include <string>
#include <utility>
#include <vector>

#include <llvm/Support/Error.h>

namespace orm::tool {

class line_filter {
 public:
  struct file {
    std::string name;  // a path, or its end (clang-tidy matches names as suffixes)
    std::vector<std::pair<unsigned, unsigned>> lines;  // inclusive ranges; none: every line
    bool whole = false;
  };

  // Whether a finding at `path`:`line` is reported.
  bool keeps(llvm::StringRef path, unsigned line) const;

  std::vector<file> files;
};

// --line-filter's JSON; a malformed one is an error that shows the expected form.
llvm::Expected<line_filter> parse_line_filter(llvm::StringRef json);

// The lines `git diff -U0 <revision>` shows as added, in the repository holding
// `directory` (paths made absolute from its top level). Untracked files are not in it.
llvm::Expected<line_filter> changed_lines(const std::string& revision, const std::string& directory);

}  // namespace orm::tool

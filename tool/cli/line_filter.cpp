#include "tool/cli/line_filter.hpp"

#include <optional>

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>

#include "tool/cli/run_program.hpp"

namespace orm::tool {

bool line_filter::keeps(llvm::StringRef path, unsigned line) const {
  for (const file& f : files) {
    llvm::StringRef rest = path;
    if (!rest.consume_back(f.name) || (!rest.empty() && !llvm::sys::path::is_separator(rest.back()))) continue;
    if (f.whole) return true;
    for (const auto& [first, last] : f.lines)
      if (line >= first && line <= last) return true;
  }
  return false;
}

llvm::Expected<line_filter> parse_line_filter(llvm::StringRef json) {
  const auto malformed = [&](const std::string& why) {
    return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                   "ormlint: --line-filter: %s; write it as [{\"name\": \"file.cpp\", \"lines\": [[1, 3], "
                                   "[5, 7]]}, {\"name\": \"whole.h\"}]",
                                   why.c_str());
  };
  auto parsed = llvm::json::parse(json);
  if (!parsed) return malformed(llvm::toString(parsed.takeError()));
  const llvm::json::Array* entries = parsed->getAsArray();
  if (!entries) return malformed("not a JSON array");
  line_filter out;
  for (const llvm::json::Value& entry : *entries) {
    const llvm::json::Object* o = entry.getAsObject();
    const auto name = o ? o->getString("name") : std::nullopt;
    if (!name || name->empty()) return malformed("an entry without a \"name\"");
    line_filter::file f{name->str(), {}, false};
    const llvm::json::Array* lines = o->getArray("lines");
    f.whole = lines == nullptr;
    for (const llvm::json::Value& range : lines ? *lines : llvm::json::Array{}) {
      const llvm::json::Array* pair = range.getAsArray();
      const auto first = pair && pair->size() == 2 ? (*pair)[0].getAsInteger() : std::nullopt;
      const auto last = pair && pair->size() == 2 ? (*pair)[1].getAsInteger() : std::nullopt;
      if (!first || !last || *first < 1 || *last < *first) return malformed("a range of \"" + f.name + "\" that is not [first, last]");
      f.lines.emplace_back(static_cast<unsigned>(*first), static_cast<unsigned>(*last));
    }
    out.files.push_back(std::move(f));
  }
  return out;
}

namespace {

// git with `arguments`, run in `directory`; its standard output.
llvm::Expected<std::string> git(const std::vector<std::string>& arguments, const std::string& directory) {
  std::vector<std::string> argv{"-C", directory};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  std::string command = "git";
  for (const std::string& a : arguments) command += " " + a;
  return run_program("git", argv, std::nullopt, "ormlint: --diff needs git on the PATH",
                     "ormlint: --diff: '" + command + "' failed in " + directory);
}

}  // namespace

llvm::Expected<line_filter> changed_lines(const std::string& revision, const std::string& directory) {
  auto top = git({"rev-parse", "--show-toplevel"}, directory);
  if (!top) return top.takeError();
  const std::string root = llvm::StringRef(*top).trim().str();
  auto diff = git({"diff", "-U0", "--no-color", "--no-ext-diff", revision, "--"}, directory);
  if (!diff) return diff.takeError();
  line_filter out;
  line_filter::file* current = nullptr;
  for (llvm::StringRef line : llvm::split(*diff, '\n')) {
    if (line.consume_front("+++ ")) {
      current = nullptr;
      if (!line.consume_front("b/")) continue;  // /dev/null: the file was deleted
      llvm::SmallString<256> path(root);
      llvm::sys::path::append(path, line);
      out.files.push_back({std::string(path), {}, false});
      current = &out.files.back();
    } else if (current && line.consume_front("@@ ")) {
      // @@ -a,b +c,d @@: lines c .. c+d-1 are the new text (d defaults to 1; 0 deletes).
      const llvm::StringRef added = line.split(' ').second.split(' ').first;
      if (!added.starts_with("+")) continue;
      const auto [start_text, count_text] = added.drop_front().split(',');
      unsigned start = 0, count = 1;
      if (start_text.getAsInteger(10, start) || (!count_text.empty() && count_text.getAsInteger(10, count))) continue;
      if (count > 0) current->lines.emplace_back(start, start + count - 1);
    }
  }
  return out;
}

}  // namespace orm::tool

#include "tool/cli/baseline.hpp"

#include <map>
#include <tuple>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include "tool/cli/inputs.hpp"

namespace orm::tool {

namespace {

using entry_key = std::tuple<std::string, std::string, std::string>;  // check, file, message

std::string directory_of(const std::string& path) { return llvm::sys::path::parent_path(absolute(path)).str(); }

// A finding's file as the baseline records it: relative to the baseline's directory when
// it is under it, else absolute.
entry_key key_of(const reported_finding& f, const std::string& base) {
  return {f.check, relative_to(f.file, base), f.message};
}

}  // namespace

llvm::Error write_baseline(const finding_list& findings, const std::string& path) {
  const std::string base = directory_of(path);
  llvm::json::Array entries;
  for (const reported_finding* f : findings) {
    const auto [check, file, message] = key_of(*f, base);
    entries.push_back(llvm::json::Object{{"check", check}, {"file", file}, {"message", message}});
  }
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec);
  if (ec) return llvm::createStringError(ec, "ormlint: cannot write the baseline %s: %s", path.c_str(), ec.message().c_str());
  out << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{{"version", 1}, {"findings", std::move(entries)}}))
      << "\n";
  return llvm::Error::success();
}

llvm::Expected<baseline_match> apply_baseline(const finding_list& findings, const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "ormlint: cannot read the baseline %s: %s; write one with "
                                   "--write-baseline", path.c_str(), buffer.getError().message().c_str());
  const auto not_a_baseline = [&](const std::string& why) {
    return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                   "ormlint: %s is not a baseline ormlint wrote (%s); write it again with --write-baseline",
                                   path.c_str(), why.c_str());
  };
  auto parsed = llvm::json::parse((*buffer)->getBuffer());
  if (!parsed) return not_a_baseline(llvm::toString(parsed.takeError()));
  const llvm::json::Object* root = parsed->getAsObject();
  const llvm::json::Array* entries = root ? root->getArray("findings") : nullptr;
  if (!entries || root->getInteger("version") != 1) return not_a_baseline("no version 1 and findings");
  std::map<entry_key, std::size_t> held;  // how many findings of each key the baseline holds
  for (const llvm::json::Value& value : *entries) {
    const llvm::json::Object* e = value.getAsObject();
    const auto check = e ? e->getString("check") : std::nullopt;
    const auto file = e ? e->getString("file") : std::nullopt;
    const auto message = e ? e->getString("message") : std::nullopt;
    if (!check || !file || !message) return not_a_baseline("an entry without check, file and message");
    ++held[{check->str(), file->str(), message->str()}];
  }
  const std::string base = directory_of(path);
  baseline_match out;
  for (const reported_finding* f : findings) {
    auto it = held.find(key_of(*f, base));
    if (it != held.end() && it->second > 0) {
      --it->second;
      ++out.matched;
    } else {
      out.remaining.push_back(f);
    }
  }
  for (const auto& [key, left] : held) out.stale += left;
  return out;
}

}  // namespace orm::tool

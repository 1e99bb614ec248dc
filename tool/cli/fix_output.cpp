#include "tool/cli/fix_output.hpp"

#include <algorithm>
#include <map>

#include <clang/Tooling/Core/Replacement.h>
#include <clang/Tooling/ReplacementsYaml.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/YAMLTraits.h>

namespace orm::tool {

namespace {

// Every fix ormlint makes is an insertion. Several findings may insert at one offset
// (two indexes added to one table): Replacements refuses those as order-dependent, so
// they are joined here, in report order, and an identical insertion is kept once.
std::map<std::string, clang::tooling::Replacements> merged(const finding_list& findings, llvm::raw_ostream& errors) {
  std::map<std::string, std::map<unsigned, std::vector<std::string>>> insertions;
  std::map<std::string, clang::tooling::Replacements> out;
  for (const reported_finding* f : findings)
    for (const auto& r : f->replacements) {
      if (r.getLength() != 0) {
        if (auto e = out[r.getFilePath().str()].add(r)) errors << "ormlint: fix skipped: " << llvm::toString(std::move(e)) << "\n";
        continue;
      }
      auto& texts = insertions[r.getFilePath().str()][r.getOffset()];
      if (std::find(texts.begin(), texts.end(), r.getReplacementText().str()) == texts.end())
        texts.push_back(r.getReplacementText().str());
    }
  for (const auto& [file, at] : insertions)
    for (const auto& [offset, texts] : at) {
      std::string joined;
      for (const auto& t : texts) joined += t;
      if (auto e = out[file].add(clang::tooling::Replacement(file, offset, 0, joined)))
        errors << "ormlint: fix skipped: " << llvm::toString(std::move(e)) << "\n";
    }
  return out;
}

}  // namespace

bool apply_fixes(const finding_list& findings, llvm::raw_ostream& errors) {
  bool ok = true;
  for (const auto& [file, replacements] : merged(findings, errors)) {
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer) {
      errors << "ormlint: cannot read " << file << " to fix it: " << buffer.getError().message() << "\n";
      ok = false;
      continue;
    }
    auto fixed = clang::tooling::applyAllReplacements((*buffer)->getBuffer(), replacements);
    if (!fixed) {
      errors << "ormlint: cannot fix " << file << ": " << llvm::toString(fixed.takeError()) << "\n";
      ok = false;
      continue;
    }
    std::error_code ec;
    llvm::raw_fd_ostream out(file, ec);
    if (ec) {
      errors << "ormlint: cannot write " << file << ": " << ec.message() << "\n";
      ok = false;
      continue;
    }
    out << *fixed;
  }
  return ok;
}

bool export_fixes(const finding_list& findings, llvm::StringRef main_file, llvm::StringRef path,
                  llvm::raw_ostream& errors) {
  clang::tooling::TranslationUnitReplacements tu;
  tu.MainSourceFile = main_file.str();
  for (const auto& [file, replacements] : merged(findings, errors))
    for (const auto& r : replacements) tu.Replacements.push_back(r);
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec);
  if (ec) {
    errors << "ormlint: cannot write " << path << ": " << ec.message() << "\n";
    return false;
  }
  llvm::yaml::Output yaml(out);
  yaml << tu;
  return true;
}

}  // namespace orm::tool

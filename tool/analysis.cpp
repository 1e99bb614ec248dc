#include "tool/analysis.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>

#include "checks/registry.hpp"
#include "tool/extract/query_finder.hpp"
#include "tool/fixes/call_index.hpp"
#include "tool/fixes/fix_edits.hpp"
#include "tool/fixes/literal_locator.hpp"
#include "tool/fixes/site_locator.hpp"

namespace orm::tool {

unit_analysis analyze_unit(clang::ASTContext& context, const check_filter& enabled,
                           const std::vector<clang::FileEntryRef>& headers, std::optional<graph_format> graph) {
  const calls_in_unit calls_written = find_queries(context);
  std::vector<const clang::VarDecl*> named_by_calls;
  for (const found_query& q : calls_written.queries) named_by_calls.push_back(q.schema);
  for (const found_write& w : calls_written.writes) named_by_calls.push_back(w.schema);
  schemas_in_unit schemas = find_schemas(context, named_by_calls, headers);
  unit_analysis out;
  // A schema nobody could check is a finding of its own (orm-unreadable-schema), so that
  // CI can promote it and no front end passes it in silence.
  if (enabled(checks::unreadable_schema_check))
    for (const unreadable_schema& u : schemas.unreadable) {
      checks::finding f = checks::make_finding(
          checks::unreadable_schema_check, checks::severity::warning, {},
          "ormlint cannot read schema '" + u.variable->getQualifiedNameAsString() + "': " + u.reason +
              "; make its initializer a constant expression");
      out.findings.push_back({std::move(f), u.variable->getLocation(), {}, {}, {}});
    }
  out.unreadable = std::move(schemas.unreadable);
  if (schemas.readable.empty()) return out;

  const site_locator locate(context.getSourceManager());
  std::optional<call_index> calls;  // built only when a fix needs it
  // Schemas that share tables report the same table-level finding once.
  std::set<std::tuple<std::string, unsigned, std::string>> seen;
  // An edit proposed by several findings (one index serving two relations, one alias
  // for both ends) is attached to the first only: front ends that apply every fix-it
  // (clang-tidy, clangd) would otherwise apply it twice.
  std::map<std::tuple<unsigned, unsigned, std::string>, clang::SourceLocation> planned;  // each edit: who carries it
  for (const found_schema& schema : schemas.readable) {
    // The queries and writes made against this schema.
    const auto own = [&](const auto& calls) {
      std::vector<std::decay_t<decltype(calls.front().call)>> out;
      for (const auto& c : calls)
        if (c.schema == schema.variable->getCanonicalDecl()) out.push_back(c.call);
      return out;
    };
    checks::findings found = checks::run_checks(schema.model, enabled, own(calls_written.queries), own(calls_written.writes));
    if (graph) out.graphs.push_back(schema_graph(schema.model, schema.variable->getQualifiedNameAsString(), found, *graph));
    for (checks::finding& f : found) {
      clang::SourceLocation at = locate(f.site);
      if (!f.literal.empty())
        if (const auto literal = find_literal(at, f.literal, context.getSourceManager(), context.getLangOpts()); literal.isValid())
          at = literal.getBegin();
      if (at.isInvalid()) at = schema.variable->getLocation();
      if (!seen.emplace(f.check, at.getRawEncoding(), f.message).second) continue;
      located_finding lf{std::move(f), at, {}, {}, {}};
      for (const checks::note& n : lf.finding.notes)
        if (clang::SourceLocation where = locate(n.site); where.isValid()) lf.notes.push_back({where, n.message});
      if (!lf.finding.fixes.empty()) {
        if (!calls) calls.emplace(context);
        if (auto edits = plan_edits(lf.finding.fixes, context, *calls, locate))
          for (clang::FixItHint& edit : *edits) {
            const auto [carrier, fresh] = planned.try_emplace(
                {edit.RemoveRange.getBegin().getRawEncoding(), edit.RemoveRange.getEnd().getRawEncoding(), edit.CodeToInsert},
                at);
            if (fresh) lf.fixes.push_back(std::move(edit));
            else lf.fix_carried_by = carrier->second;
          }
      }
      out.findings.push_back(std::move(lf));
    }
  }
  // In source order, as a compiler reports: a reader (and a diff of two runs) meets the
  // findings of a file top to bottom, whatever check found them.
  // Equal sites keep the checks' order: ties are broken by position in the list.
  const clang::SourceManager& sm = context.getSourceManager();
  std::vector<std::size_t> order(out.findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const clang::SourceLocation x = sm.getExpansionLoc(out.findings[a].location);
    const clang::SourceLocation y = sm.getExpansionLoc(out.findings[b].location);
    if (x != y) return sm.isBeforeInTranslationUnit(x, y);
    return a < b;
  });
  std::vector<located_finding> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(std::move(out.findings[i]));
  out.findings = std::move(sorted);
  return out;
}

std::string absolute_file(const clang::SourceManager& sm, clang::SourceLocation loc) {
  const auto file = sm.getFileEntryRefForID(sm.getFileID(loc));
  llvm::SmallString<256> path(file ? file->getName() : sm.getFilename(loc));
  sm.getFileManager().makeAbsolutePath(path);
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  return std::string(path);
}

bool fixes_on_finding_line(const clang::SourceManager& sm, clang::SourceLocation loc,
                           const std::vector<clang::FixItHint>& fixes) {
  const clang::SourceLocation at = sm.getFileLoc(loc);
  return std::all_of(fixes.begin(), fixes.end(), [&](const clang::FixItHint& fix) {
    const clang::SourceLocation edit = sm.getFileLoc(fix.RemoveRange.getBegin());
    return sm.getFileID(edit) == sm.getFileID(at) && sm.getSpellingLineNumber(edit) == sm.getSpellingLineNumber(at);
  });
}

}  // namespace orm::tool

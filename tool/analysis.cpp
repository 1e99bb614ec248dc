#include "tool/analysis.hpp"

#include <optional>
#include <set>
#include <tuple>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>

#include "checks/registry.hpp"
#include "tool/extract/query_finder.hpp"
#include "tool/fixes/call_index.hpp"
#include "tool/fixes/fix_edits.hpp"
#include "tool/fixes/literal_locator.hpp"
#include "tool/fixes/site_locator.hpp"

namespace orm::tool {

unit_analysis analyze_unit(clang::ASTContext& context, const check_filter& enabled) {
  schemas_in_unit schemas = find_schemas(context);
  unit_analysis out;
  out.unreadable = std::move(schemas.unreadable);
  if (schemas.readable.empty()) return out;

  const site_locator locate(context.getSourceManager());
  std::optional<call_index> calls;  // built only when a fix needs it
  // Schemas that share tables report the same table-level finding once.
  std::set<std::tuple<std::string, unsigned, std::string>> seen;
  // An edit proposed by several findings (one index serving two relations, one alias
  // for both ends) is attached to the first only: front ends that apply every fix-it
  // (clang-tidy, clangd) would otherwise apply it twice.
  std::set<std::tuple<unsigned, unsigned, std::string>> planned;
  const std::vector<found_query> queries = find_queries(context);
  for (const found_schema& schema : schemas.readable) {
    std::vector<model::query> own;  // the queries written against this schema
    for (const found_query& q : queries)
      if (q.schema == schema.variable->getCanonicalDecl()) own.push_back(q.query);
    for (checks::finding& f : checks::run_checks(schema.model, enabled, own)) {
      clang::SourceLocation at = locate(f.site);
      if (!f.literal.empty())
        if (const auto literal = find_literal(at, f.literal, context.getSourceManager(), context.getLangOpts()); literal.isValid())
          at = literal.getBegin();
      if (at.isInvalid()) at = schema.variable->getLocation();
      if (!seen.emplace(f.check, at.getRawEncoding(), f.message).second) continue;
      located_finding lf{std::move(f), at, {}, {}};
      for (const checks::note& n : lf.finding.notes)
        if (clang::SourceLocation where = locate(n.site); where.isValid()) lf.notes.push_back({where, n.message});
      if (!lf.finding.fixes.empty()) {
        if (!calls) calls.emplace(context);
        if (auto edits = plan_edits(lf.finding.fixes, context, *calls, locate))
          for (clang::FixItHint& edit : *edits)
            if (planned.emplace(edit.RemoveRange.getBegin().getRawEncoding(), edit.RemoveRange.getEnd().getRawEncoding(),
                                edit.CodeToInsert).second)
              lf.fixes.push_back(std::move(edit));
      }
      out.findings.push_back(std::move(lf));
    }
  }
  return out;
}

}  // namespace orm::tool

#include "tool/fixes/fix_edits.hpp"

#include <algorithm>
#include <span>
#include <string_view>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tool/extract/written_expr.hpp"
#include "tool/fixes/call_index.hpp"
#include "tool/fixes/literal_locator.hpp"
#include "tool/fixes/site_locator.hpp"

namespace orm::tool {

namespace {

using hints = std::vector<clang::FixItHint>;
using field_order = std::span<const std::string_view>;

// Fields in declaration order, as C++20 designated initializers must follow it.
constexpr std::string_view relation_fields[] = {"from", "to", "alias", "optional", "where"};
constexpr std::string_view schema_fields[] = {"strict", "defaults"};
constexpr std::string_view defaults_fields[] = {"default_limit", "relation_fan_out_max_keys"};

int rank(field_order order, std::string_view field) {
  const auto it = std::find(order.begin(), order.end(), field);
  return it == order.end() ? -1 : static_cast<int>(it - order.begin());
}

// Designated options as the user wrote them: `{.from = "id", .alias = "x"}`. Null when
// the argument was left to its default or is not a braced list.
const clang::InitListExpr* written_options(const clang::CallExpr& call, unsigned index) {
  if (index >= call.getNumArgs() || llvm::isa<clang::CXXDefaultArgExpr>(call.getArg(index))) return nullptr;
  const auto* list = llvm::dyn_cast<clang::InitListExpr>(written(call.getArg(index)));
  if (list && list->isSemanticForm() && list->getSyntacticForm()) list = list->getSyntacticForm();
  return list;
}

// The designator of each initializer, or nothing when one is not designated.
std::optional<std::vector<std::pair<std::string, const clang::Expr*>>> designated(const clang::InitListExpr& list) {
  std::vector<std::pair<std::string, const clang::Expr*>> out;
  for (const clang::Expr* init : list.inits()) {
    const auto* d = llvm::dyn_cast<clang::DesignatedInitExpr>(init);
    if (!d || d->size() != 1 || !d->getDesignator(0)->isFieldDesignator()) return std::nullopt;
    out.emplace_back(d->getDesignator(0)->getFieldName()->getName().str(), d);
  }
  return out;
}

class planner {
 public:
  planner(clang::ASTContext& context, const call_index& calls, const site_locator& locate)
      : context_(context), sm_(context.getSourceManager()), calls_(calls), locate_(locate) {}

  // The line break the file uses at `at`: "\r\n" when that line ends so (a CRLF file keeps
  // its endings), else "\n".
  std::string line_break_at(clang::SourceLocation at) const {
    bool invalid = false;
    const llvm::StringRef buffer = sm_.getBufferData(sm_.getFileID(at), &invalid);
    if (invalid) return "\n";
    const std::size_t end = buffer.find('\n', sm_.getFileOffset(at));
    return end != llvm::StringRef::npos && end > 0 && buffer[end - 1] == '\r' ? "\r\n" : "\n";
  }

  bool plan(const checks::add_index& fix, hints& out) const {
    const clang::CallExpr* call = calls_.table_at(locate_(fix.table_site));
    if (!call) return false;
    const std::string index = fmt::format("{}(\"{}\").on(\"{}\")", fix.unique ? "unique_index" : "index", fix.name,
                                          fmt::join(fix.columns, "\", \""));
    const clang::Expr* last = call->getArg(call->getNumArgs() - 1);
    const clang::SourceLocation last_begin = sm_.getFileLoc(last->getBeginLoc());
    // One element per line when the user wrote them so, aligned like the last one.
    const bool own_line = sm_.getSpellingLineNumber(last_begin) != sm_.getSpellingLineNumber(sm_.getFileLoc(call->getBeginLoc()));
    const std::string separator =
        own_line ? "," + line_break_at(last_begin) + std::string(sm_.getSpellingColumnNumber(last_begin) - 1, ' ') : ", ";
    out.push_back(clang::FixItHint::CreateInsertion(end_of(last), separator + index));
    return true;
  }

  bool plan(const checks::set_default_limit& fix, hints& out) const {
    const clang::CallExpr* call = calls_.schema_at(locate_(fix.schema_site));
    if (!call || call->getNumArgs() < 1) return false;
    const std::string limit = fmt::format(".default_limit = {}", fix.limit);
    const clang::InitListExpr* options = written_options(*call, 1);
    if (!options) {
      if (call->getNumArgs() >= 2 && !llvm::isa<clang::CXXDefaultArgExpr>(call->getArg(1))) return false;
      out.push_back(clang::FixItHint::CreateInsertion(end_of(call->getArg(0)), ", {.defaults = {" + limit + "}}"));
      return true;
    }
    const auto fields = designated(*options);
    if (!fields) return false;
    const auto defaults = std::find_if(fields->begin(), fields->end(), [](const auto& f) { return f.first == "defaults"; });
    if (defaults == fields->end())
      return insert_field(*options, *fields, schema_fields, "defaults", ".defaults = {" + limit + "}", out);
    const auto* inner = llvm::dyn_cast<clang::InitListExpr>(
        llvm::cast<clang::DesignatedInitExpr>(defaults->second)->getInit()->IgnoreImplicit());
    if (inner && inner->isSemanticForm() && inner->getSyntacticForm()) inner = inner->getSyntacticForm();
    const auto inner_fields = inner ? designated(*inner) : std::nullopt;
    if (!inner_fields) return false;
    return insert_field(*inner, *inner_fields, defaults_fields, "default_limit", limit, out);
  }

  bool plan(const checks::add_relation_options& fix, hints& out) const {
    const clang::CallExpr* call = calls_.relation_at(locate_(fix.relation_site));
    if (!call || call->getNumArgs() < 3) return false;
    std::vector<std::pair<int, std::string>> wanted;  // (rank, field)
    for (const auto& [field, value] : fix.fields) {
      if (rank(relation_fields, field) < 0) return false;
      wanted.emplace_back(rank(relation_fields, field), field);
    }
    std::sort(wanted.begin(), wanted.end());
    auto text_of = [&](const std::string& field) {
      const auto it = std::find_if(fix.fields.begin(), fix.fields.end(), [&](const auto& f) { return f.first == field; });
      return fmt::format(".{} = {}", field, it->second);
    };
    const clang::InitListExpr* options = written_options(*call, 3);
    if (!options) {
      if (call->getNumArgs() >= 4 && !llvm::isa<clang::CXXDefaultArgExpr>(call->getArg(3))) return false;
      std::vector<std::string> texts;
      for (const auto& w : wanted) texts.push_back(text_of(w.second));
      out.push_back(clang::FixItHint::CreateInsertion(end_of(call->getArg(2)), fmt::format(", {{{}}}", fmt::join(texts, ", "))));
      return true;
    }
    const auto fields = designated(*options);
    if (!fields) return false;
    for (const auto& w : wanted)
      if (!insert_field(*options, *fields, relation_fields, w.second, text_of(w.second), out)) return false;
    return true;
  }

  bool plan(const checks::replace_literal& fix, hints& out) const {
    const clang::CharSourceRange literal =
        find_literal(locate_(fix.site), fix.written, sm_, context_.getLangOpts(), /*skip_own=*/!fix.at_site);
    if (literal.isInvalid()) return false;
    out.push_back(clang::FixItHint::CreateReplacement(literal, fmt::format("\"{}\"", fix.replacement)));
    return true;
  }

  bool plan(const checks::replace_source& fix, hints& out) const {
    const clang::SourceLocation begin = locate_(fix.begin), last = locate_(fix.last);
    if (begin.isInvalid() || last.isInvalid() || begin.isMacroID() || last.isMacroID()) return false;
    out.push_back(clang::FixItHint::CreateReplacement(clang::CharSourceRange::getTokenRange(begin, last), fix.replacement));
    return true;
  }

  // Removes the index from the table's arguments with one comma: up to the next
  // argument, or from the previous one when it is the last. Declined when that text
  // holds a comment, which the user wrote and the edit must not delete.
  bool plan(const checks::remove_index& fix, hints& out) const {
    const clang::CallExpr* call = calls_.table_at(locate_(fix.table_site));
    const clang::SourceLocation index = locate_(fix.index_site);
    if (!call || index.isInvalid()) return false;
    for (unsigned i = 1; i < call->getNumArgs(); ++i) {
      const clang::Expr* arg = call->getArg(i);
      const clang::SourceLocation begin = sm_.getFileLoc(arg->getBeginLoc()), end = sm_.getFileLoc(arg->getEndLoc());
      if (!sm_.isPointWithin(index, begin, end)) continue;
      const clang::CharSourceRange range =
          i + 1 < call->getNumArgs()
              ? clang::CharSourceRange::getCharRange(begin, sm_.getFileLoc(call->getArg(i + 1)->getBeginLoc()))
              : clang::CharSourceRange::getCharRange(end_of(call->getArg(i - 1)), end_of(arg));
      const llvm::StringRef text = clang::Lexer::getSourceText(range, sm_, context_.getLangOpts());
      if (text.empty() || text.contains("//") || text.contains("/*")) return false;
      out.push_back(clang::FixItHint::CreateRemoval(range));
      return true;
    }
    return false;
  }

 private:
  // Inserts `text`, the designated initializer of `field`, into `list` before the first
  // field that must follow it.
  bool insert_field(const clang::InitListExpr& list, const std::vector<std::pair<std::string, const clang::Expr*>>& fields,
                    field_order order, std::string_view field, const std::string& text, hints& out) const {
    const int wanted = rank(order, field);
    for (const auto& [name, init] : fields) {
      if (rank(order, name) == wanted) return false;  // already there: nothing safe to add
      if (rank(order, name) > wanted) {
        out.push_back(clang::FixItHint::CreateInsertion(sm_.getFileLoc(init->getBeginLoc()), text + ", "));
        return true;
      }
    }
    if (fields.empty())
      out.push_back(clang::FixItHint::CreateInsertion(sm_.getFileLoc(list.getLBraceLoc()).getLocWithOffset(1), text));
    else
      out.push_back(clang::FixItHint::CreateInsertion(end_of(fields.back().second), ", " + text));
    return true;
  }

  clang::SourceLocation end_of(const clang::Expr* e) const {
    return clang::Lexer::getLocForEndOfToken(sm_.getFileLoc(e->getEndLoc()), 0, sm_, context_.getLangOpts());
  }

  clang::ASTContext& context_;
  clang::SourceManager& sm_;
  const call_index& calls_;
  const site_locator& locate_;
};

}  // namespace

std::optional<std::vector<clang::FixItHint>> plan_edits(const std::vector<checks::fix>& fixes, clang::ASTContext& context,
                                                        const call_index& calls, const site_locator& locate) {
  const planner p(context, calls, locate);
  hints out;
  for (const checks::fix& f : fixes)
    if (!std::visit([&](const auto& intent) { return p.plan(intent, out); }, f)) return std::nullopt;
  return out;
}

}  // namespace orm::tool

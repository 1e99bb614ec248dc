#pragma once
// Reads what a call into the runtime says, in the words the planners use: the sites of
// names, constant bounds, the column literals of filters and orders, the options of each
// level of a read with its loads, the table a query(...) names, the columns a
// find_unique's filter pins, and the fields a write sets.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/ArrayRef.h>

#include <orm/model/query_model.hpp>
#include <orm/model/write_plan.hpp>

#include "tool/extract/value_reader.hpp"

namespace orm::tool {

class call_reader {
 public:
  explicit call_reader(clang::ASTContext& context);

  model::source_site site_of(clang::SourceLocation loc) const;
  // The value of an integer expression that is a constant, such as `-1` or `kPage`.
  // Through the std::optional it initializes, when it does.
  std::optional<std::int64_t> constant(const clang::Expr* e) const;
  // A string literal written for a name, and where it is.
  std::optional<model::written_name> name_in(const clang::Expr* e) const;
  // The column literals of calls to the given functions anywhere under `e`.
  void names_of_calls(const clang::Stmt* e, llvm::ArrayRef<llvm::StringRef> functions, bool every_argument,
                      std::vector<model::written_name>& out) const;
  // .after or .before, when a cursor is surely given there.
  const clang::Expr* cursor_in(const clang::InitListExpr& options, llvm::StringRef field) const;
  // What one level of options asks, from its init list.
  model::query_options options_of(const clang::InitListExpr& options) const;
  // What aggregate() computes, from its options' init list (.group_by, .count, .sum, ...).
  model::aggregation aggregation_of(const clang::InitListExpr& options) const;
  // The name of the table value that db.query(schema, table) is given.
  std::optional<std::string> table_name(const clang::CXXMemberCallExpr& query_call) const;
  // The columns a filter fixes with eq(...) through && only (unique_pinning.cpp).
  std::optional<std::vector<std::string>> pinned_by(const clang::Expr* e) const;
  // The columns a filter names, and the relations it tests with some/none/every (each with
  // what its own filter names on the related table) (filter_terms.cpp).
  void where_of(const clang::Stmt* e, std::vector<model::written_name>& columns,
                std::vector<model::query_load>& relations) const;
  // The filter as the runtime's postfix condition, without values (filter_terms.cpp);
  // nullopt when part of it is not seen here.
  std::optional<model::condition> filter_of(const clang::Expr* e) const;
  // Whether each order column is descending, when all `names` of them are seen.
  std::optional<std::vector<bool>> descending_of(const clang::Expr* order, std::size_t names) const;
  // A field of a write as the write planner reads it.
  model::written_field field_of(model::written_name name, const clang::Expr* value) const;

  clang::ASTContext& context() const { return context_; }
  clang::SourceManager& sources() const { return sm_; }

 private:
  std::vector<model::query_load> loads_of(const clang::InitListExpr& options) const;
  // The string literals of a column_names value (.sum = "total", = {"a", "b"}); `seen` turns
  // false when a name there is computed (a variable, a call).
  void column_names_of(const clang::Stmt* e, std::vector<model::written_name>& out, bool& seen) const;

  clang::ASTContext& context_;
  clang::SourceManager& sm_;
  value_reader read_;
};

}  // namespace orm::tool

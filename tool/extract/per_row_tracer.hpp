#pragma once
// N+1 tracing: whether a call into the runtime runs once per row of another query. The
// finder tells the tracer which loops and functions it is in as it walks the unit; the
// tracer decides, for a call's filter, whether its eq(...) / in(...) values come from the
// rows of an outer find_many (the loop's variable, the rows indexed, or a local computed
// from either), directly or through one level of helper function.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

#include <orm/model/query_model.hpp>

#include "tool/extract/call_reader.hpp"
#include "tool/extract/query_finder.hpp"

namespace orm::tool {

class per_row_tracer {
 public:
  explicit per_row_tracer(const call_reader& reader) : reader_(reader), sm_(reader.sources()) {}

  // Runs `traverse` (the walk of a loop's children) inside the loop.
  template <class Traverse>
  bool in_loop(const clang::Stmt* statement, const clang::Stmt* body, Traverse traverse) {
    loops_.push_back({statement, body});
    const bool go_on = traverse();
    loops_.pop_back();
    return go_on;
  }
  // Runs `traverse` inside function `f`, so that filters can be traced to its parameters.
  template <class Traverse>
  bool in_function(const clang::FunctionDecl* f, Traverse traverse) {
    functions_.push_back(f);
    const bool go_on = traverse();
    functions_.pop_back();
    return go_on;
  }

  // The call is made once per row of an outer query: its filter `where` reads the rows of
  // the loop it is in.
  std::optional<model::per_row_call> per_row_of(const clang::Expr* where, const clang::CallExpr& call,
                                                llvm::StringRef call_name) const;
  // The same for a row written (an insert): its columns' values read the loop's rows.
  using column_values = std::vector<std::pair<model::written_name, const clang::Expr*>>;
  std::optional<model::per_row_call> per_row_of(const column_values& values, const clang::CallExpr& call,
                                                llvm::StringRef call_name) const;
  // Records a call (not in a loop) whose eq(...) / in(...) values come from a parameter of
  // the function it is in: resolve_helpers() pairs it with the loops that call the
  // function. `index`: where the call is stored in the result's queries or writes.
  void note_parameter_fed(const clang::Expr* where, bool is_query, std::size_t index, llvm::StringRef call_name);
  // A function of this unit called in a loop over rows, with a row's value as an argument.
  void note_call(const clang::CallExpr& call);
  // One level of helper: a call in a helper function whose filter takes a parameter, the
  // helper called in a loop with a row's value for it, runs once per row too.
  void resolve_helpers(calls_in_unit& result) const;

 private:
  struct loop {
    const clang::Stmt* statement;
    const clang::Stmt* body;
  };
  // The query (its table and site) whose rows a value reads.
  using rows_query = std::pair<std::string, model::source_site>;
  struct helper_call {
    const clang::FunctionDecl* callee;  // canonical
    unsigned parameter;
    rows_query rows;  // the outer query
    model::source_site site;
    std::string name;
  };
  struct parameter_fed {
    const clang::FunctionDecl* function;  // canonical
    unsigned parameter;
    std::vector<model::written_name> columns;
    bool is_query;
    std::size_t index;  // in result.queries or result.writes
    std::string call_name;
  };

  bool within(const clang::Stmt* outer, clang::SourceLocation at) const;
  std::vector<const loop*> loops_around(const clang::CallExpr& call) const;
  template <class Visit>
  void for_each_equality(const clang::Stmt* e, Visit&& visit) const;
  std::optional<rows_query> row_source(const clang::Stmt* e, const std::vector<const loop*>& around, int hops) const;
  std::optional<rows_query> rows_of(const clang::Expr* e) const;

  const call_reader& reader_;
  clang::SourceManager& sm_;
  std::vector<loop> loops_;
  std::vector<const clang::FunctionDecl*> functions_;
  std::vector<helper_call> helper_calls_;
  std::vector<parameter_fed> parameter_fed_;
};

}  // namespace orm::tool

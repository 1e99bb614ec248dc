#include "tool/extract/query_finder.hpp"
#include "tool/extract/row_reader.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "tool/extract/value_reader.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

namespace {

// A method of the runtime's class template `klass` (basic_database, basic_table_query),
// whatever backend it is instantiated for: every backend's database is one of them, so a
// new backend needs nothing here.
bool is_method(const clang::CXXMethodDecl* m, llvm::StringRef klass) {
  const auto* record = m ? llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(m->getParent()) : nullptr;
  if (!record || record->getName() != klass) return false;
  const auto* runtime = llvm::dyn_cast<clang::NamespaceDecl>(record->getDeclContext());
  const auto* orm = runtime ? llvm::dyn_cast<clang::NamespaceDecl>(runtime->getDeclContext()) : nullptr;
  return runtime && runtime->getName() == "runtime" && orm && orm->getName() == "orm" && orm->getDeclContext()->isTranslationUnit();
}

// The field of an aggregate's (semantic) init list, by name; null when not found.
const clang::Expr* field_init(const clang::InitListExpr& list, llvm::StringRef name) {
  const auto* record = list.getType()->getAsRecordDecl();
  if (!record) return nullptr;
  for (const clang::FieldDecl* f : record->fields())
    if (f->getName() == name && f->getFieldIndex() < list.getNumInits()) return list.getInit(f->getFieldIndex());
  return nullptr;
}

// The DSL's and the runtime's filter predicates, each naming its column first.
const llvm::StringRef filter_predicates[] = {"eq", "ne", "lt", "le", "gt", "ge", "is_null", "is_not_null", "like", "in"};

// Whether the user wrote this field, rather than leaving it to its default.
bool given(const clang::Expr* init) { return init && !llvm::isa<clang::CXXDefaultInitExpr>(init); }

class finder : public clang::RecursiveASTVisitor<finder> {
 public:
  explicit finder(clang::ASTContext& context) : context_(context), sm_(context.getSourceManager()), read_(context) {}

  bool TraverseDecl(clang::Decl* d) {
    if (d && !llvm::isa<clang::TranslationUnitDecl>(d) && sm_.isInSystemHeader(d->getLocation())) return true;
    return RecursiveASTVisitor::TraverseDecl(d);
  }

  // A call in a function template is read in each instantiation, where its types are
  // known (`template <class Db> void run(Db& db)`, called with either backend); in the
  // template itself it is dependent, and skipped. find_queries keeps one per site. Only
  // the object may come from the template's arguments: a call whose arguments do (a
  // value of type T, a non-type parameter, sizeof(T)) would be judged for one
  // instantiation and reported for all, so it is skipped.
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (arguments_from_template(*call)) return true;
    if (is_method(method, "basic_database") && method->getIdentifier() &&
        (method->getName() == "insert" || method->getName() == "update" || method->getName() == "remove"))
      return visit_write(*call, method->getName());
    if (!is_method(method, "basic_table_query") || !method->getIdentifier() ||
        !(method->getName() == "find_many" || method->getName() == "find_first" || method->getName() == "find_unique") ||
        call->getNumArgs() < 1)
      return true;
    const auto* query_call = query_of(call->getImplicitObjectArgument());
    if (!query_call) return true;
    const auto* schema = variable(query_call->getArg(0));
    // find_many<T>(): the options defaulted, read from the declaration's `= {}`.
    const clang::Expr* given_options = call->getArg(0);
    if (const auto* defaulted = llvm::dyn_cast<clang::CXXDefaultArgExpr>(given_options)) given_options = defaulted->getExpr();
    const auto* options = options_list(given_options);
    const auto table = schema && options ? table_name(*query_call) : std::nullopt;
    if (!table) return true;
    found_query q{schema->getCanonicalDecl(), {}};
    q.call.table = *table;
    q.call.site = site_of(call->getBeginLoc());
    // find_many<T>: the struct the rows decode into.
    if (const clang::TemplateArgumentList* args = method->getTemplateSpecializationArgs();
        args && args->size() == 1 && args->get(0).getKind() == clang::TemplateArgument::Type)
      q.call.row = read_row_type(context_, args->get(0).getAsType());
    if (const clang::Expr* scan = field_init(*options, "allow_full_scan"); given(scan)) {
      const auto* literal = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(written(scan));
      q.call.allow_full_scan = !literal || literal->getValue();
    }
    if (const clang::Expr* depth = field_init(*options, "max_depth"); given(depth)) {
      const auto value = constant(depth);
      if (!value) return true;  // a depth known only at run time: the nesting cannot be judged
      q.call.max_depth = static_cast<int>(*value);
    }
    q.call.top = options_of(*options);
    const clang::Expr* where = field_init(*options, "where");
    if (given(where)) {
      q.call.per_row = per_row_of(where, *call, method->getName());
      if (!q.call.per_row) note_parameter_fed(where, true, result.queries.size(), method->getName());
    }
    if (method->getName() == "find_unique") {
      q.call.unique = true;
      q.call.pinned = given(where) ? pinned_by(where) : std::vector<std::string>{};
    }
    result.queries.push_back(std::move(q));
    return true;
  }

  // Loops, so that a call in a loop's body can be told apart from one outside it. Each
  // override traverses the loop's children before it returns (no data recursion).
  bool TraverseCXXForRangeStmt(clang::CXXForRangeStmt* s) {
    return in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseCXXForRangeStmt(s); });
  }
  bool TraverseForStmt(clang::ForStmt* s) {
    return in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseForStmt(s); });
  }
  bool TraverseWhileStmt(clang::WhileStmt* s) {
    return in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseWhileStmt(s); });
  }
  bool TraverseDoStmt(clang::DoStmt* s) {
    return in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseDoStmt(s); });
  }

  // Functions, so that a call's filter can be traced to the parameters of the one it is in.
  bool TraverseFunctionDecl(clang::FunctionDecl* f) {
    functions_.push_back(f);
    const bool go_on = RecursiveASTVisitor::TraverseFunctionDecl(f);
    functions_.pop_back();
    return go_on;
  }
  bool TraverseCXXMethodDecl(clang::CXXMethodDecl* f) {
    functions_.push_back(f);
    const bool go_on = RecursiveASTVisitor::TraverseCXXMethodDecl(f);
    functions_.pop_back();
    return go_on;
  }

  // A function of this unit called in a loop over rows, with a row's value as an argument.
  bool VisitCallExpr(clang::CallExpr* call) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (!callee || !callee->hasBody() || in_orm(callee) || sm_.isInSystemHeader(callee->getLocation())) return true;
    const std::vector<const loop*> around = loops_around(*call);
    if (around.empty()) return true;
    const unsigned first = llvm::isa<clang::CXXOperatorCallExpr>(call) ? 1 : 0;
    for (unsigned i = first; i < call->getNumArgs() && i - first < callee->getNumParams(); ++i)
      if (auto rows = row_source(call->getArg(i), around, 0))
        helper_calls_.push_back({callee->getCanonicalDecl(), i - first, *rows, site_of(call->getBeginLoc()),
                                 callee->getNameAsString()});
    return true;
  }

  // One level of helper: a call in a helper function whose filter takes a parameter, the
  // helper called in a loop with a row's value for it, runs once per row too.
  void resolve_helpers() {
    for (const parameter_fed& p : parameter_fed_)
      for (const helper_call& h : helper_calls_) {
        if (h.callee != p.function || h.parameter != p.parameter) continue;
        model::per_row_call per_row{h.rows.first, h.rows.second, p.columns, p.call_name, h.site, h.name};
        auto& slot = p.is_query ? result.queries[p.index].call.per_row : result.writes[p.index].call.per_row;
        if (!slot) slot = std::move(per_row);
      }
  }

  calls_in_unit result;

 private:
  struct helper_call {
    const clang::FunctionDecl* callee;  // canonical
    unsigned parameter;
    std::pair<std::string, model::source_site> rows;  // the outer query
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

  // Records a call (not in a loop) whose eq(...) / in(...) values come from a parameter of
  // the function it is in: resolve_helpers() pairs it with the loops that call the function.
  // `index`: where the call is about to be stored in result.queries or result.writes.
  void note_parameter_fed(const clang::Expr* where, bool is_query, std::size_t index, llvm::StringRef call_name) {
    if (functions_.empty()) return;
    const clang::FunctionDecl* function = functions_.back();
    parameter_fed fed{function->getCanonicalDecl(), 0, {}, is_query, index, call_name.str()};
    std::optional<unsigned> parameter;
    for_each_equality(where, [&](const model::written_name& column, const clang::Expr* value) {
      const auto from = parameter_source(value, *function, 0);
      if (!from || (parameter && *parameter != *from)) return;
      parameter = from;
      fed.columns.push_back(column);
    });
    if (!parameter) return;
    fed.parameter = *parameter;
    parameter_fed_.push_back(std::move(fed));
  }

  // The parameter of `function` that `e` is computed from, through locals.
  static std::optional<unsigned> parameter_source(const clang::Stmt* e, const clang::FunctionDecl& function, int hops) {
    if (!e) return std::nullopt;
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
      if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()); p && p->getDeclContext() == &function)
        return p->getFunctionScopeIndex();
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && v->hasLocalStorage() && v->hasInit() && hops < 3)
        return parameter_source(v->getInit(), function, hops + 1);
    }
    if (llvm::isa<clang::LambdaExpr>(e)) return std::nullopt;
    for (const clang::Stmt* child : e->children())
      if (auto found = parameter_source(child, function, hops)) return found;
    return std::nullopt;
  }

  std::vector<const clang::FunctionDecl*> functions_;
  std::vector<helper_call> helper_calls_;
  std::vector<parameter_fed> parameter_fed_;

  struct loop {
    const clang::Stmt* statement;
    const clang::Stmt* body;
  };

  template <class Traverse>
  bool in_loop(const clang::Stmt* statement, const clang::Stmt* body, Traverse traverse) {
    loops_.push_back({statement, body});
    const bool go_on = traverse();
    loops_.pop_back();
    return go_on;
  }

  bool within(const clang::Stmt* outer, clang::SourceLocation at) const {
    if (!outer) return false;
    const clang::SourceRange range = outer->getSourceRange();
    return sm_.isPointWithin(sm_.getExpansionLoc(at), sm_.getExpansionLoc(range.getBegin()),
                             sm_.getExpansionLoc(range.getEnd()));
  }

  // The call is made once per row of an outer query when it sits in the body of a loop
  // over that query's rows and its filter takes eq(...) / in(...) values from the row:
  // the range-for's variable, the rows indexed, or a local computed from either.
  std::optional<model::per_row_call> per_row_of(const clang::Expr* where, const clang::CallExpr& call,
                                                llvm::StringRef call_name) const {
    const std::vector<const loop*> around = loops_around(call);
    if (around.empty()) return std::nullopt;
    std::optional<model::per_row_call> out;
    for_each_equality(where, [&](const model::written_name& column, const clang::Expr* value) {
      const auto rows = row_source(value, around, 0);
      if (!rows || (out && out->outer_site != rows->second)) return;
      if (!out) out = model::per_row_call{rows->first, rows->second, {}, call_name.str(), {}, {}};
      out->row_columns.push_back(column);
    });
    return out;
  }

  // The loops whose body holds the call.
  std::vector<const loop*> loops_around(const clang::CallExpr& call) const {
    std::vector<const loop*> around;
    for (const loop& l : loops_)
      if (within(l.body, call.getBeginLoc())) around.push_back(&l);
    return around;
  }

  // Each eq("column", value) and in("column", values) of a filter whose column is a
  // literal: the equalities a filter takes its values by.
  template <class Visit>
  void for_each_equality(const clang::Stmt* e, Visit&& visit) const {
    if (!e) return;
    if (const auto* c = llvm::dyn_cast<clang::CallExpr>(e); c && !llvm::isa<clang::CXXOperatorCallExpr>(c)) {
      const auto* callee = llvm::dyn_cast_or_null<clang::FunctionDecl>(c->getCalleeDecl());
      if (callee && callee->getIdentifier() && in_orm(callee) && (callee->getName() == "eq" || callee->getName() == "in") &&
          c->getNumArgs() == 2) {
        if (const auto column = name_in(c->getArg(0))) visit(*column, c->getArg(1));
        return;
      }
    }
    for (const clang::Stmt* child : e->children()) for_each_equality(child, visit);
  }

  // The query (its table and site) whose rows `e` reads, inside the loops `around`.
  using rows_query = std::pair<std::string, model::source_site>;
  std::optional<rows_query> row_source(const clang::Stmt* e, const std::vector<const loop*>& around, int hops) const {
    if (!e) return std::nullopt;
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && v->hasLocalStorage() && v->hasInit())
        for (const loop* l : around) {
          const auto* range_for = llvm::dyn_cast<clang::CXXForRangeStmt>(l->statement);
          if (range_for && range_for->getLoopVariable() == v) return rows_of(range_for->getRangeInit());
          if (!within(l->statement, v->getLocation())) {
            // Declared before the loop: the rows themselves or an iterator over them; any
            // other value is the same in every pass.
            if (auto rows = rows_of(v->getInit())) return rows;
            if (const auto* begin = llvm::dyn_cast<clang::CXXMemberCallExpr>(written(v->getInit()));
                begin && begin->getMethodDecl() && begin->getMethodDecl()->getIdentifier() &&
                (begin->getMethodDecl()->getName() == "begin" || begin->getMethodDecl()->getName() == "cbegin"))
              if (auto rows = rows_of(begin->getImplicitObjectArgument())) return rows;
          } else if (hops < 3) {
            // Computed in the loop (or its init): follow what it is computed from.
            if (auto rows = row_source(v->getInit(), around, hops + 1)) return rows;
          }
        }
    if (llvm::isa<clang::LambdaExpr>(e)) return std::nullopt;
    for (const clang::Stmt* child : e->children())
      if (auto rows = row_source(child, around, hops)) return rows;
    return std::nullopt;
  }

  // The find_many call whose result `e` is, directly or through a local initialized with it.
  std::optional<rows_query> rows_of(const clang::Expr* e) const {
    e = written(e);
    if (const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(e))
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); v && v->hasLocalStorage() && v->hasInit())
        e = written(v->getInit());
    const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(e);
    if (!call || !is_method(call->getMethodDecl(), "basic_table_query") || call->getMethodDecl()->getName() != "find_many")
      return std::nullopt;
    const auto* query_call = query_of(call->getImplicitObjectArgument());
    const auto table = query_call ? table_name(*query_call) : std::nullopt;
    if (!table) return std::nullopt;
    return rows_query{*table, site_of(call->getBeginLoc())};
  }

  // The name of the table value that db.query(schema, table) is given.
  std::optional<std::string> table_name(const clang::CXXMemberCallExpr& query_call) const {
    const auto* table = variable(query_call.getArg(1));
    if (!table || !table->evaluateValue()) return std::nullopt;
    try {
      const typed_value name = read_.field({table->evaluateValue(), table->getType()}, "name");
      return read_.c_string(read_.field(name, "ptr"), read_.integer_field(name, "len"));
    } catch (const read_error&) {
      return std::nullopt;  // a table value of another shape: not one this version understands
    }
  }

  // The columns a filter fixes with eq(...) through && only, as the planner's
  // pinned_columns reads the runtime's filter; nullopt when part of it is not seen here.
  std::optional<std::vector<std::string>> pinned_by(const clang::Expr* e) const {
    e = written(e);
    if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e); list && list->getNumInits() == 0)
      return std::vector<std::string>{};
    if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
      if (ctor->getNumArgs() == 0 && ctor->getConstructor()->isDefaultConstructor()) return std::vector<std::string>{};
      if (ctor->getNumArgs() == 1) return pinned_by(ctor->getArg(0));  // condition(predicate)
      return std::nullopt;
    }
    const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
    const auto* callee = call ? llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl()) : nullptr;
    if (!callee || !in_orm(callee)) return std::nullopt;
    if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call)) {
      if (op->getOperator() == clang::OO_PipePipe || op->getOperator() == clang::OO_Exclaim)
        return std::vector<std::string>{};  // pins nothing, whatever its operands say
      if (op->getOperator() != clang::OO_AmpAmp || op->getNumArgs() != 2) return std::nullopt;
      auto left = pinned_by(op->getArg(0));
      auto right = left ? pinned_by(op->getArg(1)) : std::nullopt;
      if (!right) return std::nullopt;
      left->insert(left->end(), right->begin(), right->end());
      return left;
    }
    if (!callee->getIdentifier()) return std::nullopt;
    const llvm::StringRef name = callee->getName();
    if (name == "eq") {
      auto column = call->getNumArgs() == 2 ? name_in(call->getArg(0)) : std::nullopt;
      if (!column) return std::nullopt;
      return std::vector<std::string>{column->text};
    }
    if (llvm::is_contained(filter_predicates, name)) return std::vector<std::string>{};  // pins nothing
    return std::nullopt;
  }

  // The options of a find_* call: braces at the call, or a const local initialized with them.
  static const clang::InitListExpr* options_list(const clang::Expr* argument) {
    const clang::Expr* e = written(argument);
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
          v && v->hasLocalStorage() && v->getType().isConstQualified() && v->hasInit())
        e = written(v->getInit());
    return llvm::dyn_cast<clang::InitListExpr>(e);
  }

  // What a struct's field writes, as the write planner reads a written value.
  static model::written_kind written_kind_of(const model::row_field& f) {
    using v = model::row_field::value_kind;
    using w = model::written_kind;
    if (f.sequence && f.kind == v::row) return w::unknown;
    switch (f.kind) {
      case v::integer:
      case v::time_point: return w::integer;
      case v::real: return w::real;
      case v::text: return w::text;
      case v::bytes: return w::bytes;
      case v::boolean: return w::boolean;
      default: return w::unknown;
    }
  }

  std::vector<loop> loops_;
  // db.insert(schema, "users", {{"name", v}, ...}), db.update(schema, "users", {...}, where[, options]),
  // db.remove(schema, "users", where[, options]), with the table named by a literal.
  bool visit_write(const clang::CXXMemberCallExpr& call, llvm::StringRef name) {
    using kind = model::write::kind;
    const kind what = name == "insert" ? kind::insert : name == "update" ? kind::update : kind::remove;
    const unsigned where_arg = what == kind::update ? 3 : 2;
    if (call.getNumArgs() < (what == kind::insert ? 3u : where_arg + 1)) return true;
    const auto* schema = variable(call.getArg(0));
    const auto table = name_in(call.getArg(1));
    if (!schema || !table) return true;
    found_write w{schema->getCanonicalDecl(), {}};
    w.call.what = what;
    w.call.table = *table;
    w.call.site = site_of(call.getExprLoc());
    if (what != kind::remove) {
      const auto* row = row_of(call.getArg(2));
      w.call.fields_complete = row != nullptr;
      // A struct written: each field is the column of its name (typed rows).
      if (!row)
        if (const auto written_struct = read_row_type(context_, written(call.getArg(2))->getType())) {
          w.call.fields_complete = true;
          for (const model::row_field& f : written_struct->fields)
            w.call.fields.push_back({{f.name, f.site}, written_kind_of(f), std::nullopt, f.site});
        }
      for (const clang::Expr* item : row ? row->inits() : llvm::ArrayRef<clang::Expr*>{}) {
        const auto parts = pair_parts(item);
        auto field = parts ? name_in(parts->first) : std::nullopt;
        if (!field) {
          w.call.fields_complete = false;  // a name known only at run time
          continue;
        }
        w.call.fields.push_back(field_of(std::move(*field), parts->second));
      }
    }
    if (what != kind::insert) {
      const clang::Expr* where = call.getArg(where_arg);
      names_of_calls(where, filter_predicates, false,
                     w.call.where_columns);
      w.call.where_empty = empty_braces(where);
      w.call.per_row = per_row_of(where, call, name);
      if (!w.call.per_row) note_parameter_fed(where, false, result.writes.size(), name);
      if (where_arg + 1 < call.getNumArgs() && !llvm::isa<clang::CXXDefaultArgExpr>(call.getArg(where_arg + 1))) {
        const auto* options = llvm::dyn_cast<clang::InitListExpr>(written(call.getArg(where_arg + 1)));
        const clang::Expr* scan = options ? field_init(*options, "allow_full_scan") : nullptr;
        const auto* literal = scan ? llvm::dyn_cast<clang::CXXBoolLiteralExpr>(written(scan)) : nullptr;
        // Anything but a literal false may allow it: not known here, so not reported.
        w.call.allow_full_scan = !options || (given(scan) && (!literal || literal->getValue()));
      }
    }
    result.writes.push_back(std::move(w));
    return true;
  }

  // The braced rows of a `fields` argument: {{"name", v}, ...}.
  static const clang::InitListExpr* row_of(const clang::Expr* e) {
    const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(written(e));
    if (!ctor || ctor->getNumArgs() < 1) return nullptr;
    const auto* list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(written(ctor->getArg(0)));
    return list ? llvm::dyn_cast<clang::InitListExpr>(written(list->getSubExpr())) : nullptr;
  }

  // The name and value of a {"name", value} pair: braces, or the std::pair constructor they became.
  static std::optional<std::pair<const clang::Expr*, const clang::Expr*>> pair_parts(const clang::Expr* e) {
    e = written(e);
    if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e); list && list->getNumInits() == 2)
      return std::pair{list->getInit(0), list->getInit(1)};
    if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e); ctor && ctor->getNumArgs() == 2)
      return std::pair{ctor->getArg(0), ctor->getArg(1)};
    return std::nullopt;
  }

  // A field as the write planner reads it: the value's kind comes from the C++ type the
  // runtime's parameter is built from, as overload resolution picks its constructor.
  model::written_field field_of(model::written_name name, const clang::Expr* value) const {
    using k = model::written_kind;
    model::written_field f{std::move(name), k::unknown, std::nullopt, site_of(value->getBeginLoc())};
    const clang::Expr* e = written(value);
    if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e); ctor && ctor->getNumArgs() == 1 && is_param(e->getType()))
      e = written(ctor->getArg(0));
    const clang::QualType type = e->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType();
    auto is_char = [](clang::QualType t) { return t->isCharType(); };
    if (const std::optional<k> computed = computed_kind(e)) f.kind = *computed;
    else if (is_param(type)) f.kind = k::unknown;  // a parameter already: its kind is the run time's
    else if (type->isNullPtrType()) f.kind = k::null;
    else if (type->isBooleanType()) f.kind = k::boolean;
    else if (type->isIntegerType()) f.kind = k::integer;
    else if (type->isRealFloatingType()) f.kind = k::real;
    else if ((type->isArrayType() && is_char(type->castAsArrayTypeUnsafe()->getElementType())) ||
             (type->isPointerType() && is_char(type->getPointeeType())))
      f.kind = k::text;
    else if (const auto* record = type->getAsCXXRecordDecl(); record && record->getIdentifier()) {
      const llvm::StringRef n = record->getName();
      if (n == "basic_string" || n == "basic_string_view") f.kind = k::text;
      else if (n == "blob" && in_orm(record)) f.kind = k::bytes;
    }
    if (const clang::StringLiteral* literal = literal_in(e); literal && literal->isOrdinary())
      f.text = literal->getString().str();
    return f;
  }

  // orm::add / orm::sub of an integer or a real, and orm::now<D>(): what the database
  // computes, as the runtime's param records it (runtime/param.hpp).
  static std::optional<model::written_kind> computed_kind(const clang::Expr* e) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(e);
    const clang::FunctionDecl* callee = call ? call->getDirectCallee() : nullptr;
    if (!callee || !callee->getIdentifier() || !in_orm(callee)) return std::nullopt;
    const llvm::StringRef name = callee->getName();
    if (name == "now" && call->getNumArgs() == 0) return model::written_kind::clock;
    if ((name != "add" && name != "sub") || call->getNumArgs() != 1) return std::nullopt;
    const clang::QualType amount = callee->getParamDecl(0)->getType().getCanonicalType();
    if (amount->isRealFloatingType()) return model::written_kind::add_real;
    if (amount->isIntegerType()) return model::written_kind::add_integer;
    return std::nullopt;
  }

  static bool is_param(clang::QualType t) {
    const auto* record = t.getNonReferenceType()->getAsCXXRecordDecl();
    return record && record->getIdentifier() && record->getName() == "param" && in_orm(record);
  }

  // `{}` or `condition()` written for the filter: it is empty, and every row matches.
  static bool empty_braces(const clang::Expr* e) {
    e = written(e);
    if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(e)) return list->getNumInits() == 0;
    const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e);
    return ctor && ctor->getNumArgs() == 0 && ctor->getConstructor()->isDefaultConstructor();
  }

  // db.query(schema, table), directly or through a variable initialized with it.
  // Whether a type, as written, names a template's argument (int for T, in generic<int>).
  static bool from_template(clang::QualType type) {
    for (const clang::Type* t = type.getTypePtrOrNull(); t;) {
      if (llvm::isa<clang::SubstTemplateTypeParmType>(t)) return true;
      if (const auto* reference = llvm::dyn_cast<clang::ReferenceType>(t)) {
        t = reference->getPointeeTypeAsWritten().getTypePtrOrNull();
        continue;
      }
      const clang::QualType next = t->getLocallyUnqualifiedSingleStepDesugaredType();
      if (next.getTypePtrOrNull() == t) break;
      t = next.getTypePtrOrNull();
    }
    return false;
  }
  static bool uses_template_arguments(const clang::Stmt* s) {
    if (!s) return false;
    if (llvm::isa<clang::SubstNonTypeTemplateParmExpr>(s)) return true;
    if (const auto* trait = llvm::dyn_cast<clang::UnaryExprOrTypeTraitExpr>(s);
        trait && trait->isArgumentType() && from_template(trait->getArgumentType()))
      return true;
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(s); ref && from_template(ref->getDecl()->getType())) return true;
    for (const clang::Stmt* child : s->children())
      if (uses_template_arguments(child)) return true;
    return false;
  }
  // The call's arguments, and those of the query(...) it is made on, in an instantiation.
  bool arguments_from_template(const clang::CXXMemberCallExpr& call) const {
    const auto any = [](const clang::CallExpr& c) {
      for (const clang::Expr* a : c.arguments())
        if (uses_template_arguments(a)) return true;
      return false;
    };
    if (any(call)) return true;
    const auto* query_call = query_of(call.getImplicitObjectArgument());
    return query_call && any(*query_call);
  }

  const clang::CXXMemberCallExpr* query_of(const clang::Expr* object) const {
    const clang::Expr* e = written(object);
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->hasInit()) e = written(var->getInit());
    const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e);
    if (!call || !is_method(call->getMethodDecl(), "basic_database") || call->getMethodDecl()->getName() != "query" ||
        call->getNumArgs() != 2)
      return nullptr;
    return call;
  }

  static const clang::VarDecl* variable(const clang::Expr* e) {
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(written(e));
    return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  }

  model::source_site site_of(clang::SourceLocation loc) const {
    const clang::PresumedLoc p = sm_.getPresumedLoc(sm_.getFileLoc(loc));
    return p.isValid() ? model::source_site{p.getFilename(), p.getLine(), p.getColumn()} : model::source_site{};
  }

  // The value of an integer expression that is a constant, such as `-1` or `kPage`.
  // Through the std::optional it initializes, when it does.
  std::optional<std::int64_t> constant(const clang::Expr* e) const {
    e = written(e);
    if (const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
      e = written(construct->getArg(0));
    clang::Expr::EvalResult result;
    if (!e || e->isValueDependent() || !e->getType()->isIntegralOrEnumerationType() || !e->EvaluateAsInt(result, context_))
      return std::nullopt;
    return result.Val.getInt().getExtValue();
  }

  // The string literal an argument is, through the conversions to str or std::string.
  static const clang::StringLiteral* literal_in(const clang::Expr* e) {
    for (int hops = 0; e && hops < 8; ++hops) {
      e = written(e);
      if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(e)) return literal;
      const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(e);
      if (!construct || construct->getNumArgs() < 1) return nullptr;
      e = construct->getArg(0);
    }
    return nullptr;
  }

  std::optional<model::written_name> name_in(const clang::Expr* e) const {
    const clang::StringLiteral* literal = literal_in(e);
    if (!literal || !literal->isOrdinary()) return std::nullopt;
    return model::written_name{literal->getString().str(), site_of(literal->getBeginLoc())};
  }

  // The column literals of calls to the given functions anywhere under `e`: only(...),
  // asc(...), eq("col", v) && lt("col", v), ... A name built at run time is not known
  // here and is left out: only what is written is checked.
  void names_of_calls(const clang::Stmt* e, llvm::ArrayRef<llvm::StringRef> functions, bool every_argument,
                      std::vector<model::written_name>& out) const {
    if (!e) return;
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e); call && !llvm::isa<clang::CXXOperatorCallExpr>(call)) {
      const auto* callee = llvm::dyn_cast_or_null<clang::FunctionDecl>(call->getCalleeDecl());
      if (callee && callee->getIdentifier() && in_orm(callee) &&
          std::find(functions.begin(), functions.end(), callee->getName()) != functions.end()) {
        for (unsigned i = 0; i < call->getNumArgs() && (every_argument || i == 0); ++i)
          if (auto name = name_in(call->getArg(i))) out.push_back(std::move(*name));
        if (!every_argument) return;
      }
    }
    for (const clang::Stmt* child : e->children()) names_of_calls(child, functions, every_argument, out);
  }

  static bool in_orm(const clang::Decl* d) {
    for (const clang::DeclContext* c = d->getDeclContext(); c; c = c->getParent())
      if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(c); ns && ns->getName() == "orm" &&
                                                                     ns->getParent()->isTranslationUnit())
        return true;
    return false;
  }

  // What one level of options asks, from its init list: columns, where, order_by,
  // limit, offset and the relations `with` loads.
  model::query_options options_of(const clang::InitListExpr& options) const {
    model::query_options out;
    if (const clang::Expr* columns = field_init(options, "columns"); given(columns)) {
      names_of_calls(columns, {"only", "except"}, true, out.columns);
      out.columns_mode = model::query_options::selection::include;
    }
    if (const clang::Expr* where = field_init(options, "where"); given(where))
      names_of_calls(where, filter_predicates, false,
                     out.where_columns);
    if (const clang::Expr* order = field_init(options, "order_by"); given(order))
      names_of_calls(order, {"asc", "desc"}, false, out.order_columns);
    if (const clang::Expr* limit = field_init(options, "limit"); given(limit)) {
      out.limit_given = true;
      out.limit = constant(limit);
      out.limit_site = site_of(limit->getBeginLoc());
    }
    if (const clang::Expr* offset = field_init(options, "offset"); given(offset)) {
      out.offset = constant(offset);
      out.offset_site = site_of(offset->getBeginLoc());
    }
    out.with = loads_of(options);
    return out;
  }

  // The relations `with` loads, from the options' init list.
  std::vector<model::query_load> loads_of(const clang::InitListExpr& options) const {
    std::vector<model::query_load> out;
    const clang::Expr* with = field_init(options, "with");
    if (!given(with)) return out;
    const auto* list_ctor = llvm::dyn_cast<clang::CXXConstructExpr>(written(with));
    if (!list_ctor || list_ctor->getNumArgs() != 1) return out;
    const auto* std_list = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(written(list_ctor->getArg(0)));
    const auto* items = std_list ? llvm::dyn_cast<clang::InitListExpr>(written(std_list->getSubExpr())) : nullptr;
    if (!items) return out;
    for (const clang::Expr* item : items->inits()) {
      const auto* entry = llvm::dyn_cast<clang::InitListExpr>(written(item));
      if (!entry) continue;
      const auto name = name_in(field_init(*entry, "relation"));
      if (!name) continue;  // a name computed at run time: not known here
      model::query_load load{*name, {}};
      if (const auto* nested = llvm::dyn_cast_or_null<clang::InitListExpr>(written(field_init(*entry, "options"))))
        load.options = options_of(*nested);
      out.push_back(std::move(load));
    }
    return out;
  }

  clang::ASTContext& context_;
  clang::SourceManager& sm_;
  value_reader read_;
};

}  // namespace

// A call in a template is found once per instantiation: the first stands for all.
template <class Found>
void keep_first_per_site(std::vector<Found>& calls) {
  std::set<std::tuple<std::string, unsigned, unsigned>> seen;
  std::erase_if(calls, [&](const Found& f) { return !seen.insert({f.call.site.file, f.call.site.line, f.call.site.column}).second; });
}

calls_in_unit find_queries(clang::ASTContext& context) {
  // Units that never include the runtime's database have no calls into it: skip the walk.
  if (context.Idents.find("basic_table_query") == context.Idents.end()) return {};
  finder f(context);
  f.TraverseAST(context);
  f.resolve_helpers();
  keep_first_per_site(f.result.queries);
  keep_first_per_site(f.result.writes);
  return std::move(f.result);
}

}  // namespace orm::tool

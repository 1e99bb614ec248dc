#include "tool/extract/query_finder.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "tool/extract/call_ast.hpp"
#include "tool/extract/call_reader.hpp"
#include "tool/extract/per_row_tracer.hpp"
#include "tool/extract/row_reader.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

namespace {

// Walks a unit once: each call into the runtime's templates (reads and writes) becomes a
// found_query or found_write, read by call_reader; loops and functions are reported to
// the per_row_tracer as the walk enters and leaves them.
class finder : public clang::RecursiveASTVisitor<finder> {
 public:
  explicit finder(clang::ASTContext& context)
      : context_(context), sm_(context.getSourceManager()), reader_(context), tracer_(reader_) {}

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
    // db.returning<T>().insert(...) takes the arguments of db.insert(...), and is planned alike.
    if ((is_method(method, "basic_database") || is_method(method, "returning_writes")) && method->getIdentifier() &&
        (method->getName() == "insert" || method->getName() == "update" || method->getName() == "remove" ||
         method->getName() == "upsert"))
      return visit_write(*call, method->getName());
    if ((is_method(method, "basic_database") || is_method(method, "returning_writes")) && method->getIdentifier() &&
        method->getName() == "insert_many")
      return visit_insert_many(*call);
    if (!is_method(method, "basic_table_query") || !method->getIdentifier() ||
        !(method->getName() == "find_many" || method->getName() == "find_first" ||
          method->getName() == "find_unique" || method->getName() == "find_page" || method->getName() == "count" ||
          method->getName() == "exists" || method->getName() == "aggregate") ||
        call->getNumArgs() < 1)
      return true;
    const auto* query_call = query_of(call->getImplicitObjectArgument());
    if (!query_call) return true;
    const auto* schema = variable(query_call->getArg(0));
    // find_many<T>(): the options defaulted, read from the declaration's `= {}`.
    const clang::Expr* given_options = call->getArg(0);
    if (const auto* defaulted = llvm::dyn_cast<clang::CXXDefaultArgExpr>(given_options))
      given_options = defaulted->getExpr();
    const auto* options = options_list(given_options);
    const auto table = schema && options ? reader_.table_name(*query_call) : std::nullopt;
    if (!table) return true;
    found_query q{schema->getCanonicalDecl(), {}};
    q.call.table = *table;
    q.call.site = reader_.site_of(call->getBeginLoc());
    q.call.page = method->getName() == "find_page";
    // find_many<T>: the struct the rows decode into.
    if (const clang::TemplateArgumentList* args = method->getTemplateSpecializationArgs();
        args && args->size() == 1 && args->get(0).getKind() == clang::TemplateArgument::Type)
      q.call.row = read_row_type(context_, args->get(0).getAsType());
    if (const clang::Expr* scan = field_init(*options, "allow_full_scan"); given(scan)) {
      const auto* literal = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(written(scan));
      q.call.allow_full_scan = !literal || literal->getValue();
    }
    if (const clang::Expr* depth = field_init(*options, "max_depth"); given(depth)) {
      const auto value = reader_.constant(depth);
      if (!value) return true;  // a depth known only at run time: the nesting cannot be judged
      q.call.max_depth = static_cast<int>(*value);
    }
    q.call.top = reader_.options_of(*options);
    if (method->getName() == "aggregate") q.call.aggregate = reader_.aggregation_of(*options);
    const clang::Expr* where = field_init(*options, "where");
    if (given(where)) {
      q.call.per_row = tracer_.per_row_of(where, *call, method->getName());
      if (!q.call.per_row) tracer_.note_parameter_fed(where, true, result.queries.size(), method->getName());
    }
    if (method->getName() == "find_first") {
      q.call.top.limit_given = true;  // the runtime reads one row, whatever limit is written
      q.call.top.limit = 1;
    }
    if (method->getName() == "find_unique") {
      q.call.unique = true;
      q.call.pinned = given(where) ? reader_.pinned_by(where) : std::vector<std::string>{};
    }
    result.queries.push_back(std::move(q));
    return true;
  }

  // Loops, so that a call in a loop's body can be told apart from one outside it. Each
  // override traverses the loop's children before it returns (no data recursion).
  bool TraverseCXXForRangeStmt(clang::CXXForRangeStmt* s) {
    return tracer_.in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseCXXForRangeStmt(s); });
  }
  bool TraverseForStmt(clang::ForStmt* s) {
    return tracer_.in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseForStmt(s); });
  }
  bool TraverseWhileStmt(clang::WhileStmt* s) {
    return tracer_.in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseWhileStmt(s); });
  }
  bool TraverseDoStmt(clang::DoStmt* s) {
    return tracer_.in_loop(s, s->getBody(), [&] { return RecursiveASTVisitor::TraverseDoStmt(s); });
  }

  // Functions, so that a call's filter can be traced to the parameters of the one it is in.
  bool TraverseFunctionDecl(clang::FunctionDecl* f) {
    return tracer_.in_function(f, [&] { return RecursiveASTVisitor::TraverseFunctionDecl(f); });
  }
  bool TraverseCXXMethodDecl(clang::CXXMethodDecl* f) {
    return tracer_.in_function(f, [&] { return RecursiveASTVisitor::TraverseCXXMethodDecl(f); });
  }

  // A function of this unit called in a loop over rows, with a row's value as an argument.
  bool VisitCallExpr(clang::CallExpr* call) {
    tracer_.note_call(*call);
    return true;
  }

  void resolve_helpers() { tracer_.resolve_helpers(result); }

  calls_in_unit result;

 private:
  // db.insert(schema, "users", {{"name", v}, ...}), db.update(schema, "users", {...}, where[, options]),
  // db.remove(schema, "users", where[, options]), db.upsert(schema, "users", {...}, {.on = ...}),
  // with the table named by a literal.
  bool visit_write(const clang::CXXMemberCallExpr& call, llvm::StringRef name) {
    using kind = model::write::kind;
    const kind what = name == "insert"   ? kind::insert
                      : name == "update" ? kind::update
                      : name == "upsert" ? kind::upsert
                                         : kind::remove;
    const unsigned where_arg = what == kind::update ? 3 : 2;
    const unsigned needed = what == kind::insert ? 3u : what == kind::upsert ? 4u : where_arg + 1;
    if (call.getNumArgs() < needed) return true;
    auto found = write_on_table(call, what);
    if (!found) return true;
    found_write& w = *found;
    if (what != kind::remove) {
      const auto* row = braced_items(call.getArg(2));
      // A struct written: each field is the column of its name (typed rows).
      w.call.fields_complete = row ? fields_in(*row, w.call.fields) : struct_fields(written(call.getArg(2))->getType(), w.call);
      // An insert per row of another query, its row taking the row's values: insert_many's.
      if (what == kind::insert && row) w.call.per_row = tracer_.per_row_of(column_values_of(*row), call, name);
    }
    if (what == kind::upsert) {
      if (const auto* options = options_list(call.getArg(3))) read_conflict(*options, w.call);
      else w.call.conflict_on_known = false;  // options built elsewhere: the key is not seen here
    } else if (what != kind::insert) {
      const clang::Expr* where = call.getArg(where_arg);
      reader_.where_of(where, w.call.where_columns, w.call.filter_relations);
      w.call.where_empty = empty_braces(where);
      w.call.per_row = tracer_.per_row_of(where, call, name);
      if (!w.call.per_row) tracer_.note_parameter_fed(where, false, result.writes.size(), name);
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

  // db.insert_many(schema, "t", rows): each braced row planned as an insert, or the
  // struct of a std::vector<T> once; a list built elsewhere (the usual loop) is not seen.
  bool visit_insert_many(const clang::CXXMemberCallExpr& call) {
    const auto planned = [&] { return write_on_table(call, model::write::kind::insert); };
    if (call.getNumArgs() < 3 || !planned()) return true;
    const auto* vector = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
        written(call.getArg(2))->getType()->getAsCXXRecordDecl());
    if (!vector || vector->getTemplateArgs().size() < 1 ||
        vector->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
      return true;
    if (found_write w = *planned(); struct_fields(vector->getTemplateArgs()[0].getAsType(), w.call)) {
      result.writes.push_back(std::move(w));
      return true;
    }
    // Planned once: each row is a copy, and db.returning<T>()'s T is judged with the first
    // row only, or alone when the rows are built elsewhere (the usual loop).
    const found_write first = *planned();
    found_write others = first;
    others.call.returned.reset();
    const auto* rows = braced_items(call.getArg(2));
    for (const clang::Expr* item : rows ? rows->inits() : llvm::ArrayRef<clang::Expr*>{}) {
      found_write w = item == rows->inits().front() ? first : others;
      w.call.site = reader_.site_of(item->getBeginLoc());  // each row is a write of its own, found at its braces
      const auto* row = braced_items(item);
      w.call.fields_complete = row && fields_in(*row, w.call.fields);
      result.writes.push_back(std::move(w));
    }
    if ((!rows || rows->getNumInits() == 0) && first.call.returned) {
      found_write w = first;
      w.call.fields_complete = false;
      result.writes.push_back(std::move(w));
    }
    return true;
  }

  // A write of `what` at this call: db.<write>(schema, "table", ...), the schema a variable
  // and the table a literal; nullopt when either is not seen here.
  std::optional<found_write> write_on_table(const clang::CXXMemberCallExpr& call, model::write::kind what) const {
    const auto* schema = variable(call.getArg(0));
    const auto table = reader_.name_in(call.getArg(1));
    if (!schema || !table) return std::nullopt;
    found_write w{schema->getCanonicalDecl(), {}};
    w.call.what = what;
    w.call.table = *table;
    w.call.site = reader_.site_of(call.getExprLoc());
    // db.returning<T>().<write>: the rows it wrote come back as T, the class's second argument.
    if (const auto* returning = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(call.getMethodDecl()->getParent());
        returning && returning->getName() == "returning_writes" && returning->getTemplateArgs().size() == 2 &&
        returning->getTemplateArgs()[1].getKind() == clang::TemplateArgument::Type)
      w.call.returned = read_row_type(context_, returning->getTemplateArgs()[1].getAsType());
    return w;
  }

  // The fields of a row struct written (typed rows): each field is the column of its name.
  bool struct_fields(clang::QualType type, model::write& w) const {
    const auto written_struct = read_row_type(context_, type);
    if (!written_struct) return false;
    for (const model::row_field& f : written_struct->fields)
      w.fields.push_back({{f.name, f.site}, written_kind_of(f), std::nullopt, f.site});
    return true;
  }

  // An upsert's .on (the key's names) and .update (the fields a conflicting row gets).
  void read_conflict(const clang::InitListExpr& options, model::write& w) const {
    const clang::Expr* on = field_init(options, "on");
    if (given(on)) {
      const auto* names = braced_items(on);
      w.conflict_on_known = names != nullptr;
      for (const clang::Expr* item : names ? names->inits() : llvm::ArrayRef<clang::Expr*>{}) {
        auto name = reader_.name_in(item);
        if (name) w.conflict_on.push_back(std::move(*name));
        else w.conflict_on_known = false;  // a name known only at run time
      }
    }
    const clang::Expr* update = field_init(options, "update");
    if (!given(update)) return;
    const auto* changes = braced_items(update);
    w.on_conflict.emplace();
    // std::nullopt, or a list built elsewhere: what it sets is not seen here.
    w.on_conflict_complete = changes && fields_in(*changes, *w.on_conflict);
  }

  // The {"name", value} pairs of a `fields` list whose names are seen.
  per_row_tracer::column_values column_values_of(const clang::InitListExpr& items) const {
    per_row_tracer::column_values out;
    for (const clang::Expr* item : items.inits())
      if (const auto parts = pair_parts(item))
        if (auto name = reader_.name_in(parts->first)) out.emplace_back(std::move(*name), parts->second);
    return out;
  }

  // The {"name", value} pairs of a `fields` list; false when a name is known only at run time.
  bool fields_in(const clang::InitListExpr& items, std::vector<model::written_field>& out) const {
    bool complete = true;
    for (const clang::Expr* item : items.inits()) {
      const auto parts = pair_parts(item);
      auto field = parts ? reader_.name_in(parts->first) : std::nullopt;
      if (field) out.push_back(reader_.field_of(std::move(*field), parts->second));
      else complete = false;
    }
    return complete;
  }

  clang::ASTContext& context_;
  clang::SourceManager& sm_;
  call_reader reader_;
  per_row_tracer tracer_;
};

// A call in a template is found once per instantiation: the first stands for all.
template <class Found>
void keep_first_per_site(std::vector<Found>& calls) {
  std::set<std::tuple<std::string, unsigned, unsigned>> seen;
  std::erase_if(calls, [&](const Found& f) {
    return !seen.insert({f.call.site.file, f.call.site.line, f.call.site.column}).second;
  });
}

}  // namespace

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

#include "tool/extract/call_reader.hpp"

#include <algorithm>

#include <clang/AST/ASTContext.h>

#include "tool/extract/call_ast.hpp"
#include "tool/extract/written_expr.hpp"

namespace orm::tool {

call_reader::call_reader(clang::ASTContext& context)
    : context_(context), sm_(context.getSourceManager()), read_(context) {}

model::source_site call_reader::site_of(clang::SourceLocation loc) const {
  const clang::PresumedLoc p = sm_.getPresumedLoc(sm_.getFileLoc(loc));
  return p.isValid() ? model::source_site{p.getFilename(), p.getLine(), p.getColumn()} : model::source_site{};
}

// The value of an integer expression that is a constant, such as `-1` or `kPage`.
// Through the std::optional it initializes, when it does.
std::optional<std::int64_t> call_reader::constant(const clang::Expr* e) const {
  e = written(e);
  if (const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(e);
      construct && construct->getNumArgs() == 1)
    e = written(construct->getArg(0));
  clang::Expr::EvalResult result;
  if (!e || e->isValueDependent() || !e->getType()->isIntegralOrEnumerationType() ||
      !e->EvaluateAsInt(result, context_))
    return std::nullopt;
  return result.Val.getInt().getExtValue();
}

std::optional<model::written_name> call_reader::name_in(const clang::Expr* e) const {
  const clang::StringLiteral* literal = literal_in(e);
  if (!literal || !literal->isOrdinary()) return std::nullopt;
  return model::written_name{literal->getString().str(), site_of(literal->getBeginLoc())};
}

// The column literals of calls to the given functions anywhere under `e`: only(...),
// asc(...), eq("col", v) && lt("col", v), ... A name built at run time is not known
// here and is left out: only what is written is checked.
void call_reader::names_of_calls(const clang::Stmt* e, llvm::ArrayRef<llvm::StringRef> functions, bool every_argument,
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

// What one level of options asks, from its init list: columns, where, order_by,
// limit, offset and the relations `with` loads.
model::query_options call_reader::options_of(const clang::InitListExpr& options) const {
  model::query_options out;
  if (const clang::Expr* columns = field_init(options, "columns"); given(columns)) {
    names_of_calls(columns, {"only", "except"}, true, out.columns);
    out.columns_mode = model::query_options::selection::include;
  }
  if (const clang::Expr* where = field_init(options, "where"); given(where)) {
    where_of(where, out.where_columns, out.filter_relations);
    out.filter = filter_of(where);
  } else {
    out.filter = model::condition{};
  }
  if (const clang::Expr* order = field_init(options, "order_by"); given(order)) {
    names_of_calls(order, {"asc", "desc"}, false, out.order_columns);
    out.order_descending = descending_of(order, out.order_columns.size());
  } else {
    out.order_descending.emplace();
  }
  if (const clang::Expr* limit = field_init(options, "limit"); given(limit)) {
    out.limit_given = true;
    out.limit = constant(limit);
    out.limit_site = site_of(limit->getBeginLoc());
  }
  if (const clang::Expr* strategy = field_init(options, "strategy"); given(strategy)) {
    out.strategy = constant(strategy);
    out.strategy_site = site_of(strategy->getBeginLoc());
  }
  if (const clang::Expr* offset = field_init(options, "offset"); given(offset)) {
    out.offset = constant(offset);
    out.offset_site = site_of(offset->getBeginLoc());
  }
  const clang::Expr* after = cursor_in(options, "after");
  const clang::Expr* before = cursor_in(options, "before");
  using paging = model::query_options::paging;
  out.pages = after && before ? paging::both : after ? paging::after : before ? paging::before : paging::none;
  if (after || before) out.pages_site = site_of((after ? after : before)->getBeginLoc());
  out.with = loads_of(options);
  // .count = {"comments"}: each name written is checked; one built at run time is not.
  if (const clang::Expr* counted = field_init(options, "count"); given(counted))
    if (const auto* names = braced_items(counted))
      for (const clang::Expr* item : names->inits())
        if (auto name = name_in(item)) out.counts.push_back(std::move(*name));
  return out;
}

model::aggregation call_reader::aggregation_of(const clang::InitListExpr& options) const {
  model::aggregation out;
  if (const clang::Expr* groups = field_init(options, "group_by"); given(groups))
    column_names_of(groups, out.group_by, out.complete);
  if (const clang::Expr* count = field_init(options, "count"); given(count)) {
    const auto* literal = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(written(count));
    if (!literal) out.complete = false;  // counted or not: known at run time only
    else if (literal->getValue()) out.terms.push_back({model::aggregate_fn::count, {}});
  }
  using fn = model::aggregate_fn;
  for (const auto& [field, f] : {std::pair{"sum", fn::sum}, {"avg", fn::avg}, {"min", fn::min}, {"max", fn::max}}) {
    const clang::Expr* columns = field_init(options, field);
    if (!given(columns)) continue;
    std::vector<model::written_name> names;
    column_names_of(columns, names, out.complete);
    for (model::written_name& n : names) out.terms.push_back({f, std::move(n)});
  }
  return out;
}

void call_reader::column_names_of(const clang::Stmt* e, std::vector<model::written_name>& out, bool& seen) const {
  if (!e) return;
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(e)) {
    if (literal->isOrdinary()) out.push_back({literal->getString().str(), site_of(literal->getBeginLoc())});
    return;
  }
  // A name held in a variable or returned by a function is not seen here.
  if (llvm::isa<clang::DeclRefExpr>(e) || llvm::isa<clang::MemberExpr>(e) ||
      (llvm::isa<clang::CallExpr>(e) && !llvm::isa<clang::CXXConstructExpr>(e))) {
    seen = false;
    return;
  }
  for (const clang::Stmt* child : e->children()) column_names_of(child, out, seen);
}

// The .after / .before of the options when a cursor is surely given: a cursor value, not
// a std::optional that may be empty at run time (not judged: it may hold no cursor).
const clang::Expr* call_reader::cursor_in(const clang::InitListExpr& options, llvm::StringRef field) const {
  const clang::Expr* init = field_init(options, field);
  if (!given(init)) return nullptr;
  const clang::Expr* value = written(init);
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(value); construct && construct->getNumArgs() == 1)
    value = written(construct->getArg(0));  // std::optional<cursor> made from a cursor
  const auto* record = value->getType()->getAsCXXRecordDecl();
  return record && record->getIdentifier() && record->getName() == "cursor" && in_orm(record) ? init : nullptr;
}

// The relations `with` loads, from the options' init list.
std::vector<model::query_load> call_reader::loads_of(const clang::InitListExpr& options) const {
  std::vector<model::query_load> out;
  const clang::Expr* with = field_init(options, "with");
  if (!given(with)) return out;
  const auto* items = braced_items(with);
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

// The name of the table value that db.query(schema, table) is given.
std::optional<std::string> call_reader::table_name(const clang::CXXMemberCallExpr& query_call) const {
  const auto* table = variable(query_call.getArg(1));
  if (!table || !table->evaluateValue()) return std::nullopt;
  try {
    const typed_value name = read_.field({table->evaluateValue(), table->getType()}, "name");
    return read_.c_string(read_.field(name, "ptr"), read_.integer_field(name, "len"));
  } catch (const read_error&) {
    return std::nullopt;  // a table value of another shape: not one this version understands
  }
}

// A field as the write planner reads it: the value's kind comes from the C++ type the
// runtime's parameter is built from, as overload resolution picks its constructor.
model::written_field call_reader::field_of(model::written_name name, const clang::Expr* value) const {
  using k = model::written_kind;
  model::written_field f{std::move(name), k::unknown, std::nullopt, site_of(value->getBeginLoc())};
  const clang::Expr* e = written(value);
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructExpr>(e);
      ctor && ctor->getNumArgs() == 1 && is_param(e->getType()))
    e = written(ctor->getArg(0));
  const clang::QualType type = e->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType();
  auto is_char = [](clang::QualType t) { return t->isCharType(); };
  if (const std::optional<k> computed = computed_kind(e))
    f.kind = *computed;
  else if (is_param(type))
    f.kind = k::unknown;  // a parameter already: its kind is the run time's
  else if (type->isNullPtrType())
    f.kind = k::null;
  else if (type->isBooleanType())
    f.kind = k::boolean;
  else if (type->isIntegerType())
    f.kind = k::integer;
  else if (type->isRealFloatingType())
    f.kind = k::real;
  else if ((type->isArrayType() && is_char(type->castAsArrayTypeUnsafe()->getElementType())) ||
           (type->isPointerType() && is_char(type->getPointeeType())))
    f.kind = k::text;
  else if (const auto* record = type->getAsCXXRecordDecl(); record && record->getIdentifier()) {
    const llvm::StringRef n = record->getName();
    if (n == "basic_string" || n == "basic_string_view")
      f.kind = k::text;
    else if (n == "blob" && in_orm(record))
      f.kind = k::bytes;
  }
  if (const clang::StringLiteral* literal = literal_in(e); literal && literal->isOrdinary())
    f.text = literal->getString().str();
  return f;
}

}  // namespace orm::tool

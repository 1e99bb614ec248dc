#pragma once
// What the runtime's calls look like in Clang's AST, whatever their values: the methods of
// the runtime's templates, the fields of an options initializer, the string literals and
// braced lists users write, and the parts of an instantiation that come from its template.
// No state: each function reads the nodes it is given.
#include <optional>
#include <utility>

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/StringRef.h>

#include <orm/model/query_model.hpp>
#include <orm/model/write_plan.hpp>

namespace orm::tool {

// The DSL's and the runtime's filter predicates, each naming its column first.
extern const llvm::StringRef filter_predicates[10];
// some/none/every("relation", filter): their filter names the related table's columns.
extern const llvm::StringRef relation_filters[3];

// A method of the runtime's class template `klass` (basic_database, basic_table_query),
// whatever backend it is instantiated for.
bool is_method(const clang::CXXMethodDecl* m, llvm::StringRef klass);
// Whether `d` is declared in namespace ::orm (or one inside it).
bool in_orm(const clang::Decl* d);

// The field of an aggregate's (semantic) init list, by name; null when not found.
const clang::Expr* field_init(const clang::InitListExpr& list, llvm::StringRef name);
// Whether the user wrote this field, rather than leaving it to its default.
bool given(const clang::Expr* init);
// The variable an expression names, if it is one.
const clang::VarDecl* variable(const clang::Expr* e);
// The string literal an argument is, through the conversions to str or std::string.
const clang::StringLiteral* literal_in(const clang::Expr* e);
// The options of a find_* call: braces at the call, or a const local initialized with them.
const clang::InitListExpr* options_list(const clang::Expr* argument);
// `{}` or `condition()` written for the filter: it is empty, and every row matches.
bool empty_braces(const clang::Expr* e);
// Whether a type is the runtime's param.
bool is_param(clang::QualType t);
// orm::add / orm::sub of an integer or a real, and orm::now<D>(): what the database
// computes, as the runtime's param records it (runtime/param.hpp).
std::optional<model::written_kind> computed_kind(const clang::Expr* e);
// The items of a container built from braces where it is written: a `fields` argument's
// {{"name", v}, ...}, a list of names {"a", "b"}, a `with`'s entries. Through the
// std::optional it initializes and a `fields{...}` written around the braces.
const clang::InitListExpr* braced_items(const clang::Expr* e);
// The name and value of a {"name", value} pair: braces, or the std::pair constructor they became.
std::optional<std::pair<const clang::Expr*, const clang::Expr*>> pair_parts(const clang::Expr* e);
// What a struct's field writes, as the write planner reads a written value.
model::written_kind written_kind_of(const model::row_field& f);

// db.query(schema, table), directly or through a variable initialized with it.
const clang::CXXMemberCallExpr* query_of(const clang::Expr* object);
// Whether the call's arguments, or those of the query(...) it is made on, come from the
// template an instantiation was made from (a value of type T, a non-type parameter,
// sizeof(T)).
bool arguments_from_template(const clang::CXXMemberCallExpr& call);

}  // namespace orm::tool

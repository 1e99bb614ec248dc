#include "tool/extract/row_reader.hpp"

#include <string>
#include <utility>

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/TypeLoc.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

namespace orm::tool {

namespace {

using kind = model::row_field::value_kind;

// The same depth at which reflection::describe stops a struct that holds itself.
constexpr int describe_depth = 32;

// A specialization of std::<name> (in any inline namespace), or null.
const clang::ClassTemplateSpecializationDecl* std_template(clang::QualType t, llvm::StringRef name) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
  if (!spec || spec->getName() != name || !spec->isInStdNamespace()) return nullptr;
  return spec;
}

bool is_std_string(clang::QualType t) {
  const auto* spec = std_template(t, "basic_string");
  return spec && spec->getTemplateArgs().size() > 0 && spec->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type &&
         spec->getTemplateArgs()[0].getAsType()->isSpecificBuiltinType(clang::BuiltinType::Char_S);
}

bool is_byte(clang::QualType t) {
  t = t.getCanonicalType().getUnqualifiedType();
  if (t->isSpecificBuiltinType(clang::BuiltinType::UChar)) return true;
  const auto* e = t->getAs<clang::EnumType>();
  return e && e->getDecl()->getName() == "byte" && e->getDecl()->isInStdNamespace();
}

// reflection::row_struct: an aggregate class, not polymorphic, and not a vector.
const clang::CXXRecordDecl* row_struct(clang::QualType t) {
  const clang::CXXRecordDecl* record = t->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition() || record->isUnion()) return nullptr;
  record = record->getDefinition();
  if (!record->isAggregate() || record->isPolymorphic() || std_template(t, "vector")) return nullptr;
  return record;
}

clang::QualType first_argument(const clang::ClassTemplateSpecializationDecl& spec) {
  return spec.getTemplateArgs()[0].getAsType();
}

// orm::renamed<"created-at", T>: the name it gives (from its fixed_name argument) and T.
std::optional<std::pair<std::string, clang::QualType>> named_field(clang::QualType t) {
  const auto* spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
  if (!spec || spec->getName() != "renamed" || spec->getTemplateArgs().size() != 2) return std::nullopt;
  const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(spec->getDeclContext());
  if (!ns || ns->getName() != "orm") return std::nullopt;
  const clang::TemplateArgument& name = spec->getTemplateArgs()[0];
  const clang::APValue* value = nullptr;
  if (name.getKind() == clang::TemplateArgument::StructuralValue) value = &name.getAsStructuralValue();
  else if (name.getKind() == clang::TemplateArgument::Declaration)
    if (const auto* object = llvm::dyn_cast<clang::TemplateParamObjectDecl>(name.getAsDecl())) value = &object->getValue();
  if (!value || !value->isStruct() || value->getStructNumFields() < 1 || !value->getStructField(0).isArray()) return std::nullopt;
  const clang::APValue& chars = value->getStructField(0);
  std::string text;
  for (unsigned i = 0; i < chars.getArraySize(); ++i) {
    const clang::APValue& c = i < chars.getArrayInitializedElts() ? chars.getArrayInitializedElt(i) : chars.getArrayFiller();
    if (!c.isInt() || c.getInt() == 0) break;
    text.push_back(static_cast<char>(c.getInt().getExtValue()));
  }
  return std::pair{text, spec->getTemplateArgs()[1].getAsType()};
}

class reader {
 public:
  explicit reader(clang::ASTContext& context) : context_(context), sm_(context.getSourceManager()) {}

  std::vector<model::row_field> fields(const clang::CXXRecordDecl& record, int depth) {
    std::vector<model::row_field> out;
    for (const clang::FieldDecl* field : record.fields()) {
      const auto named = named_field(field->getType().getCanonicalType());
      model::row_field f = describe(named ? named->second : field->getType(), depth);
      f.name = named ? named->first : field->getNameAsString();
      f.site = site_of(field->getLocation());
      f.name_site = named ? renamed_literal_site(*field) : f.site;
      f.name_quoted = named.has_value();
      if (const clang::TypeSourceInfo* written = field->getTypeSourceInfo()) {
        const clang::SourceRange range = written->getTypeLoc().getSourceRange();
        if (range.getBegin().isFileID() && range.getEnd().isFileID()) {
          f.type_begin = site_of(range.getBegin());
          f.type_last = site_of(range.getEnd());
          f.type_written = clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range), sm_, context_.getLangOpts()).str();
        }
      }
      out.push_back(std::move(f));
    }
    return out;
  }

  // The string literal of orm::renamed<"...", T> as written in the field's type; none
  // when it cannot be found (a macro, an alias): then no fix-it renames it.
  model::source_site renamed_literal_site(const clang::FieldDecl& field) const {
    const clang::TypeSourceInfo* written = field.getTypeSourceInfo();
    if (!written) return {};
    clang::TypeLoc loc = written->getTypeLoc();
    if (auto elaborated = loc.getAs<clang::ElaboratedTypeLoc>()) loc = elaborated.getNamedTypeLoc();
    const auto spec = loc.getAs<clang::TemplateSpecializationTypeLoc>();
    if (!spec || spec.getNumArgs() < 1) return {};
    // The literal, under the implicit conversion to fixed_name (a constructor call).
    const clang::Expr* argument = spec.getArgLoc(0).getSourceExpression();
    while (argument) {
      argument = argument->IgnoreImplicit();
      const auto* convert = llvm::dyn_cast<clang::CXXConstructExpr>(argument);
      if (!convert || convert->getNumArgs() != 1) break;
      argument = convert->getArg(0);
    }
    const auto* literal = llvm::dyn_cast_or_null<clang::StringLiteral>(argument);
    if (!literal || !literal->getBeginLoc().isFileID()) return {};
    return site_of(literal->getBeginLoc());
  }

  // As reflection::field_traits and reflection::described_type classify the type.
  model::row_field describe(clang::QualType type, int depth) {
    type = type.getCanonicalType().getUnqualifiedType();
    model::row_field f;
    if (const auto* optional = std_template(type, "optional")) {
      f = describe(first_argument(*optional), depth);
      f.optional = true;
      f.type = "std::optional<" + f.type + ">";
      return f;
    }
    if (const auto* vector = std_template(type, "vector")) {
      const clang::QualType item = first_argument(*vector).getCanonicalType().getUnqualifiedType();
      if (is_byte(item)) {
        f.kind = kind::bytes;
        f.type = "std::vector<std::byte>";
        return f;
      }
      const model::row_field inner = describe(item, depth);
      f = inner;
      f.optional = false;
      f.narrow = false;
      f.sequence = true;
      f.kind = inner.kind == kind::row ? kind::row : kind::unsupported;
      f.type = "std::vector<" + inner.type + ">";
      return f;
    }
    const auto bits = [&] { return std::to_string(context_.getTypeSize(type)); };
    // std::chrono::time_point<std::chrono::system_clock, D> (chrono is not std itself).
    const auto* time = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
    if (time && time->getQualifiedNameAsString() == "std::chrono::time_point") {
      const auto* clock = first_argument(*time)->getAsCXXRecordDecl();
      if (clock && clock->getQualifiedNameAsString() == "std::chrono::system_clock") {
        f.kind = kind::time_point;
        f.type = "std::chrono::sys_time<...>";
        return f;
      }
    }
    if (type->isBooleanType()) {
      f.kind = kind::boolean;
      f.type = "bool";
    } else if (type->isIntegerType() && !type->isEnumeralType()) {
      f.kind = kind::integer;
      f.narrow = context_.getTypeSize(type) < 64 || type->isUnsignedIntegerType();
      f.type = std::string(type->isUnsignedIntegerType() ? "std::uint" : "std::int") + bits() + "_t";
    } else if (type->isRealFloatingType()) {
      f.kind = kind::real;
      f.narrow = context_.getTypeSize(type) < 64;
      f.type = f.narrow ? "float" : "double";
    } else if (is_std_string(type)) {
      f.kind = kind::text;
      f.type = "std::string";
    } else if (const clang::CXXRecordDecl* record = row_struct(type)) {
      f.kind = kind::row;
      f.type = f.row_name = record->getNameAsString();
      if (depth < describe_depth) f.fields = fields(*record, depth + 1);
    } else {
      f.kind = kind::unsupported;
      f.type = type.getAsString();
    }
    return f;
  }

 private:
  model::source_site site_of(clang::SourceLocation loc) const {
    const clang::PresumedLoc p = sm_.getPresumedLoc(sm_.getFileLoc(loc));
    return p.isValid() ? model::source_site{p.getFilename(), p.getLine(), p.getColumn()} : model::source_site{};
  }

  clang::ASTContext& context_;
  const clang::SourceManager& sm_;
};

}  // namespace

std::optional<model::row_type> read_row_type(clang::ASTContext& context, clang::QualType type) {
  if (type.isNull() || type->isDependentType()) return std::nullopt;
  const clang::CXXRecordDecl* record = row_struct(type.getCanonicalType());
  if (!record) return std::nullopt;
  reader r(context);
  model::row_type row;
  row.name = record->getNameAsString();
  row.fields = r.fields(*record, 0);
  return row;
}

}  // namespace orm::tool

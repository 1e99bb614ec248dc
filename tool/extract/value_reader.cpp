#include "tool/extract/value_reader.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

namespace orm::tool {

typed_value value_reader::field(const typed_value& record, llvm::StringRef name) const {
  const auto* decl = record.type->getAsRecordDecl();
  if (!decl || !record.value->isStruct())
    throw read_error("expected a struct holding '" + name.str() + "', found " + record.type.getAsString());
  for (const clang::FieldDecl* f : decl->fields())
    if (f->getName() == name) return {&record.value->getStructField(f->getFieldIndex()), f->getType()};
  throw read_error("'" + record.type.getAsString() + "' has no field '" + name.str() + "'");
}

typed_value value_reader::element(const typed_value& array, std::size_t index) const {
  const auto* type = context_.getAsConstantArrayType(array.type);
  if (!type || !array.value->isArray()) throw read_error("expected an array, found " + array.type.getAsString());
  if (index >= array.value->getArraySize()) throw read_error("array index out of range");
  // Trailing elements that were never written share one "filler" value.
  const clang::APValue& v = index < array.value->getArrayInitializedElts() ? array.value->getArrayInitializedElt(index)
                                                                           : array.value->getArrayFiller();
  return {&v, type->getElementType()};
}

std::int64_t value_reader::integer(const typed_value& v) const {
  if (!v.value->isInt()) throw read_error("expected an integer, found " + v.type.getAsString());
  return v.value->getInt().getExtValue();
}

double value_reader::real(const typed_value& v) const {
  if (!v.value->isFloat()) throw read_error("expected a floating-point value");
  return v.value->getFloat().convertToDouble();
}

std::string value_reader::c_string(const typed_value& pointer, std::int64_t length) const {
  const clang::APValue& v = *pointer.value;
  if (!v.isLValue()) throw read_error("expected a pointer to characters");
  if (v.isNullPointer()) return {};
  const auto offset = static_cast<std::size_t>(v.getLValueOffset().getQuantity());
  const clang::APValue::LValueBase base = v.getLValueBase();
  std::string text;
  if (const auto* expr = base.dyn_cast<const clang::Expr*>()) {
    const auto* literal = llvm::dyn_cast<clang::StringLiteral>(expr->IgnoreParenImpCasts());
    if (!literal || literal->getCharByteWidth() != 1) throw read_error("the text is not a narrow string literal");
    const llvm::StringRef bytes = literal->getBytes();
    text = offset <= bytes.size() ? bytes.substr(offset).str() : std::string();
  } else if (const auto* decl = base.dyn_cast<const clang::ValueDecl*>()) {
    const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
    const clang::APValue* chars = var ? var->evaluateValue() : nullptr;
    if (!chars || !chars->isArray()) throw read_error("the text is not a constant character array");
    for (unsigned i = static_cast<unsigned>(offset); i < chars->getArraySize(); ++i) {
      const clang::APValue& c = i < chars->getArrayInitializedElts() ? chars->getArrayInitializedElt(i) : chars->getArrayFiller();
      if (!c.isInt() || c.getInt() == 0) break;
      text.push_back(static_cast<char>(c.getInt().getExtValue()));
    }
  } else {
    throw read_error("the text is not a constant");
  }
  if (length >= 0) {
    if (static_cast<std::size_t>(length) > text.size()) throw read_error("the text is shorter than its length");
    text.resize(static_cast<std::size_t>(length));
  } else if (const auto nul = text.find('\0'); nul != std::string::npos) {
    text.resize(nul);
  }
  return text;
}

}  // namespace orm::tool

#pragma once
// The pools of an evaluated orm::schema_def, element by element, for model::assemble.
// The field names read here are the DSL's (include/orm/schema.hpp and the headers it
// includes); the constexpr_pools of include/orm/model/build.hpp read the same ones.
#include <orm/model/assemble.hpp>

#include "tool/extract/value_reader.hpp"

namespace orm::tool {

class apvalue_pools {
 public:
  apvalue_pools(const value_reader& reader, typed_value schema) : read_(reader), schema_(schema) {}

  model::options settings() const;
  model::source_site site() const { return site_of(read_.field(schema_, "where")); }
  std::size_t table_count() const { return size_of("tables"); }
  std::size_t relation_count() const { return size_of("relation_defs"); }

  model::pooled_table table(std::size_t i) const;
  model::pooled_column column(std::size_t i) const;
  model::index index(std::size_t i) const;
  model::check check(std::size_t i) const;
  model::foreign_key foreign_key(std::size_t i) const;
  model::variant variant(std::size_t i) const;
  model::pooled_discriminator discriminator(std::size_t i) const;
  model::relation relation(std::size_t i) const;

 private:
  std::size_t size_of(const char* pool) const;
  typed_value item(const char* pool, std::size_t i) const;

  std::string text(const typed_value& str) const;
  std::string text(const typed_value& record, const char* field) const { return text(read_.field(record, field)); }
  model::source_site site_of(const typed_value& site) const;
  std::vector<std::string> names(const typed_value& list) const;
  model::literal literal_of(const typed_value& value) const;
  model::condition condition_of(const typed_value& predicate) const;

  template <class Enum>
  Enum enumerator(const typed_value& record, const char* field) const {
    return static_cast<Enum>(read_.integer_field(record, field));
  }

  const value_reader& read_;
  typed_value schema_;
};

}  // namespace orm::tool

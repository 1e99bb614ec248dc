#include <orm/runtime/find_options.hpp>

namespace orm::runtime {

order asc(std::string column) { return {std::move(column), false}; }

order desc(std::string column) { return {std::move(column), true}; }

selection no_columns() { return {selection::mode::include, {}}; }

with_list::with_list(std::initializer_list<with_relation> items) : items_(items) {}

with_list::with_list(std::vector<with_relation> items) : items_(std::move(items)) {}

const with_relation* with_list::begin() const { return items_.data(); }

const with_relation* with_list::end() const { return items_.data() + items_.size(); }

}  // namespace orm::runtime

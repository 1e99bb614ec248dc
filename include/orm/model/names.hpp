#pragma once
// Whether every table and column a schema names exists. One walk, read by ormlint's
// orm-unknown-reference check and by the runtime's migrate, so that both refuse the
// same schemas with the same words. Linear in the schema's size: tables and columns
// are looked up through hash maps built once.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

char lower(char c);

// The candidate closest to `typo` by edit distance (a swap of two neighbouring letters
// counts as one edit, a slip of case as none), when it is close enough to be a likely
// misspelling (clang's typo correction allows about a third of the length), shares at
// least one letter's worth with it, and no other candidate is as close; or, before any of
// that, the one candidate that is the same word in the other number ("reply" for
// "replies"). Empty otherwise.
std::string closest_name(std::string_view typo, const std::vector<std::string_view>& candidates);

// A name in the schema that points at nothing.
struct unknown_name {
  source_site site;         // the element that names it (relation, index, column, ...)
  std::string written;      // the name as written: "authorIdd"
  bool is_literal = true;   // written as a string literal (a table object is not)
  std::string message;      // lowercase, names the element and says what exists
  std::string suggestion;   // the one close name, when there is one
  const relation* in_relation = nullptr;  // set when a relation names it
};

namespace detail {

std::string listed(const std::vector<std::string_view>& names);


}  // namespace detail

std::vector<unknown_name> unknown_names(const schema& s);

// The relations that name something that does not exist: nothing else is decided about
// them (no index, inverse or bound is looked for) until the name is fixed.
std::unordered_set<const relation*> relations_with_unknown_names(const std::vector<unknown_name>& names);

}  // namespace orm::model

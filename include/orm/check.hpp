#pragma once
// check("one_target", is_null("postId") || is_null("videoId")): a CHECK constraint.
#include <orm/predicate.hpp>
#include <orm/site.hpp>

namespace orm {

struct check_def {
  str name;
  site where;
  predicate condition;
};

constexpr check_def check(named name, const predicate& condition) { return {name.text, name.where, condition}; }

}  // namespace orm

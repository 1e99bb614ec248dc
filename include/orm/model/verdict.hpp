#pragma once
// The schema-level refusals: every problem that ormlint reports as an error about the
// schema itself (not about loading one relation), in the words ormlint uses. migrate
// refuses a schema exactly when this is not empty, so the two cannot disagree.
#include <string>
#include <vector>

#include <orm/model/names.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/structure.hpp>

namespace orm::model {

std::vector<std::string> schema_refusals(const schema& s);

}  // namespace orm::model

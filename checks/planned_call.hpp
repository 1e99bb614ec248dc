#pragma once
// A call written at a call site, with what the planner found wrong with it: planned once
// per call by run_checks, then read by every check of call sites.
#include <vector>

#include <orm/model/query_model.hpp>
#include <orm/model/query_plan.hpp>

namespace orm::checks {

template <class Call>
struct planned_call {
  const Call& call;
  std::vector<model::query_problem> problems;  // model::plan_query / plan_write
};
using planned_query = planned_call<model::query>;
using planned_write = planned_call<model::write>;

}  // namespace orm::checks

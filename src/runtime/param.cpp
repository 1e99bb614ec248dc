#include <orm/runtime/param.hpp>

namespace orm::runtime {

param add(double amount) { return param::added(amount); }

param sub(double amount) { return param::added(-amount); }

}  // namespace orm::runtime

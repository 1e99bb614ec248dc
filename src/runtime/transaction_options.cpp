#include <orm/runtime/transaction_options.hpp>

namespace orm::runtime {

void refuse_nested_isolation(int depth, const transaction_options& options) {
  if (depth > 0 && options.isolation != isolation_level::database_default)
    throw error("a nested transaction (a savepoint) runs at its outer transaction's isolation level: give .isolation to "
                "the outermost transaction");
}

}  // namespace orm::runtime

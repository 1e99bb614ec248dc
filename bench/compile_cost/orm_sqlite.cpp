#include <orm/sqlite.hpp>

#include "orm_program.hpp"

int main() {
  orm::sqlite::database db{":memory:"};
  return small::run(db);
}

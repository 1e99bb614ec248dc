#include <orm/postgres.hpp>

#include "orm_program.hpp"

int main(int argc, char** argv) {
  orm::postgres::database db{argc > 1 ? argv[1] : ""};
  return small::run(db);
}

#pragma once
// The PostgreSQL runtime: #include <orm/postgres.hpp>, link orm::postgres (libpq, and the
// shared row decoder).
#include <orm/orm.hpp>
#include <orm/postgres/database.hpp>

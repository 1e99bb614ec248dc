#pragma once
// The SQLite runtime: #include <orm/sqlite.hpp>, link SQLite and simdjson (orm::sqlite
// in CMake).
#include <orm/orm.hpp>
#include <orm/sqlite/database.hpp>

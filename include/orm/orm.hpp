#pragma once
// The umbrella header: the schema DSL and the schema model.
#include <orm/check.hpp>
#include <orm/column.hpp>
#include <orm/column_type.hpp>
#include <orm/discriminator.hpp>
#include <orm/foreign_key.hpp>
#include <orm/index.hpp>
#include <orm/model/build.hpp>
#include <orm/name_list.hpp>
#include <orm/predicate.hpp>
#include <orm/relation.hpp>
#include <orm/relations_part.hpp>
#include <orm/schema.hpp>
#include <orm/table.hpp>

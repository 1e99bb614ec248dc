#include "blog_schema.hpp"
int broken() { return undeclared; }

#include "blog_schema.hpp"
int second() { return 2; }

#include "blog_schema.hpp"
int first() { return 1; }

#include "blog_schema.hpp"

// Includes the schema header and queries nothing: the header's finding still shows, at
// the #include above.
int answer() { return 42; }

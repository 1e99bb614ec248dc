// A unit that includes the schema header below its own comment, so that where its
// findings are shown (the #include) can be told from the top of the file.
#include "blog_schema.hpp"

// Includes the schema header and queries nothing: the header's finding still shows, at
// the #include above.
int answer() { return 42; }

// An include that cannot be found.
#include "no_such_header.hpp"
int main() {}

#include <vector>
#include <string>
int plain() { std::vector<std::string> v{"a"}; return static_cast<int>(v.size()); }

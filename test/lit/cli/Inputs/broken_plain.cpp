// No orm header, and a syntax error: ormlint does not parse it.
int main() { return undeclared_name }

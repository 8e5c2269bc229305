#include <iostream>

int main() {
  std::cerr << "sillok: under construction\n";
  return 2;
}

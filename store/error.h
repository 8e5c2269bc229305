// The one exception type of store/. Every message starts with the database path, so a caller
// that prints `what()` tells the user which file is at fault ("news.db: file is not a database").
#pragma once

#include <stdexcept>

namespace sillok {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sillok

// Libraries loaded on first use (dlopen), for the dependencies only some
// runs need: linking them would make every run pay their loading (libzip
// and libxlsxwriter pull in OpenSSL's libcrypto, linked with BIND_NOW:
// 2-3.5 ms of start-up per run, measured with `perf stat` on an empty
// program, against the 20 ms of reading a small PDF).
//
// A loader keeps a table of the library's functions with their own types
// (decltype of the declarations in the library's header, so that a changed
// signature fails to compile) and fills it with Resolve().
#ifndef GONGKAI_SRC_MODEL_DYNAMIC_LIBRARY_H_
#define GONGKAI_SRC_MODEL_DYNAMIC_LIBRARY_H_

#include <string>

namespace gongkai {

// Returns the handle of `soname`, loaded now with every symbol bound and
// kept for the life of the process; nullptr with the reason in *error.
void* OpenLibrary(const char* soname, std::string* error);

// Returns the address of `name` in `handle` (of `soname`, named in the
// error), or nullptr with the reason in *error.
void* LibrarySymbol(void* handle, const char* soname, const char* name,
                    std::string* error);

// Sets *slot to the function `name` of `handle`; returns false (with the
// reason in *error) if it is missing.
template <typename Fn>
bool Resolve(void* handle, const char* soname, const char* name, Fn* slot,
             std::string* error) {
  void* symbol = LibrarySymbol(handle, soname, name, error);
  if (!symbol) return false;
  *slot = reinterpret_cast<Fn>(symbol);
  return true;
}

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_DYNAMIC_LIBRARY_H_

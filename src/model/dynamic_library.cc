// dlopen and dlsym with their errors said; see dynamic_library.h.
#include "src/model/dynamic_library.h"

#include <dlfcn.h>

namespace gongkai {

void* OpenLibrary(const char* soname, std::string* error) {
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* reason = dlerror();
    *error = std::string("cannot load ") + soname + ": " +
             (reason ? reason : "unknown reason");
  }
  return handle;
}

void* LibrarySymbol(void* handle, const char* soname, const char* name,
                    std::string* error) {
  void* symbol = dlsym(handle, name);
  if (!symbol) *error = std::string(soname) + " has no " + name;
  return symbol;
}

}  // namespace gongkai

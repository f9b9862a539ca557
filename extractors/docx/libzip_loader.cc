// dlopen of libzip on first use; see libzip_loader.h.
#include "extractors/docx/libzip_loader.h"

#include <dlfcn.h>

namespace gongkai {
namespace {

struct Loaded {
  LibZip functions{};
  bool ok = false;
  std::string error;
};

// Sets *slot to the symbol `name` of `handle`; returns false (with the
// reason in *error) if it is missing.
template <typename Fn>
bool Resolve(void* handle, const char* name, Fn* slot, std::string* error) {
  void* symbol = dlsym(handle, name);
  if (!symbol) {
    *error = std::string("libzip has no ") + name;
    return false;
  }
  *slot = reinterpret_cast<Fn>(symbol);
  return true;
}

Loaded Load() {
  Loaded loaded;
  // The soname is found at configure time from the library CMake linked
  // the tests with, so that both agree.
  void* handle = dlopen(GONGKAI_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* reason = dlerror();
    loaded.error = std::string("cannot load " GONGKAI_LIBZIP_SONAME ": ") +
                   (reason ? reason : "unknown reason");
    return loaded;
  }
  LibZip& f = loaded.functions;
  std::string* e = &loaded.error;
  loaded.ok =
      Resolve(handle, "zip_error_init", &f.error_init, e) &&
      Resolve(handle, "zip_error_fini", &f.error_fini, e) &&
      Resolve(handle, "zip_error_strerror", &f.error_strerror, e) &&
      Resolve(handle, "zip_source_buffer_create", &f.source_buffer_create, e) &&
      Resolve(handle, "zip_source_free", &f.source_free, e) &&
      Resolve(handle, "zip_open_from_source", &f.open_from_source, e) &&
      Resolve(handle, "zip_get_num_entries", &f.get_num_entries, e) &&
      Resolve(handle, "zip_discard", &f.discard, e) &&
      Resolve(handle, "zip_name_locate", &f.name_locate, e) &&
      Resolve(handle, "zip_fopen", &f.fopen, e) &&
      Resolve(handle, "zip_fread", &f.fread, e) &&
      Resolve(handle, "zip_fclose", &f.fclose, e);
  // The handle is kept for the life of the process.
  return loaded;
}

}  // namespace

const LibZip* LoadLibZip(std::string* error) {
  static const Loaded loaded = Load();  // thread-safe initialization
  if (!loaded.ok) {
    if (error) *error = loaded.error;
    return nullptr;
  }
  return &loaded.functions;
}

void PreloadLibZip() { LoadLibZip(nullptr); }

}  // namespace gongkai

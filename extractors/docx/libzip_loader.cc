// dlopen of libzip on first use; see libzip_loader.h.
#include "extractors/docx/libzip_loader.h"

#include "src/model/dynamic_library.h"

namespace gongkai {
namespace {

struct Loaded {
  LibZip functions{};
  bool ok = false;
  std::string error;
};

Loaded Load() {
  Loaded loaded;
  // The soname is found at configure time from the library CMake linked
  // the tests with, so that both agree.
  const char* so = GONGKAI_LIBZIP_SONAME;
  void* handle = OpenLibrary(so, &loaded.error);
  if (!handle) return loaded;
  LibZip& f = loaded.functions;
  std::string* e = &loaded.error;
  loaded.ok =
      Resolve(handle, so, "zip_error_init", &f.error_init, e) &&
      Resolve(handle, so, "zip_error_fini", &f.error_fini, e) &&
      Resolve(handle, so, "zip_error_strerror", &f.error_strerror, e) &&
      Resolve(handle, so, "zip_source_buffer_create", &f.source_buffer_create,
              e) &&
      Resolve(handle, so, "zip_source_free", &f.source_free, e) &&
      Resolve(handle, so, "zip_open_from_source", &f.open_from_source, e) &&
      Resolve(handle, so, "zip_get_num_entries", &f.get_num_entries, e) &&
      Resolve(handle, so, "zip_discard", &f.discard, e) &&
      Resolve(handle, so, "zip_name_locate", &f.name_locate, e) &&
      Resolve(handle, so, "zip_fopen", &f.fopen, e) &&
      Resolve(handle, so, "zip_fread", &f.fread, e) &&
      Resolve(handle, so, "zip_fclose", &f.fclose, e);
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

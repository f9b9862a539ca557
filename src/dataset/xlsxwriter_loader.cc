// dlopen of libxlsxwriter on first use; see xlsxwriter_loader.h.
#include "src/dataset/xlsxwriter_loader.h"

#include "src/model/dynamic_library.h"

namespace gongkai {
namespace {

struct Loaded {
  LibXlsxWriter functions{};
  bool ok = false;
  std::string error;
};

Loaded Load() {
  Loaded loaded;
  // The soname is read at configure time from the library CMake found.
  const char* so = GONGKAI_XLSXWRITER_SONAME;
  void* handle = OpenLibrary(so, &loaded.error);
  if (!handle) return loaded;
  LibXlsxWriter& f = loaded.functions;
  std::string* e = &loaded.error;
  loaded.ok =
      Resolve(handle, so, "workbook_new", &f.new_workbook, e) &&
      Resolve(handle, so, "workbook_add_format", &f.add_format, e) &&
      Resolve(handle, so, "format_set_bold", &f.set_bold, e) &&
      Resolve(handle, so, "workbook_add_worksheet", &f.add_worksheet, e) &&
      Resolve(handle, so, "worksheet_write_string", &f.write_string, e) &&
      Resolve(handle, so, "worksheet_write_number", &f.write_number, e) &&
      Resolve(handle, so, "workbook_close", &f.close, e) &&
      Resolve(handle, so, "lxw_strerror", &f.strerror, e);
  return loaded;  // the handle is kept for the life of the process
}

}  // namespace

const LibXlsxWriter* LoadLibXlsxWriter(std::string* error) {
  static const Loaded loaded = Load();  // thread-safe initialization
  if (!loaded.ok) {
    if (error) *error = loaded.error;
    return nullptr;
  }
  return &loaded.functions;
}

}  // namespace gongkai

// dlopen of the OCR module; see ocr_loader.h. The module is looked for at
// the path it was built to (GONGKAI_OCR_MODULE), then beside the program.
#include "extractors/ocr/ocr_loader.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

namespace gongkai {
namespace {

struct Loaded {
  const OcrApi* api = nullptr;
  void* engine = nullptr;
  std::string error;
};

std::string BesideProgram() {
  char path[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (n <= 0) return "";
  std::string exe(path, static_cast<size_t>(n));
  return exe.substr(0, exe.rfind('/') + 1) + "libgongkai_ocr.so";
}

Loaded Load() {
  Loaded loaded;
  // Tesseract's OpenMP runtime reads this when it is loaded: one thread,
  // so that a reading does not depend on the machine (and four threads
  // spinning on two cores made a page four times slower).
  setenv("OMP_THREAD_LIMIT", "1", 1);
  void* handle = dlopen(GONGKAI_OCR_MODULE, RTLD_NOW | RTLD_LOCAL);
  if (!handle) handle = dlopen(BesideProgram().c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* reason = dlerror();
    loaded.error = std::string("cannot load the OCR module: ") +
                   (reason ? reason : "unknown reason");
    return loaded;
  }
  using Entry = const OcrApi* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "GongkaiOcrApi"));
  const OcrApi* api = entry ? entry() : nullptr;
  if (!api || api->abi != kOcrAbi) {
    loaded.error = "the OCR module is of another build";
    return loaded;
  }
  loaded.engine = api->open_engine(&loaded.error);
  if (loaded.engine) loaded.api = api;
  return loaded;  // the handle is kept for the life of the process
}

}  // namespace

const OcrApi* LoadOcr(void** engine, std::string* error) {
  static const Loaded loaded = Load();
  if (!loaded.api) {
    if (error) *error = loaded.error;
    return nullptr;
  }
  *engine = loaded.engine;
  return loaded.api;
}

void PreloadOcr() {
  void* engine = nullptr;
  LoadOcr(&engine, nullptr);
}

}  // namespace gongkai

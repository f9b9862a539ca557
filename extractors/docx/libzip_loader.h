// libzip, loaded on first use. libzip pulls in OpenSSL's libcrypto, which is
// linked with BIND_NOW: linking it into gongkai cost every run about 3.5 ms
// of start-up (measured with `perf stat` on an empty program), a tenth of
// reading a PDF, although only DOCX files need it. So the DOCX extractor
// reaches libzip through this table, filled by dlopen the first time a DOCX
// is read (or before workers are forked, see PreloadLibZip).
#ifndef GONGKAI_EXTRACTORS_DOCX_LIBZIP_LOADER_H_
#define GONGKAI_EXTRACTORS_DOCX_LIBZIP_LOADER_H_

#include <zip.h>

#include <string>

namespace gongkai {

// The libzip functions the DOCX extractor uses, with libzip's own types.
struct LibZip {
  decltype(&zip_error_init) error_init;
  decltype(&zip_error_fini) error_fini;
  decltype(&zip_error_strerror) error_strerror;
  decltype(&zip_source_buffer_create) source_buffer_create;
  decltype(&zip_source_free) source_free;
  decltype(&zip_open_from_source) open_from_source;
  decltype(&zip_get_num_entries) get_num_entries;
  decltype(&zip_discard) discard;
  decltype(&zip_name_locate) name_locate;
  decltype(&zip_fopen) fopen;
  decltype(&zip_fread) fread;
  decltype(&zip_fclose) fclose;
};

// Returns libzip's functions, loading the library on the first call (thread
// safe; later calls are free). Returns nullptr if the library or one of its
// functions cannot be loaded, with the reason in *error.
const LibZip* LoadLibZip(std::string* error);

// Loads libzip now if it is not loaded yet, ignoring failure (the DOCX
// extractor reports it per file). Called before forking workers so that
// each worker does not pay the loading again.
void PreloadLibZip();

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_DOCX_LIBZIP_LOADER_H_

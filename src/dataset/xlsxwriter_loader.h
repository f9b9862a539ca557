// libxlsxwriter, loaded when a workbook is written (see
// src/model/dynamic_library.h for why): linked, it pulled libminizip and
// OpenSSL's libcrypto into every run, 2.2 ms of start-up each (measured
// with `perf stat` on an empty program linked with it), although only
// `gongkai export --xlsx` writes a workbook.
#ifndef GONGKAI_SRC_DATASET_XLSXWRITER_LOADER_H_
#define GONGKAI_SRC_DATASET_XLSXWRITER_LOADER_H_

#include <xlsxwriter.h>

#include <string>

namespace gongkai {

// The libxlsxwriter functions the workbook export uses, with their types.
struct LibXlsxWriter {
  decltype(&workbook_new) new_workbook;
  decltype(&workbook_add_format) add_format;
  decltype(&format_set_bold) set_bold;
  decltype(&workbook_add_worksheet) add_worksheet;
  decltype(&worksheet_write_string) write_string;
  decltype(&worksheet_write_number) write_number;
  decltype(&workbook_close) close;
  decltype(&lxw_strerror) strerror;
};

// Returns libxlsxwriter's functions, loading the library on the first call
// (thread safe). Returns nullptr if the library or one of its functions
// cannot be loaded, with the reason in *error.
const LibXlsxWriter* LoadLibXlsxWriter(std::string* error);

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_XLSXWRITER_LOADER_H_
